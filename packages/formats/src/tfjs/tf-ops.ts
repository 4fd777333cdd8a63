/** TensorFlow graph ops (TF.js graph models) → IR ops the analyzer knows: ONNX names, channels-last marks, kernel layouts. */
import type { Attribute, Value } from '@nnlens/ir';
import {
  channelsLastAttr,
  floatAttr,
  intAttr,
  intsAttr,
  kernelLayoutAttr,
  stringAttr,
} from '../layout-attrs.js';
import type { TfAttrValue } from './tf-attrs.js';

/** What a mapping sees of one TF node. */
export interface TfNodeInput {
  op: string;
  attr: (name: string) => TfAttrValue;
  inputs: (Value | null)[];
  /** Integer values of a constant input, when known. */
  constInts(i: number): number[] | undefined;
}

/** The IR form of the node. */
export interface TfNodeOutput {
  op: string;
  inputs: (Value | null)[];
  attributes: Attribute[];
}

type Mapping = (x: TfNodeInput) => TfNodeOutput;

const isNhwc = (x: TfNodeInput): boolean =>
  x.attr('data_format') !== 'NCHW' && x.attr('data_format') !== 'NCDHW';

// TF lists strides/dilations/ksize for every axis; the window attributes keep the spatial ones.
function spatial(x: TfNodeInput, name: string, def: number): number[] | null {
  const v = x.attr(name);
  if (!Array.isArray(v) || v.length < 3 || typeof v[0] !== 'number') return null;
  const n = v.length - 2;
  return (isNhwc(x) ? v.slice(1, 1 + n) : v.slice(2)).map((d) => (typeof d === 'number' && d > 0 ? d : def));
}

function windowAttrs(x: TfNodeInput, dilations = true): Attribute[] {
  const attrs: Attribute[] = [];
  const s = spatial(x, 'strides', 1);
  if (s) attrs.push(intsAttr('strides', s));
  const d = dilations ? spatial(x, 'dilations', 1) : null;
  if (d) attrs.push(intsAttr('dilations', d));
  const padding = x.attr('padding');
  if (padding === 'EXPLICIT') {
    // explicit_paddings: (before, after) for every axis in data-format order.
    const p = x.attr('explicit_paddings');
    if (Array.isArray(p) && p.length >= 6 && p.length % 2 === 0) {
      const n = p.length / 2 - 2;
      const first = isNhwc(x) ? 1 : 2;
      const axes = Array.from({ length: n }, (_, i) => first + i);
      attrs.push(
        intsAttr('pads', [...axes.map((a) => Number(p[2 * a])), ...axes.map((a) => Number(p[2 * a + 1]))]),
      );
    }
  } else attrs.push(stringAttr('auto_pad', padding === 'VALID' ? 'VALID' : 'SAME_UPPER'));
  if (isNhwc(x)) attrs.push(channelsLastAttr());
  return attrs;
}

// Fused ops name their activation after the bias (and batch norm): kept as an 'activation' attribute.
function fusedActivation(x: TfNodeInput): Attribute[] {
  const fused = x.attr('fused_ops');
  if (!Array.isArray(fused)) return [];
  const names = fused.map(String);
  const act = names.find((n) => !['BiasAdd', 'FusedBatchNorm', 'Add', 'AddV2'].includes(n));
  return [
    { name: 'fused_ops', kind: 'strings', value: names },
    ...(act ? [stringAttr('activation', act)] : []),
  ];
}

const conv: Mapping = (x) => ({
  op: 'Conv',
  inputs: x.inputs,
  attributes: [...windowAttrs(x), kernelLayoutAttr('HWIO'), ...fusedActivation(x)],
});

const depthwise: Mapping = (x) => {
  const attrs = [...windowAttrs(x), kernelLayoutAttr('HWIM'), ...fusedActivation(x)];
  const c = x.inputs[1]?.shape?.[2];
  if (typeof c === 'number') attrs.push(intAttr('group', c));
  return { op: 'Conv', inputs: x.inputs, attributes: attrs };
};

// Conv2DBackpropInput reads (input_sizes, filter [h, w, out, in], out_backprop).
const deconv: Mapping = (x) => {
  const [sizes, filter, input] = x.inputs;
  const attrs = [...windowAttrs(x, false), kernelLayoutAttr('HWOI')];
  const out = x.constInts(0);
  if (out && out.length === 4)
    attrs.push(intsAttr('output_shape', isNhwc(x) ? out.slice(1, 3) : out.slice(2)));
  return {
    op: 'ConvTranspose',
    inputs: [input ?? null, filter ?? null, null, sizes ?? null],
    attributes: attrs,
  };
};

const pool =
  (op: string): Mapping =>
  (x) => {
    const k = spatial(x, 'ksize', 1);
    return {
      op,
      inputs: x.inputs,
      attributes: [...(k ? [intsAttr('kernel_shape', k)] : []), ...windowAttrs(x, false)],
    };
  };

const matmul: Mapping = (x) => ({
  op: 'Gemm',
  inputs: x.inputs,
  attributes: [
    intAttr('transA', x.attr('transpose_a') === true ? 1 : 0),
    intAttr('transB', x.attr('transpose_b') === true ? 1 : 0),
    ...fusedActivation(x),
  ],
});

const reduce =
  (op: string): Mapping =>
  (x) => ({ op, inputs: x.inputs, attributes: [intAttr('keepdims', x.attr('keep_dims') === true ? 1 : 0)] });

