/** openModelAsync and prepareModelSource: for importers whose readers load asynchronously (Keras HDF5 reads through wasm). */
import type { Model } from '@nnlens/ir';
import { ModelFormatError } from './errors.js';
import { formats, openModel, pickFormat } from './registry.js';
import type { ModelSource } from './source.js';

/**
 * Loads what the importer of `source` needs before a synchronous openModel can read it (the HDF5 wasm
 * module for Keras files); resolves at once for every other format. Never rejects: a reader that fails
 * to load shows up as the open's ModelFormatError.
 */
export async function prepareModelSource(source: ModelSource): Promise<void> {
  try {
    await pickFormat(source)?.prepare?.(source);
  } catch {
    // openModel reports it, with the file named
  }
}

/** Sniffs the format, prepares its reader, then parses. Rejects with ModelFormatError, and only that, on bad input. */
export async function openModelAsync(source: ModelSource): Promise<Model> {
  const plugin = pickFormat(source);
  if (!plugin) {
    const known = formats.flatMap((f) => f.extensions).join(', ');
    throw new ModelFormatError('unknown', `'${source.name}' is not a model format nnlens reads (${known})`);
  }
  try {
    await plugin.prepare?.(source);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ModelFormatError(
      plugin.id,
      `${plugin.name}: cannot load the reader for '${source.name}': ${why}`,
      {
        cause: e,
      },
    );
  }
  return openModel(source);
}
