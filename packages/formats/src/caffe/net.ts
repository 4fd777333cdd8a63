/** NetParameter (text or binary) → a normalized net: V1/V2 layers, old input headers, phase filtering. */
import { caffeError, type Where } from './errors.js';
import { PbMessage, type PbField } from './message.js';
import { V1_TYPE_NAMES } from './schema.js';

/** One layer as the importer sees it, whatever the file's vintage. */
export interface CaffeLayer {
  name: string;
  /** The layer type as a LayerParameter string ('Convolution'), V1 enums translated. */
  type: string;
  bottoms: string[];
  tops: string[];
  /** The layer message itself, for its *_param sub-messages. */
  msg: PbMessage;
  /** Weight blobs stored with the layer (binary files only). */
  blobs: PbMessage[];
  where: Where;
}

/** A net input declared in the header (`input:` + `input_shape`/`input_dim`). */
export interface CaffeInput {
  name: string;
  dims: number[] | null;
  where: Where;
}

/** The normalized network. */
export interface CaffeNet {
  name: string;
  inputs: CaffeInput[];
  layers: CaffeLayer[];
  /** Layers left out because their include/exclude rules reject the phase. */
  skipped: CaffeLayer[];
  /** 'layer' (current) or 'layers' (V1, before 2015). */
  layerField: 'layer' | 'layers';
  phase: string;
  /** Things about the header worth telling the user. */
  notes: string[];
}

/** Largest dimension accepted anywhere (2^31 - 1, Caffe's int limit). */
export const MAX_DIM = 2 ** 31 - 1;

/** A blob dimension that must be a non-negative integer (or -1/0 where the caller allows it). */
export function checkDim(v: number, what: string, where: Where, allowNegativeOne = false): number {
  const ok = Number.isInteger(v) && v <= MAX_DIM && (v >= 0 || (allowNegativeOne && v === -1));
  if (!ok) throw caffeError(`${what} ${v} is not a valid size`, where);
  return v;
}

function shapeDims(shape: PbMessage, what: string): number[] {
  return shape.all('dim').map((f) => checkDim(typeof f.value === 'number' ? f.value : NaN, what, f.where));
}

function inputDims(f: PbField, what: string): number {
  return checkDim(typeof f.value === 'number' ? f.value : NaN, what, f.where);
}

/** Header shapes read positionally: the input_shape / input_dim fields after each `input:` belong to it. */
function positionalInputs(net: PbMessage): CaffeInput[] {
  const out: CaffeInput[] = [];
  let dims: number[] | null = null;
  for (const f of net.fields) {
    if (f.name === 'input') {
      if (typeof f.value !== 'string') throw caffeError(`'input' must be a string`, f.where);
      out.push({ name: f.value, dims: null, where: f.where });
      dims = null;
    } else if ((f.name === 'input_shape' || f.name === 'input_dim') && out.length > 0) {
      const cur = out[out.length - 1]!;
      if (f.name === 'input_shape') {
        if (!(f.value instanceof PbMessage)) throw caffeError(`'input_shape' must be a message`, f.where);
        cur.dims = shapeDims(f.value, `input_shape dim of '${cur.name}'`);
      } else {
        dims = dims ?? (cur.dims = []);
        dims.push(inputDims(f, `input_dim of '${cur.name}'`));
      }
    }
  }
  return out;
}

/**
 * Net inputs from the old header. Caffe pairs the i-th `input` with the i-th `input_shape`, or with
 * input_dim values 4i..4i+3; files that mix both or give other counts are read positionally instead.
 */
function headerInputs(net: PbMessage): { inputs: CaffeInput[]; note?: string } {
  const names = net.all('input');
  const shapes = net.subs('input_shape');
  const dims = net.all('input_dim');
  const standard =
    (dims.length === 0 && (shapes.length === names.length || shapes.length === 0)) ||
    (shapes.length === 0 && dims.length === 4 * names.length);
  if (!standard) {
    return {
      inputs: positionalInputs(net),
      note: `the input header gives ${shapes.length} input_shape and ${dims.length} input_dim for ${names.length} inputs: read in file order`,
    };
  }
  const inputs = names.map((f, i) => {
    if (typeof f.value !== 'string') throw caffeError(`'input' must be a string`, f.where);
    let d: number[] | null = null;
    if (shapes[i]) d = shapeDims(shapes[i]!, `input_shape dim of '${f.value}'`);
    else if (dims.length > 0)
      d = dims.slice(4 * i, 4 * i + 4).map((x) => inputDims(x, `input_dim of '${f.value}'`));
    return { name: f.value, dims: d, where: f.where };
  });
  return { inputs };
}

function layerOf(msg: PbMessage, v1: boolean, index: number): CaffeLayer {
  const raw = msg.str('type', '');
  const type = v1 ? (V1_TYPE_NAMES[raw] ?? raw) : raw;
  return {
    name: msg.str('name', '') || `${type || 'layer'}_${index}`,
    type,
    bottoms: msg.strs('bottom'),
    tops: msg.strs('top'),
    msg,
    blobs: msg.subs('blobs'),
    where: msg.where,
  };
}

/** Caffe's NetStateRule check (stages: the net has none). */
function ruleMet(rule: PbMessage, phase: string): boolean {
  const p = rule.str('phase');
  if (p !== undefined && p !== phase) return false;
  if (rule.num('min_level', -Infinity) > 0 || rule.num('max_level', Infinity) < 0) return false;
  return rule.all('stage').length === 0;
}

function included(msg: PbMessage, phase: string): boolean {
  const inc = msg.subs('include');
  const exc = msg.subs('exclude');
  if (inc.length > 0) return inc.some((r) => ruleMet(r, phase));
  return !exc.some((r) => ruleMet(r, phase));
}

/**
 * Normalizes a NetParameter. The phase is the net's `state.phase` when given, else TRAIN: train/val
 * files then show their training graph (as the Netscope analyzer does); deploy files have no rules.
 */
export function readNet(net: PbMessage): CaffeNet {
  const phase = net.sub('state')?.str('phase') ?? 'TRAIN';
  // File order, even when a file mixes `layer` and V1 `layers` (Netscope's presets do).
  const all: CaffeLayer[] = [];
  let v1 = 0;
  for (const f of net.fields) {
    if (f.name !== 'layer' && f.name !== 'layers') continue;
    if (!(f.value instanceof PbMessage)) throw caffeError(`'${f.name}' must be a message`, f.where);
    if (f.name === 'layers') v1++;
    all.push(layerOf(f.value, f.name === 'layers', all.length));
  }
  const layers: CaffeLayer[] = [];
  const skipped: CaffeLayer[] = [];
  for (const l of all) (included(l.msg, phase) ? layers : skipped).push(l);
  const header = headerInputs(net);
  return {
    name: net.str('name', ''),
    inputs: header.inputs,
    notes: header.note ? [header.note] : [],
    layers,
    skipped,
    layerField: v1 > 0 && v1 === all.length ? 'layers' : 'layer',
    phase,
  };
}