// ConcatV2 takes the axis as its last input; Concat (v1) as its first.
const concat: Mapping = (x) => {
  const v1 = x.op === 'Concat';
  const at = v1 ? 0 : x.inputs.length - 1;
  const axis = x.constInts(at)?.[0];
  const inputs = v1 ? x.inputs.slice(1) : x.inputs.slice(0, -1);
  return { op: 'Concat', inputs, attributes: axis === undefined ? [] : [intAttr('axis', axis)] };
};

// Paddings are a [rank, 2] tensor of (before, after); ONNX lists all befores, then all afters.
const pad: Mapping = (x) => {
  const p = x.constInts(1);
  const attrs: Attribute[] = [];
  if (p && p.length % 2 === 0) {
    const n = p.length / 2;
    attrs.push(
      intsAttr('pads', [
        ...Array.from({ length: n }, (_, i) => p[2 * i]!),
        ...Array.from({ length: n }, (_, i) => p[2 * i + 1]!),
      ]),
    );
  }
  if (x.op === 'MirrorPad') attrs.push(stringAttr('mode', 'reflect'));
  return { op: 'Pad', inputs: x.inputs, attributes: attrs };
};

const transpose: Mapping = (x) => {
  const perm = x.constInts(1);
  return { op: 'Transpose', inputs: x.inputs.slice(0, 1), attributes: perm ? [intsAttr('perm', perm)] : [] };
};

const batchNorm: Mapping = (x) => ({
  op: 'BatchNormalization',
  inputs: x.inputs.slice(0, 5),
  attributes: [
    floatAttr('epsilon', typeof x.attr('epsilon') === 'number' ? (x.attr('epsilon') as number) : 1e-3),
    ...(isNhwc(x) ? [channelsLastAttr()] : []),
  ],
});

const same =
  (op: string, attrs: (x: TfNodeInput) => Attribute[] = () => []): Mapping =>
  (x) => ({ op, inputs: x.inputs, attributes: attrs(x) });

const MAPPINGS: Record<string, Mapping> = {
  Conv2D: conv,
  _FusedConv2D: conv,
  Conv3D: conv,
  DepthwiseConv2dNative: depthwise,
  FusedDepthwiseConv2dNative: depthwise,
  Conv2DBackpropInput: deconv,
  MaxPool: pool('MaxPool'),
  AvgPool: pool('AveragePool'),
  MaxPool3D: pool('MaxPool'),
  AvgPool3D: pool('AveragePool'),
  MatMul: matmul,
  _FusedMatMul: matmul,
  BatchMatMul: same('MatMul'),
  BatchMatMulV2: same('MatMul'),
  BiasAdd: same('Add'),
  Add: same('Add'),
  AddV2: same('Add'),
  AddN: same('Sum'),
  Sub: same('Sub'),
  Mul: same('Mul'),
  RealDiv: same('Div'),
  Div: same('Div'),
  Maximum: same('Max'),
  Minimum: same('Min'),
  Pow: same('Pow'),
  Relu: same('Relu'),
  Relu6: same('Clip', () => [floatAttr('min', 0), floatAttr('max', 6)]),
  Elu: same('Elu'),
  Selu: same('Selu'),
  Sigmoid: same('Sigmoid'),
  Tanh: same('Tanh'),
  Softplus: same('Softplus'),
  Softsign: same('Softsign'),
  LeakyRelu: same('LeakyRelu', (x) => [
    floatAttr('alpha', typeof x.attr('alpha') === 'number' ? (x.attr('alpha') as number) : 0.2),
  ]),
  Prelu: same('PRelu'),
  Softmax: same('Softmax', () => [intAttr('axis', -1)]),
  LogSoftmax: same('LogSoftmax', () => [intAttr('axis', -1)]),
  Exp: same('Exp'),
  Log: same('Log'),
  Sqrt: same('Sqrt'),
  Abs: same('Abs'),
  Neg: same('Neg'),
  Floor: same('Floor'),
  Ceil: same('Ceil'),
  Mean: reduce('ReduceMean'),
  Sum: reduce('ReduceSum'),
  Max: reduce('ReduceMax'),
  Min: reduce('ReduceMin'),
  Prod: reduce('ReduceProd'),
  // TF's 0 in a target shape is a zero-size dim, not "copy" as in ONNX.
  Reshape: same('Reshape', () => [intAttr('allowzero', 1)]),
  Squeeze: same('Squeeze', (x) => {
    const d = x.attr('squeeze_dims');
    return Array.isArray(d) && d.length ? [intsAttr('axes', d as number[])] : [];
  }),
  ExpandDims: same('Unsqueeze'),
  ConcatV2: concat,
  Concat: concat,
  Pad: pad,
  PadV2: pad,
  MirrorPad: pad,
  Transpose: transpose,
  FusedBatchNorm: batchNorm,
  FusedBatchNormV2: batchNorm,
  FusedBatchNormV3: batchNorm,
  Identity: same('Identity'),
  IdentityN: same('Identity'),
  StopGradient: same('Identity'),
  Snapshot: same('Identity'),
};

/** The IR form of a TF op, or null when it has no ONNX-named equivalent (kept in the 'tf' domain). */
export function mapTfOp(x: TfNodeInput): TfNodeOutput | null {
  const m = Object.hasOwn(MAPPINGS, x.op) ? MAPPINGS[x.op]! : undefined;
  return m ? m(x) : null;
}
