/** Resolves 'external' tensor storages (ONNX external data) against files the caller provides. */
import { tensorByteSize, walkGraphs, type Graph, type Model, type Tensor } from '@nnlens/ir';

function graphTensors(graph: Graph, out: Tensor[]): void {
  walkGraphs(graph, (g) => {
    for (const t of g.initializers.values()) out.push(t);
    for (const node of g.nodes) {
      for (const a of node.attributes) {
        if (a.kind === 'tensor' || a.kind === 'sparse_tensor') out.push(a.value);
        else if (a.kind === 'tensors' || a.kind === 'sparse_tensors') out.push(...a.value);
      }
    }
  });
}

function allTensors(model: Model): Tensor[] {
  const out: Tensor[] = [];
  graphTensors(model.graph, out);
  for (const fn of model.functions) graphTensors(fn.body, out);
  return out;
}

/**
 * The location as a clean relative path ('a/b.bin'), or null when it could leave the model's folder
 * (absolute, drive letter, URL, or a '..' segment).
 */
export function safeLocation(location: string): string | null {
  if (!location || location.includes('\0') || /^[\\/]/.test(location) || /^[a-zA-Z]:/.test(location))
    return null;
  if (location.includes('://')) return null;
  const parts = location.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.includes('..')) return null;
  return parts.join('/');
}

/** Distinct external-data locations referenced by the model's tensors, in first-use order. */
export function externalDataFiles(model: Model): string[] {
  const seen = new Set<string>();
  for (const t of allTensors(model)) if (t.storage.kind === 'external') seen.add(t.storage.location);
  return [...seen];
}

/**
 * Turns 'external' storages into 'raw' views into `files` (keyed by relative name), with bounds checks.
 * Returns warnings (rejected location, missing file, bytes out of range, size mismatch); does not add
 * them to model.warnings. Tensors that cannot be resolved stay 'external'.
 */
export function attachExternalData(model: Model, files: Map<string, Uint8Array>): string[] {
  const warnings: string[] = [];
  const missing = new Map<string, number>();
  const byClean = new Map<string, Uint8Array>();
  for (const [name, bytes] of files) {
    const clean = safeLocation(name);
    if (clean) byClean.set(clean, bytes);
  }
  for (const t of allTensors(model)) {
    const s = t.storage;
    if (s.kind !== 'external') continue;
    const clean = safeLocation(s.location);
    if (!clean) {
      warnings.push(
        `external data location '${s.location}' of tensor '${t.name}' is rejected: not a relative path inside the model's folder`,
      );
      continue;
    }
    const file = byClean.get(clean);
    if (!file) {
      missing.set(s.location, (missing.get(s.location) ?? 0) + 1);
      continue;
    }
    const expected = tensorByteSize(t);
    const length = s.length ?? (expected > 0 ? expected : file.byteLength - s.offset);
    if (s.offset > file.byteLength || length > file.byteLength - s.offset) {
      warnings.push(
        `tensor '${t.name}': external bytes ${s.offset}..${s.offset + length} are outside '${s.location}' (${file.byteLength} bytes)`,
      );
      continue;
    }
    if (expected > 0 && length !== expected) {
      warnings.push(`tensor '${t.name}': external data has ${length} bytes, its dims need ${expected}`);
    }
    t.storage = { kind: 'raw', bytes: file.subarray(s.offset, s.offset + length) };
  }
  for (const [location, n] of missing) {
    warnings.push(
      `external data file '${location}' (${n} tensor${n === 1 ? '' : 's'}) was not provided: weights not loaded`,
    );
  }
  return warnings;
}
