/** TFLite builtin operators → IR ops the analyzer knows (ONNX names, channels-last marks, kernel layouts). */
import type { Attribute, Value } from '@nnlens/ir';
import {
  channelsLastAttr,
  floatAttr,
  intAttr,
  intsAttr,
  kernelLayoutAttr,
  stringAttr,
} from '../layout-attrs.js';
import type { OptionValue } from './options.js';

/** What a mapping sees of one operator. */
export interface OpInput {
  /** Builtin operator name ('CONV_2D'). */
  builtin: string;
  options: Record<string, OptionValue>;
  inputs: (Value | null)[];
  /** Values of a constant integer input (from its buffer), if it has one. */
  constInts(i: number): number[] | undefined;
}

/** The IR form of the operator. */
export interface OpOutput {
  op: string;
  inputs: (Value | null)[];
  attributes: Attribute[];
}

type Mapping = (x: OpInput) => OpOutput;

function opt(x: OpInput, key: string, def: number): number {
  const v = x.options[key];
  return typeof v === 'number' ? v : def;
}

function autoPad(x: OpInput): Attribute {
  return stringAttr('auto_pad', x.options['padding'] === 'VALID' ? 'VALID' : 'SAME_UPPER');
}

function window(x: OpInput): Attribute[] {
  return [
    intsAttr('strides', [opt(x, 'stride_h', 1), opt(x, 'stride_w', 1)]),
    intsAttr('dilations', [opt(x, 'dilation_h_factor', 1), opt(x, 'dilation_w_factor', 1)]),
    autoPad(x),
    channelsLastAttr(),
  ];
}

const same =
  (op: string, attrs: (x: OpInput) => Attribute[] = () => []): Mapping =>
  (x) => ({ op, inputs: x.inputs, attributes: attrs(x) });

const conv: Mapping = (x) => ({
  op: 'Conv',
  inputs: x.inputs,
  attributes: [...window(x), kernelLayoutAttr('OHWI')],
});

const depthwise: Mapping = (x) => {
  const attrs = [...window(x), kernelLayoutAttr('1HWO')];
  const c = x.inputs[0]?.shape?.[3];
  if (typeof c === 'number') attrs.push(intAttr('group', c));
  return { op: 'Conv', inputs: x.inputs, attributes: attrs };
};

// TRANSPOSE_CONV reads (output_shape, weights, input, bias): reordered to ConvTranspose's (input, weights, bias).
const transposeConv: Mapping = (x) => {
  const [shape, w, input, bias] = x.inputs;
  const attrs = [...window(x).filter((a) => a.name !== 'dilations'), kernelLayoutAttr('OHWI')];
  const out = x.constInts(0);
  if (out && out.length === 4) attrs.push(intsAttr('output_shape', out.slice(1, 3)));
  return {
    op: 'ConvTranspose',
    inputs: [input ?? null, w ?? null, bias ?? null, shape ?? null],
    attributes: attrs,
  };
};

const pool =
  (op: string): Mapping =>
  (x) => ({
    op,
    inputs: x.inputs,
    attributes: [
      intsAttr('kernel_shape', [opt(x, 'filter_height', 1), opt(x, 'filter_width', 1)]),
      ...window(x).filter((a) => a.name !== 'dilations'),
    ],
  });

// Weights are [out, in]; without keep_num_dims the input is flattened to [-1, in] first.
const fullyConnected: Mapping = (x) => ({
  op: 'MatMul',
  inputs: x.inputs,
  attributes: [kernelLayoutAttr('OI'), intAttr('keep_num_dims', x.options['keep_num_dims'] === true ? 1 : 0)],
});

const reduce =
  (op: string): Mapping =>
  (x) => ({
    op,
    inputs: x.inputs,
    attributes: [intAttr('keepdims', x.options['keep_dims'] === true ? 1 : 0)],
  });

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
  if (x.builtin === 'MIRROR_PAD') attrs.push(stringAttr('mode', 'reflect'));
  return { op: 'Pad', inputs: x.inputs, attributes: attrs };
};

