/** Reads a model file from disk with its external-data sidecars (same folder only) and opens it. */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, sep } from 'node:path';
import { companionFiles, externalDataFiles, openModel, openModelAsync } from '@nnlens/formats';
import type { Model } from '@nnlens/ir';

/** A model opened from disk, with the warnings met on the way. */
export interface LoadedModel {
  model: Model;
  path: string;
  bytes: number;
  warnings: string[];
}

function asBytes(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** Resolves an external-data location next to the model; null if it would leave the folder or is absent. */
function sidecarPath(modelPath: string, location: string): string | null {
  if (isAbsolute(location) || location.split(/[\\/]/).includes('..')) return null;
  const dir = realpathSync(dirname(modelPath));
  const candidate = join(dir, location);
  if (!existsSync(candidate)) return null;
  const real = realpathSync(candidate);
  return real.startsWith(dir + sep) && statSync(real).isFile() ? real : null;
}

/** Opens `path`; loads the external-data files it references when they exist beside it. */
export function loadModel(path: string, options: { externalData?: boolean } = {}): LoadedModel {
  const buffer = readFileSync(path);
  const source = { name: basename(path), bytes: asBytes(buffer) };
  let model = openModel(source);
  const wanted = [...externalDataFiles(model), ...companionFiles(source.name)]; // + a prototxt's .caffemodel
  const locations = options.externalData === false ? [] : wanted;
  if (locations.length > 0) {
    const sidecars = new Map<string, Uint8Array>();
    for (const location of locations) {
      const p = sidecarPath(path, location);
      if (p) sidecars.set(location, asBytes(readFileSync(p)));
    }
    // Parsing is cheap (views only): re-open with the sidecars so the model's warnings are exact.
    if (sidecars.size > 0) model = openModel({ ...source, sidecars });
  }
  return { model, path, bytes: buffer.byteLength, warnings: [...model.warnings] };
}

/**
 * loadModel for every format: opens through openModelAsync (Keras HDF5 reads through wasm) and re-opens
 * while new sidecars turn up beside the model (a TF.js tensor crossing shards names its next shard only
 * once the earlier ones are given).
 */
export async function loadModelAsync(
  path: string,
  options: { externalData?: boolean } = {},
): Promise<LoadedModel> {
  const buffer = readFileSync(path);
  const source = { name: basename(path), bytes: asBytes(buffer) };
  let model = await openModelAsync(source);
  const sidecars = new Map<string, Uint8Array>();
  const tried = new Set<string>();
  let next =
    options.externalData === false ? [] : [...externalDataFiles(model), ...companionFiles(source.name)];
  while (next.length > 0) {
    for (const location of next) {
      tried.add(location);
      const p = sidecarPath(path, location);
      if (p) sidecars.set(location, asBytes(readFileSync(p)));
    }
    if (sidecars.size === 0) break;
    model = await openModelAsync({ ...source, sidecars });
    next = externalDataFiles(model).filter((l) => !tried.has(l));
  }
  return { model, path, bytes: buffer.byteLength, warnings: [...model.warnings] };
}
