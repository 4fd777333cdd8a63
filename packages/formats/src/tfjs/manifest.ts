/** TF.js weight manifests: entries laid out back to back over each group's shards, resolved from sidecar files. */
import type { DType, Tensor, TensorStorage } from '@nnlens/ir';
import { safeLocation } from '../external-data.js';
import { asObject } from '../keras/config.js';
import { dequantized } from './dequantize.js';

/** One weight of the manifest with where its bytes are. */
export interface ManifestWeight {
  name: string;
  shape: number[];
  /** The dtype the weight has once decoded. */
  dtype: DType;
  tensor: Tensor;
}

const DTYPES: Record<string, DType> = {
  float32: 'float32',
  float16: 'float16',
  int32: 'int32',
  int8: 'int8',
  uint8: 'uint8',
  uint16: 'uint16',
  int16: 'int16',
  bool: 'bool',
  string: 'string',
  complex64: 'complex64',
};
const BYTES: Partial<Record<DType, number>> = {
  float32: 4,
  float16: 2,
  int32: 4,
  int8: 1,
  uint8: 1,
  uint16: 2,
  int16: 2,
  bool: 1,
  complex64: 8,
};

/** The bytes of one weight group: its shards in order (null = not provided). */
class GroupBytes {
  constructor(
    readonly paths: string[],
    readonly shards: (Uint8Array | null)[],
  ) {}

  /** Bytes [offset, offset+length) of the group, or the first missing shard they need. */
  slice(offset: number, length: number): { bytes: Uint8Array } | { missing: string } | { short: true } {
    let start = 0;
    const parts: Uint8Array[] = [];
    for (let i = 0; i < this.paths.length; i++) {
      const shard = this.shards[i];
      if (!shard) {
        // Sizes after a missing shard are unknown: the tensor needs this shard (or a later one).
        return { missing: this.paths[i]! };
      }
      const end = start + shard.length;
      if (end > offset && start < offset + length) {
        parts.push(
          shard.subarray(Math.max(0, offset - start), Math.min(shard.length, offset + length - start)),
        );
      }
      start = end;
      if (start >= offset + length) break;
    }
    const got = parts.reduce((n, p) => n + p.length, 0);
    if (got < length) return { short: true };
    if (parts.length === 1) return { bytes: parts[0]! };
    // A tensor crossing a shard boundary is the one case that is copied.
    const out = new Uint8Array(length);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return { bytes: out };
  }
}

/** Finds a shard among the sidecars by its manifest path (relative to model.json), else by file name. */
export function findShard(sidecars: Map<string, Uint8Array> | undefined, path: string): Uint8Array | null {
  if (!sidecars) return null;
  const direct = sidecars.get(path);
  if (direct) return direct;
  const clean = safeLocation(path);
  if (!clean) return null;
  for (const [k, v] of sidecars) if (safeLocation(k) === clean) return v;
  const base = clean.split('/').pop()!;
  const byName = [...sidecars].filter(([k]) => safeLocation(k)?.split('/').pop() === base);
  return byName.length === 1 ? byName[0]![1] : null;
}

function numberOf(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Reads the manifest and resolves every weight against the sidecars; problems go to `warnings`. */
export function readManifest(
  manifest: unknown,
  sidecars: Map<string, Uint8Array> | undefined,
  warnings: string[],
): ManifestWeight[] {
  const out: ManifestWeight[] = [];
  if (!Array.isArray(manifest)) {
    if (manifest !== undefined) warnings.push('TF.js: weightsManifest is not a list; no weights read');
    return out;
  }
  const missing = new Set<string>();
  manifest.forEach((g, gi) => {
    const group = asObject(g);
    const paths = Array.isArray(group?.['paths'])
      ? (group['paths'] as unknown[]).filter((p): p is string => typeof p === 'string')
      : [];
    const bytes = new GroupBytes(
      paths,
      paths.map((p) => findShard(sidecars, p)),
    );
    const weights = Array.isArray(group?.['weights']) ? (group['weights'] as unknown[]) : [];
    let offset = 0;
    for (const [wi, w] of weights.entries()) {
      const e = asObject(w);
      const name = typeof e?.['name'] === 'string' ? e['name'] : `group${gi}/weight${wi}`;
      const shape =
        Array.isArray(e?.['shape']) &&
        (e['shape'] as unknown[]).every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 0)
          ? (e['shape'] as number[])
          : null;
      const dtype = DTYPES[String(e?.['dtype'])];
      if (!shape || !dtype) {
        warnings.push(
          `TF.js: weight '${name}' has an unusable shape or dtype; this and later weights of group ${gi} are skipped`,
        );
        break;
      }
      const q = asObject(e?.['quantization']);
      const stored = q ? DTYPES[String(q['dtype'])] : dtype;
      const count = shape.reduce((a, b) => a * b, 1);
      const size = stored ? BYTES[stored] : undefined;
      if (!stored || size === undefined) {
        warnings.push(
          `TF.js: weight '${name}' is stored as '${String(q?.['dtype'] ?? dtype)}', which nnlens does not read; later weights of group ${gi} are skipped`,
        );
        break;
      }
      const length = count * size;
      const got = bytes.slice(offset, length);
      let storage: TensorStorage;
      let irType: DType = stored;
      if ('bytes' in got) {
        storage = { kind: 'raw', bytes: got.bytes };
        if (q && (stored === 'uint8' || stored === 'uint16')) {
          const scale = numberOf(q['scale']) ?? 1;
          const min = numberOf(q['min']) ?? 0;
          storage = { kind: 'values', values: dequantized(got.bytes, stored, count, scale, min) };
          irType = 'float32';
        }
      } else if ('missing' in got) {
        missing.add(got.missing);
        storage = { kind: 'external', location: got.missing, offset: 0, length: null };
      } else {
        warnings.push(`TF.js: weight '${name}' runs past the end of its shards (${paths.join(', ')})`);
        storage = { kind: 'none' };
      }
      const tensor: Tensor = { name, dtype: irType, shape: shape.slice(), storage };
      if (q)
        tensor.docString = `stored as ${stored}${q['scale'] !== undefined ? ` (min ${String(q['min'])}, scale ${String(q['scale'])})` : ''}`;
      out.push({ name, shape, dtype: irType, tensor });
      offset += length;
    }
  });
  if (missing.size) {
    warnings.push(
      `TF.js: weight shard(s) ${[...missing].map((m) => `'${m}'`).join(', ')} not provided: those weights are not loaded`,
    );
  }
  return out;
}
