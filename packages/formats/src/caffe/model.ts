/** Opens Caffe models: a prototxt (+ an optional .caffemodel sidecar for weights) or a binary .caffemodel alone. */
import { createModel, type Model } from '@nnlens/ir';
import { ModelFormatError } from '../errors.js';
import type { ModelSource } from '../source.js';
import { decodeBinary } from './binary-decoder.js';
import { caffeError } from './errors.js';
import { buildGraph, type LayerBlobs } from './graph.js';
import type { PbMessage } from './message.js';
import { readNet } from './net.js';
import { parseTextFormat } from './text-parser.js';

const utf8 = new TextDecoder('utf-8');

/** The weights file expected beside a prototxt: `x.prototxt` → `x.caffemodel`. */
export function caffeCompanion(name: string): string | null {
  const m = /^(.*)\.(prototxt|pbtxt)(\.txt)?$/i.exec(name.split(/[\\/]/).pop() ?? name);
  return m ? `${m[1]}.caffemodel` : null;
}

function decode(bytes: Uint8Array, what: string): PbMessage {
  try {
    return decodeBinary(bytes);
  } catch (e) {
    if (e instanceof ModelFormatError) {
      throw new ModelFormatError('caffe', e.message.replace(/^Caffe: /, `Caffe: ${what}: `), {
        offset: e.offset ?? 0,
        cause: e,
      });
    }
    throw e;
  }
}

/** Blobs of every layer of a binary NetParameter, by layer name. */
function blobsByLayer(net: PbMessage): LayerBlobs {
  const map: LayerBlobs = new Map();
  for (const l of [...net.subs('layer'), ...net.subs('layers')]) {
    const blobs = l.subs('blobs');
    if (blobs.length > 0) map.set(l.str('name', ''), blobs);
  }
  return map;
}

function pickWeights(source: ModelSource): [string, Uint8Array] | null {
  if (!source.sidecars) return null;
  const want = caffeCompanion(source.name);
  let pick: [string, Uint8Array] | null = null;
  for (const [name, bytes] of source.sidecars) {
    if (!name.toLowerCase().endsWith('.caffemodel')) continue;
    if (!pick || name === want || name.endsWith(`/${want}`)) pick = [name, bytes];
  }
  return pick;
}

/** Parses the file (text or binary) and builds the model. */
export function openCaffe(source: ModelSource, binary: boolean): Model {
  let netMsg: PbMessage;
  if (binary) {
    netMsg = decode(source.bytes, `'${source.name}'`);
    if (!netMsg.has('layer') && !netMsg.has('layers')) throw caffeError(`'${source.name}' holds no layers`);
  } else {
    netMsg = parseTextFormat(utf8.decode(source.bytes));
  }
  const net = readNet(netMsg);
  const weights = binary ? null : pickWeights(source);
  let stored: LayerBlobs | undefined;
  const extra: string[] = [];
  if (weights) {
    const byLayer = blobsByLayer(decode(weights[1], `weights '${weights[0]}'`));
    stored = byLayer;
    const names = new Set(net.layers.map((l) => l.name));
    const orphans = [...byLayer.keys()].filter((n) => !names.has(n));
    if (orphans.length > 0)
      extra.push(
        `Caffe: ${orphans.length} layer(s) of '${weights[0]}' are not in the prototxt (e.g. '${orphans[0]}'): their weights are ignored`,
      );
  }
  const built = buildGraph(net, stored);
  if (net.layers.length === 0 && net.inputs.length === 0)
    throw caffeError(`'${source.name}' declares no layers`);
  const layerCount = net.layers.length;
  const metadata: Record<string, string> = {
    'caffe.layers': String(layerCount),
    'caffe.layer_field': net.layerField,
    'caffe.phase': net.phase,
    weights: binary
      ? `stored in '${source.name}'`
      : weights
        ? `from '${weights[0]}'`
        : 'not provided: weight shapes follow from the layer definitions (no values)',
  };
  if (net.skipped.length > 0) metadata['caffe.skipped_layers'] = net.skipped.map((l) => l.name).join(', ');
  if (built.counts.splits > 0) metadata['caffe.split_layers'] = String(built.counts.splits);
  return createModel('caffe', built.graph, {
    formatVersion: binary
      ? 'Caffe binary NetParameter'
      : `Caffe prototxt (${net.layerField === 'layers' ? 'V1 layers' : 'layer'})`,
    producer: 'Caffe',
    docString: net.name,
    metadata,
    warnings: [...built.warnings, ...extra],
  });
}
