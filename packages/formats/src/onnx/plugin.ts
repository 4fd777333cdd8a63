/** The ONNX importer plugin: sniff, decode with located errors, map to the IR, attach external data. */
import type { Model } from '@nnlens/ir';
import { ModelFormatError } from '../errors.js';
import { attachExternalData, externalDataFiles } from '../external-data.js';
import type { FormatPlugin, ModelSource } from '../source.js';
import { createContext } from './context.js';
import { describeFault, faultPath, locateFault } from './locate.js';
import { toModel } from './model.js';
import { decodeModelProto, type onnx } from './proto.js';
import { sniffModelProto } from './sniff.js';

function decodeError(source: ModelSource, cause: unknown): ModelFormatError {
  const f = locateFault(source.bytes);
  if (!f) {
    const why = cause instanceof Error ? cause.message : String(cause);
    return new ModelFormatError('onnx', `ONNX: cannot decode '${source.name}': ${why}`, { cause });
  }
  const where = describeFault(f);
  const message = f.truncated
    ? `ONNX: truncated at byte ${f.offset} inside ${where} ('${source.name}' may be incomplete)`
    : `ONNX: corrupt data at byte ${f.offset} inside ${where}: ${f.reason}`;
  return new ModelFormatError('onnx', message, { offset: f.offset, fieldPath: faultPath(f), cause });
}

function decode(source: ModelSource): onnx.ModelProto {
  try {
    return decodeModelProto(source.bytes);
  } catch (e) {
    throw decodeError(source, e);
  }
}

function loadExternal(model: Model, sidecars: Map<string, Uint8Array> | undefined): void {
  const files = externalDataFiles(model);
  if (files.length === 0) return;
  if (sidecars) {
    model.warnings.push(...attachExternalData(model, sidecars));
    return;
  }
  const list = files.map((f) => `'${f}'`).join(', ');
  model.warnings.push(`ONNX: weights are stored in external data ${list}, not provided: shapes only`);
}

/** Opens ONNX protobuf files (`.onnx`). */
export const onnxFormat: FormatPlugin = {
  id: 'onnx',
  name: 'ONNX',
  extensions: ['.onnx'],
  match(source: ModelSource): number {
    const byName = source.name.toLowerCase().endsWith('.onnx') ? 10 : 0;
    return byName + sniffModelProto(source.bytes);
  },
  open(source: ModelSource): Model {
    const mp = decode(source);
    if (!mp.graph) {
      throw new ModelFormatError(
        'onnx',
        `ONNX: '${source.name}' has no graph (ModelProto.graph is missing)`,
        {
          fieldPath: 'graph',
        },
      );
    }
    let model: Model;
    const ctx = createContext();
    try {
      model = toModel(mp, mp.graph, ctx);
    } catch (e) {
      if (e instanceof ModelFormatError) throw e;
      const why = e instanceof Error ? e.message : String(e);
      throw new ModelFormatError('onnx', `ONNX: cannot build the graph of '${source.name}': ${why}`, {
        cause: e,
      });
    }
    if (ctx.externalTensors > 0) loadExternal(model, source.sidecars);
    return model;
  },
};
