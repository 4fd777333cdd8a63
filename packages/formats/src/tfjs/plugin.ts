/** The TF.js importer plugin: model.json layers models (with or without the 'format' key) and graph models, weights from shards. */
import { createModel, type Model } from '@nnlens/ir';
import { ModelFormatError } from '../errors.js';
import { asObject, parseModel } from '../keras/config.js';
import { kerasToModel } from '../keras/model.js';
import { head } from '../keras/sniff.js';
import { namedWeightSource } from '../keras/weights.js';
import type { FormatPlugin, ModelSource } from '../source.js';
import { buildGraphModel } from './graph-model.js';
import { readManifest } from './manifest.js';

/** True when the text starts like a TF.js model.json (a modelTopology or weightsManifest key near the top). */
export function looksLikeTfjs(bytes: Uint8Array): boolean {
  const text = head(bytes, 1 << 16)
    .replace(/^\uFEFF/, '')
    .trimStart();
  return text.startsWith('{') && (text.includes('"modelTopology"') || text.includes('"weightsManifest"'));
}

function parseJson(source: ModelSource): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(source.bytes));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ModelFormatError('tfjs', `TF.js: '${source.name}' is not valid JSON: ${why}`, { cause: e });
  }
  const o = asObject(json);
  if (!o) throw new ModelFormatError('tfjs', `TF.js: '${source.name}' is not a JSON object`);
  return o;
}

function info(o: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['format', 'generatedBy', 'convertedBy']) if (typeof o[k] === 'string') out[k] = o[k];
  return out;
}

function open(source: ModelSource): Model {
  const o = parseJson(source);
  const topology = asObject(o['modelTopology']);
  if (!topology)
    throw new ModelFormatError(
      'tfjs',
      `TF.js: '${source.name}' has no modelTopology (weights-only manifest)`,
      { fieldPath: 'modelTopology' },
    );
  const warnings: string[] = [];
  const weights = readManifest(o['weightsManifest'], source.sidecars, warnings);
  const metadata = info(o);
  // Graph models hold a GraphDef (node list); layers models a Keras config, possibly under model_config.
  if (o['format'] === 'graph-model' || Array.isArray(topology['node'])) {
    const signature = asObject(asObject(asObject(o['userDefinedMetadata'])?.['signature'])?.['outputs']);
    const graph = buildGraphModel(topology, weights, signature ? Object.keys(signature) : [], warnings);
    return createModel('tfjs', graph, {
      formatVersion: 'TF.js graph model',
      producer: metadata['convertedBy'] ?? '',
      metadata,
      warnings,
    });
  }
  const config = parseModel(asObject(topology['model_config']) ?? topology, 'modelTopology');
  const kv = topology['keras_version'];
  if (typeof kv === 'string') metadata['keras_version'] = kv;
  const source2 = namedWeightSource(weights.map((w) => ({ name: w.name, tensor: w.tensor })));
  return kerasToModel(
    'tfjs',
    config,
    source2,
    { formatVersion: 'TF.js layers model', producerVersion: typeof kv === 'string' ? kv : '', metadata },
    warnings,
  );
}

/** Opens TF.js `model.json` files; weight shards come from `source.sidecars` by their manifest paths. */
export const tfjsFormat: FormatPlugin = {
  id: 'tfjs',
  name: 'TF.js',
  extensions: ['.json'],
  match(source) {
    return looksLikeTfjs(source.bytes) ? (source.name.toLowerCase().endsWith('.json') ? 20 : 15) : 0;
  },
  open(source) {
    try {
      return open(source);
    } catch (e) {
      // The layers model's Keras config is read by the Keras code: its errors are TF.js errors here.
      if (e instanceof ModelFormatError && e.format === 'keras') {
        throw new ModelFormatError('tfjs', `TF.js: ${e.message.replace(/^Keras: /, '')}`, { cause: e });
      }
      if (e instanceof ModelFormatError) throw e;
      const why = e instanceof Error ? e.message : String(e);
      throw new ModelFormatError('tfjs', `TF.js: cannot read '${source.name}': ${why}`, { cause: e });
    }
  },
};