const reshape: Mapping = (x) => {
  const ns = x.options['new_shape'];
  const attrs = x.inputs.length < 2 && Array.isArray(ns) && ns.length ? [intsAttr('shape', ns)] : [];
  return { op: 'Reshape', inputs: x.inputs, attributes: attrs };
};

const transpose: Mapping = (x) => {
  const perm = x.constInts(1);
  return { op: 'Transpose', inputs: x.inputs.slice(0, 1), attributes: perm ? [intsAttr('perm', perm)] : [] };
};

const squeeze: Mapping = (x) => {
  const dims = x.options['squeeze_dims'];
  return {
    op: 'Squeeze',
    inputs: x.inputs,
    attributes: Array.isArray(dims) && dims.length ? [intsAttr('axes', dims)] : [],
  };
};

const MAPPINGS: Record<string, Mapping> = {
  CONV_2D: conv,
  DEPTHWISE_CONV_2D: depthwise,
  TRANSPOSE_CONV: transposeConv,
  AVERAGE_POOL_2D: pool('AveragePool'),
  MAX_POOL_2D: pool('MaxPool'),
  L2_POOL_2D: pool('LpPool'),
  FULLY_CONNECTED: fullyConnected,
  BATCH_MATMUL: same('MatMul'),
  RESHAPE: reshape,
  SQUEEZE: squeeze,
  EXPAND_DIMS: same('Unsqueeze'),
  TRANSPOSE: transpose,
  SOFTMAX: same('Softmax', () => [intAttr('axis', -1)]),
  LOG_SOFTMAX: same('LogSoftmax', () => [intAttr('axis', -1)]),
  CONCATENATION: same('Concat', (x) => [intAttr('axis', opt(x, 'axis', 0))]),
  ADD: same('Add'),
  SUB: same('Sub'),
  MUL: same('Mul'),
  DIV: same('Div'),
  MAXIMUM: same('Max'),
  MINIMUM: same('Min'),
  POW: same('Pow'),
  RELU: same('Relu'),
  RELU6: same('Clip', () => [floatAttr('min', 0), floatAttr('max', 6)]),
  RELU_N1_TO_1: same('Clip', () => [floatAttr('min', -1), floatAttr('max', 1)]),
  LOGISTIC: same('Sigmoid'),
  TANH: same('Tanh'),
  ELU: same('Elu'),
  GELU: same('Gelu'),
  HARD_SWISH: same('HardSwish'),
  LEAKY_RELU: same('LeakyRelu', (x) => [floatAttr('alpha', opt(x, 'alpha', 0.2))]),
  PRELU: same('PRelu'),
  EXP: same('Exp'),
  LOG: same('Log'),
  SQRT: same('Sqrt'),
  ABS: same('Abs'),
  NEG: same('Neg'),
  FLOOR: same('Floor'),
  CEIL: same('Ceil'),
  MEAN: reduce('ReduceMean'),
  SUM: reduce('ReduceSum'),
  REDUCE_MAX: reduce('ReduceMax'),
  REDUCE_MIN: reduce('ReduceMin'),
  REDUCE_PROD: reduce('ReduceProd'),
  PAD: pad,
  PADV2: pad,
  MIRROR_PAD: pad,
  QUANTIZE: same('QuantizeLinear'),
  DEQUANTIZE: same('DequantizeLinear'),
  GATHER: same('Gather', (x) => [intAttr('axis', opt(x, 'axis', 0))]),
};

/** The IR op for a builtin, or null when it has no ONNX-named equivalent (kept in the 'tflite' domain). */
export function mapBuiltin(x: OpInput): OpOutput | null {
  const m = Object.hasOwn(MAPPINGS, x.builtin) ? MAPPINGS[x.builtin]! : undefined;
  if (!m) return null;
  const out = m(x);
  const act = x.options['fused_activation_function'];
  if (typeof act === 'string' && act !== 'NONE') out.attributes.push(stringAttr('activation', act));
  return out;
}
