/** Turns a validated spec into the layer list the styles draw, inferring shapes the way frameworks do. */
import type { Layer, LayerDiagram, LayerKind, RepeatSpan, Skip } from '../layers/layer.js';
import { Fields, show } from './fields.js';
import type { ParsedSpec } from './parse-spec.js';

/** Layer types of a spec; ConvNetDraw's and Keras's names are accepted as aliases. */
const TYPES: Record<string, LayerKind> = {
  input: 'input',
  conv: 'conv',
  convolution: 'conv',
  conv2d: 'conv',
  deconv: 'deconv',
  convtranspose: 'deconv',
  pool: 'pool',
  maxpool: 'pool',
  avgpool: 'pool',
  pooling: 'pool',
  dense: 'dense',
  fc: 'dense',
  fullyconn: 'dense',
  linear: 'dense',
  flatten: 'flatten',
  norm: 'norm',
  batchnorm: 'norm',
  layernorm: 'norm',
  activation: 'activation',
  relu: 'activation',
  tanh: 'activation',
  sigmoid: 'activation',
  softmax: 'softmax',
  dropout: 'dropout',
  add: 'add',
  concat: 'concat',
  attention: 'attention',
  block: 'block',
  embedding: 'embedding',
  recurrent: 'recurrent',
  lstm: 'recurrent',
  gru: 'recurrent',
  upsample: 'upsample',
  other: 'other',
};

const LAYER_FIELDS = [
  'type',
  'name',
  'shape',
  'filters',
  'units',
  'kernel',
  'stride',
  'padding',
  'scale',
  'activation',
  'op',
  'caption',
  'color',
  'repeat',
] as const;
const TOP_FIELDS = ['title', 'layers', 'skips'] as const;
const SKIP_FIELDS = ['from', 'to', 'kind', 'label'] as const;

const OP_NAMES: Partial<Record<LayerKind, string>> = {
  input: 'Input',
  conv: 'Conv',
  deconv: 'ConvTranspose',
  pool: 'MaxPool',
  dense: 'Dense',
  flatten: 'Flatten',
  norm: 'Norm',
  softmax: 'Softmax',
  dropout: 'Dropout',
  add: 'Add',
  concat: 'Concat',
  attention: 'Attention',
  upsample: 'Upsample',
};

function outSize(n: number, k: number, s: number, pad: 'same' | 'valid' | number): number {
  if (pad === 'same') return Math.ceil(n / s);
  const p = pad === 'valid' ? 0 : pad;
  return Math.floor((n + 2 * p - k) / s) + 1;
}

