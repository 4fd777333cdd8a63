/** The TFLite importer plugin: TFL3 flatbuffers → IR (tensors keep their file shapes and quantization). */
import { createModel, type Model } from '@nnlens/ir';
import { ModelFormatError } from '../errors.js';
import type { FormatPlugin, ModelSource } from '../source.js';
import { buildMainGraph } from './graph.js';
import { readTflite, type TfliteFile } from './reader.js';

/** True when bytes 4..8 hold the TFLite file identifier 'TFL3'. */
export function hasTfliteIdentifier(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 8 && bytes[4] === 0x54 && bytes[5] === 0x46 && bytes[6] === 0x4c && bytes[7] === 0x33
  );
}

// Short text metadata (min_runtime_version) is shown; binary entries are listed by size.
function metadataOf(file: TfliteFile): Record<string, string> {
  const out: Record<string, string> = { schema_version: String(file.version) };
  if (file.description) out['description'] = file.description;
  for (const m of file.metadata) {
    const b = file.buffers[m.buffer];
    if (!b) continue;
    const end = b.indexOf(0) >= 0 ? b.indexOf(0) : b.length;
    const printable = end <= 256 && b.subarray(0, end).every((c) => c >= 0x20 && c < 0x7f);
    out[`metadata.${m.name}`] = printable
      ? new TextDecoder().decode(b.subarray(0, end))
      : `${b.length} bytes`;
  }
  if (file.signatures.length) out['signature_defs'] = file.signatures.map((s) => s.key).join(', ');
  return out;
}

function open(source: ModelSource): Model {
  const file = readTflite(source.bytes, source.name);
  const warnings: string[] = [];
  const graph = buildMainGraph(file, warnings);
  return createModel('tflite', graph, {
    formatVersion: `TFLite v${file.version}`,
    producer: file.description,
    metadata: metadataOf(file),
    warnings,
  });
}

/** Opens TensorFlow Lite flatbuffers (`.tflite`). */
export const tfliteFormat: FormatPlugin = {
  id: 'tflite',
  name: 'TFLite',
  extensions: ['.tflite', '.lite', '.tfl'],
  match(source) {
    const ext = /\.(tflite|lite|tfl)$/i.test(source.name) ? 5 : 0;
    return hasTfliteIdentifier(source.bytes) ? 20 + ext : ext;
  },
  open(source) {
    try {
      return open(source);
    } catch (e) {
      if (e instanceof ModelFormatError) throw e;
      const why = e instanceof Error ? e.message : String(e);
      throw new ModelFormatError('tflite', `TFLite: cannot read '${source.name}': ${why}`, { cause: e });
    }
  },
};
