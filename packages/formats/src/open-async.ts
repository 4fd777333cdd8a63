/** openModelAsync: like openModel, but lets plugins whose readers load asynchronously (HDF5 via wasm) finish. */
import type { Model } from '@nnlens/ir';
import { ModelFormatError } from './errors.js';
import { formats, pickFormat } from './registry.js';
import type { ModelSource } from './source.js';

/**
 * Sniffs the format, then parses with the plugin's `openAsync` when it has one (Keras HDF5 needs the
 * wasm HDF5 reader), else with `open`. Rejects with ModelFormatError, and only that, on bad input.
 */
export async function openModelAsync(source: ModelSource): Promise<Model> {
  const plugin = pickFormat(source);
  if (!plugin) {
    const known = formats.flatMap((f) => f.extensions).join(', ');
    throw new ModelFormatError('unknown', `'${source.name}' is not a model format nnlens reads (${known})`);
  }
  try {
    return plugin.openAsync ? await plugin.openAsync(source) : plugin.open(source);
  } catch (e) {
    if (e instanceof ModelFormatError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new ModelFormatError(plugin.id, `${plugin.name}: cannot read '${source.name}': ${why}`, {
      cause: e,
    });
  }
}
