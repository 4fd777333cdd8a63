/** The importer registry and openModel: pick the most confident plugin, parse, never leak other errors. */
import type { Model } from '@nnlens/ir';
import { ModelFormatError } from './errors.js';
import { onnxFormat } from './onnx/plugin.js';
import { caffeFormat } from './caffe/plugin.js';
import { stateDictFormat, torchScriptFormat } from './torch/plugin.js';
import { kerasFormat } from './keras/plugin.js';
import { tfliteFormat } from './tflite/plugin.js';
import { tfjsFormat } from './tfjs/plugin.js';
import type { FormatPlugin, ModelSource } from './source.js';

/** Every importer, ONNX first. Plugins for more formats are appended here. */
export const formats: FormatPlugin[] = [onnxFormat];
formats.push(caffeFormat, torchScriptFormat, stateDictFormat);
formats.push(kerasFormat, tfliteFormat, tfjsFormat);

/** The plugin whose match() is most confident about the source, or null. */
export function pickFormat(source: ModelSource): FormatPlugin | null {
  let pick: FormatPlugin | null = null;
  let score = 0;
  for (const p of formats) {
    let s = 0;
    try {
      s = p.match(source);
    } catch {
      s = 0; // a sniffer that chokes on odd bytes simply does not claim the file
    }
    if (s > score) [pick, score] = [p, s];
  }
  return pick;
}

/** Sniffs the format, then parses. Throws ModelFormatError (and only that) on bad or unknown input. */
export function openModel(source: ModelSource): Model {
  const plugin = pickFormat(source);
  if (!plugin) {
    const known = formats.flatMap((f) => f.extensions).join(', ');
    throw new ModelFormatError('unknown', `'${source.name}' is not a model format nnlens reads (${known})`);
  }
  try {
    return plugin.open(source);
  } catch (e) {
    if (e instanceof ModelFormatError) throw e;
    // Stack overflows, out-of-range reads and the like: still report them as a format error.
    const why = e instanceof Error ? e.message : String(e);
    throw new ModelFormatError(plugin.id, `${plugin.name}: cannot read '${source.name}': ${why}`, {
      cause: e,
    });
  }
}