/** The diagram a spec describes; throws SpecError with the field and line of the first problem. */
export function specToDiagram(spec: ParsedSpec): LayerDiagram {
  const f: Fields = new Fields(spec);
  const top = f.object(spec.data, []);
  f.known(top, [], TOP_FIELDS);
  const title = f.string(top.title, ['title']) ?? 'network';
  if (!Array.isArray(top.layers) || top.layers.length === 0)
    f.fail(['layers'], `expected a list of layers, got ${show(top.layers)}`);
  const layers: Layer[] = [];
  const repeats: RepeatSpan[] = [];
  const names = new Map<string, string>();
  (top.layers as unknown[]).forEach((raw, i) => {
    const at = ['layers', i];
    const obj = typeof raw === 'string' ? { type: raw } : f.object(raw, at);
    f.known(obj, at, LAYER_FIELDS);
    const typeText = f.string(obj.type, [...at, 'type']);
    if (!typeText) f.fail(at, `missing field 'type' (one of ${Object.keys(TYPES).join(', ')})`);
    const kind = TYPES[typeText.toLowerCase()];
    if (!kind)
      f.fail(
        [...at, 'type'],
        `unknown layer type ${show(typeText)}; expected one of ${Object.keys(TYPES).join(', ')}`,
      );
    const prev = layers[i - 1];
    const given = f.shape(obj.shape, [...at, 'shape']);
    const kernel = f.pair(obj.kernel, [...at, 'kernel']);
    const stride = f.pair(obj.stride, [...at, 'stride']);
    const padding = readPadding(f, obj.padding, [...at, 'padding']);
    const filters = f.positive(obj.filters, [...at, 'filters']);
    const units = f.positive(obj.units, [...at, 'units']);
    const scale = f.positive(obj.scale, [...at, 'scale']);
    const shape =
      given ?? inferShape(f, at, kind, prev?.shape, { kernel, stride, padding, filters, units, scale });
    const name = f.string(obj.name, [...at, 'name']) ?? `${typeText.toLowerCase()}${i}`;
    if (names.has(name)) f.fail([...at, 'name'], `duplicate layer name '${name}' (also ${names.get(name)})`);
    names.set(name, `layers[${i}]`);
    const layer: Layer = {
      id: `L${i}`,
      name,
      kind,
      op:
        f.string(obj.op, [...at, 'op']) ??
        (typeText.toLowerCase() === 'avgpool' ? 'AvgPool' : (OP_NAMES[kind] ?? typeText)),
      shape,
      inShape: prev?.shape ?? shape,
      folded: [],
      params: 0,
      macs: 0,
      dtype: 'float32',
      nodes: [],
    };
    const k = kernel ?? (kind === 'pool' ? [2, 2] : undefined);
    if (k && (kind === 'conv' || kind === 'deconv' || kind === 'pool')) layer.kernel = k;
    const s = stride ?? (kind === 'pool' ? k : undefined);
    if (s && (kind === 'conv' || kind === 'deconv' || kind === 'pool')) layer.stride = s;
    const act = f.string(obj.activation, [...at, 'activation']);
    if (act) layer.activation = act;
    const cap = f.string(obj.caption, [...at, 'caption']);
    if (cap) layer.caption = cap;
    const col = f.string(obj.color, [...at, 'color']);
    if (col) {
      if (!/^(#[0-9a-f]{3}|#[0-9a-f]{6}|[a-z]+)$/i.test(col))
        f.fail([...at, 'color'], `expected a colour such as #a0a0a0 or steelblue, got ${show(col)}`);
      layer.color = col;
    }
    const rep = f.positive(obj.repeat, [...at, 'repeat']);
    if (rep && rep > 1)
      repeats.push({ first: layer.id, last: layer.id, count: rep, label: `${name} ×${rep}` });
    layers.push(layer);
  });
  const skips = readSkips(f, top.skips, layers);
  return { title, layers, skips, repeats, warnings: [] };
}

function readPadding(f: Fields, v: unknown, path: (string | number)[]): 'same' | 'valid' | number {
  if (v === undefined) return 'valid';
  if (v === 'same' || v === 'valid') return v;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  f.fail(path, `expected 'same', 'valid' or a number of pixels, got ${show(v)}`);
}

function inferShape(
  f: Fields,
  at: (string | number)[],
  kind: LayerKind,
  prev: number[] | undefined,
  o: {
    kernel?: [number, number] | undefined;
    stride?: [number, number] | undefined;
    padding: 'same' | 'valid' | number;
    filters?: number | undefined;
    units?: number | undefined;
    scale?: number | undefined;
  },
): number[] {
  if (kind === 'input') f.fail(at, "an input layer needs 'shape', e.g. shape: [1, 32, 32]");
  if (kind === 'dense') {
    if (!o.units) f.fail(at, "a dense layer needs 'units' (or 'shape')");
    return [o.units];
  }
  if (!prev) f.fail(at, "the first layer needs 'shape'");
  const maps = prev.length === 3;
  if (kind === 'flatten') return [prev.reduce((a, b) => a * b, 1)];
  if (kind === 'conv' || kind === 'deconv' || kind === 'pool') {
    if (!maps)
      f.fail(
        at,
        `needs feature maps [C, H, W] before it, but the previous layer has shape [${prev.join(', ')}]`,
      );
    const [c, h, w] = prev as [number, number, number];
    if (kind !== 'pool' && !o.filters) f.fail(at, `a ${kind} layer needs 'filters' (or 'shape')`);
    const k = o.kernel ?? (kind === 'pool' ? [2, 2] : undefined);
    if (!k) f.fail(at, `a ${kind} layer needs 'kernel' (or 'shape')`);
    const s = o.stride ?? (kind === 'pool' ? k : [1, 1]);
    let hh: number, ww: number;
    if (kind === 'deconv') {
      const p = o.padding === 'same' || o.padding === 'valid' ? 0 : o.padding;
      [hh, ww] = [(h - 1) * s[0] + k[0] - 2 * p, (w - 1) * s[1] + k[1] - 2 * p];
    } else [hh, ww] = [outSize(h, k[0], s[0], o.padding), outSize(w, k[1], s[1], o.padding)];
    if (hh < 1 || ww < 1)
      f.fail(
        [...at, 'kernel'],
        `a ${k[0]}×${k[1]} window with stride ${s[0]} does not fit a ${h}×${w} input`,
      );
    return [kind === 'pool' ? c : o.filters!, hh, ww];
  }
  if (kind === 'upsample') {
    if (!maps) f.fail(at, 'needs feature maps [C, H, W] before it');
    const sc = o.scale ?? 2;
    return [prev[0]!, prev[1]! * sc, prev[2]! * sc];
  }
  if (kind === 'concat' && o.filters) return maps ? [o.filters, prev[1]!, prev[2]!] : [o.filters];
  return prev.slice();
}

function readSkips(f: Fields, v: unknown, layers: Layer[]): Skip[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) f.fail(['skips'], `expected a list of {from, to}, got ${show(v)}`);
  const byName = new Map(layers.map((l, i) => [l.name, i]));
  return v.map((raw, i) => {
    const at = ['skips', i];
    const obj = f.object(raw, at);
    f.known(obj, at, SKIP_FIELDS);
    const find = (key: 'from' | 'to'): number => {
      const name = f.string(obj[key], [...at, key]);
      if (!name) f.fail(at, `missing field '${key}' (a layer name)`);
      const idx = byName.get(name);
      if (idx === undefined)
        f.fail([...at, key], `no layer is named '${name}'; names: ${[...byName.keys()].join(', ')}`);
      return idx;
    };
    const a = find('from');
    const b = find('to');
    if (a >= b)
      f.fail(
        [...at, 'to'],
        `a skip must go forward: '${layers[b]!.name}' comes before or at '${layers[a]!.name}'`,
      );
    const kindText = f.string(obj.kind, [...at, 'kind']) ?? 'add';
    if (!['add', 'concat', 'mul'].includes(kindText))
      f.fail([...at, 'kind'], `expected add, concat or mul, got ${show(kindText)}`);
    const skip: Skip = { from: layers[a]!.id, to: layers[b]!.id, kind: kindText as Skip['kind'] };
    const label = f.string(obj.label, [...at, 'label']);
    if (label) skip.via = label;
    return skip;
  });
}
