/** Cheap detection of Keras inputs: HDF5 signature, .keras zip archives, and Keras model-config JSON. */
import type { ModelSource } from '../source.js';
import { isKerasArchive } from './keras3.js';

/** What kind of Keras input a file is. */
export type KerasKind = 'hdf5' | 'archive' | 'json';

const HDF5_MAGIC = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** True when the HDF5 signature is at offset 0 or after a user block (512, 1024, 2048 …). */
export function hasHdf5Signature(bytes: Uint8Array): boolean {
  for (let at = 0; at + 8 <= bytes.length && at <= 1 << 16; at = at === 0 ? 512 : at * 2) {
    if (HDF5_MAGIC.every((b, i) => bytes[at + i] === b)) return true;
  }
  return false;
}

/** True for a zip local-file header. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The first `n` bytes as text (lenient), for JSON sniffing. */
export function head(bytes: Uint8Array, n = 4096): string {
  return new TextDecoder('utf-8').decode(bytes.subarray(0, n));
}

/** True when the text starts like a Keras model config (model.to_json(), config.json) rather than a TF.js model.json. */
export function looksLikeKerasJson(bytes: Uint8Array): boolean {
  const text = head(bytes)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!text.startsWith('{')) return false;
  if (text.includes('"modelTopology"') || text.includes('"weightsManifest"')) return false;
  return /"class_name"\s*:\s*"(Sequential|Model|Functional)"/.test(text) && text.includes('"config"');
}

function ext(name: string): string {
  const m = /\.[^./\\]+$/.exec(name.toLowerCase());
  return m ? m[0] : '';
}

/** The kind of Keras input and a match score (0 = not Keras). */
export function sniffKeras(source: ModelSource): { kind: KerasKind; score: number } | null {
  const e = ext(source.name);
  const b = source.bytes;
  if (hasHdf5Signature(b))
    return { kind: 'hdf5', score: e === '.h5' || e === '.hdf5' || e === '.keras' ? 20 : 15 };
  if (isZip(b)) {
    if (isKerasArchive(b)) return { kind: 'archive', score: 20 };
    return e === '.keras' ? { kind: 'archive', score: 5 } : null;
  }
  if (looksLikeKerasJson(b)) return { kind: 'json', score: e === '.json' ? 10 : 8 };
  // A damaged file with a Keras extension still gets a Keras error message.
  if (e === '.h5' || e === '.hdf5') return { kind: 'hdf5', score: 2 };
  if (e === '.keras') return { kind: 'archive', score: 2 };
  return null;
}
