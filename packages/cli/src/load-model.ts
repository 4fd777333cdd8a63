/** Reads a model file from disk with its external-data sidecars (same folder only) and opens it. */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, sep } from 'node:path';
import { attachExternalData, externalDataFiles, openModel } from '@nnlens/formats';
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
  const model = openModel({ name: basename(path), bytes: asBytes(buffer) });
  const warnings: string[] = [];
  if (options.externalData !== false) {
    const files = new Map<string, Uint8Array>();
    for (const location of externalDataFiles(model)) {
      const p = sidecarPath(path, location);
      if (p) files.set(location, asBytes(readFileSync(p)));
      else
        warnings.push(
          `external data '${location}' not found next to ${basename(path)}: weights stay unloaded`,
        );
    }
    if (files.size > 0) warnings.push(...attachExternalData(model, files));
  }
  return { model, path, bytes: buffer.byteLength, warnings: [...model.warnings, ...warnings] };
}
