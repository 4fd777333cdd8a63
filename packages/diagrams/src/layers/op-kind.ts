/** Which ONNX ops are layers of their own and which fold into the layer before them. */
import type { LayerKind } from './layer.js';

/** Ops that always start a layer, with their kind. */
const ANCHORS: Record<string, LayerKind> = {
  Conv: 'conv',
  ConvInteger: 'conv',
  QLinearConv: 'conv',
  ConvTranspose: 'deconv',
  MaxPool: 'pool',
  AveragePool: 'pool',
  LpPool: 'pool',
  GlobalAveragePool: 'pool',
  GlobalMaxPool: 'pool',
  GlobalLpPool: 'pool',
  MaxRoiPool: 'pool',
  Resize: 'upsample',
  Upsample: 'upsample',
  DepthToSpace: 'upsample',
  LSTM: 'recurrent',
  GRU: 'recurrent',
  RNN: 'recurrent',
};

/** Unary ops shown as an activation of the layer they follow, with their display name. */
export const ACTIVATIONS: Record<string, string> = {
  Relu: 'ReLU',
  LeakyRelu: 'LeakyReLU',
  PRelu: 'PReLU',
  Elu: 'ELU',
  Selu: 'SELU',
  Celu: 'CELU',
  Tanh: 'tanh',
  Sigmoid: 'sigmoid',
  HardSigmoid: 'hard-sigmoid',
  HardSwish: 'h-swish',
  Gelu: 'GELU',
  Softplus: 'softplus',
  Softsign: 'softsign',
  Mish: 'mish',
  Clip: 'ReLU6',
  ThresholdedRelu: 'ThresholdedReLU',
  Softmax: 'softmax',
  LogSoftmax: 'log-softmax',
};

/** Ops that never make a layer of their own: normalisation, dropout, layout shuffles, casts. */
const PASS = new Set([
  'BatchNormalization',
  'InstanceNormalization',
  'LayerNormalization',
  'GroupNormalization',
  'LpNormalization',
  'LRN',
  'MeanVarianceNormalization',
  'Dropout',
  'Identity',
  'Cast',
  'CastLike',
  'Pad',
  'Reshape',
  'Flatten',
  'Transpose',
  'Squeeze',
  'Unsqueeze',
  'Expand',
  'Slice',
  'Split',
  'Gather',
  'GatherElements',
  'Tile',
  'Erf',
  'Sqrt',
  'Pow',
  'Exp',
  'Log',
  'Neg',
  'Abs',
  'Reciprocal',
  'Floor',
  'Ceil',
  'Round',
  'QuantizeLinear',
  'DequantizeLinear',
  'ReduceMean',
  'ReduceSum',
  'ReduceMax',
  'ReduceL2',
  'Where',
  'Equal',
  'Not',
]);

/** Element-wise binary ops: a merge when both inputs are data, otherwise a folded bias/scale. */
const BINARY: Record<string, 'add' | 'mul' | 'other'> = {
  Add: 'add',
  Sum: 'add',
  Sub: 'add',
  Mul: 'mul',
  Div: 'other',
  Max: 'other',
  Min: 'other',
  Mean: 'add',
};

/** How one node takes part in a diagram, given how many of its inputs carry data. */
export type OpRole =
  | { role: 'anchor'; kind: LayerKind }
  | { role: 'merge'; kind: 'add' | 'concat' | 'mul' | 'other' }
  | { role: 'matmul' }
  | { role: 'pass' };

/**
 * Classifies a node. `dataInputs` counts inputs computed from the model input (not weights or
 * constants); `hasWeight` is true when a MatMul/Gemm/Gather reads an initializer.
 */
export function opRole(op: string, dataInputs: number, hasWeight: boolean): OpRole {
  const anchor = ANCHORS[op];
  if (anchor) return { role: 'anchor', kind: anchor };
  if (
    op === 'Gemm' ||
    op === 'MatMul' ||
    op === 'MatMulInteger' ||
    op === 'QLinearMatMul' ||
    op === 'Einsum'
  ) {
    if (hasWeight || dataInputs < 2) return { role: 'anchor', kind: 'dense' };
    return { role: 'matmul' };
  }
  if (op === 'Gather' && hasWeight) return { role: 'anchor', kind: 'embedding' };
  if (op === 'Concat') return dataInputs >= 2 ? { role: 'merge', kind: 'concat' } : { role: 'pass' };
  const bin = BINARY[op];
  if (bin) return dataInputs >= 2 ? { role: 'merge', kind: bin } : { role: 'pass' };
  if (op in ACTIVATIONS || PASS.has(op)) return { role: 'pass' };
  return { role: 'anchor', kind: 'other' };
}

/** Display name of an op for labels ('GlobalAveragePool' → 'GlobalAvgPool'). */
export function opDisplayName(op: string): string {
  const names: Record<string, string> = {
    Gemm: 'Dense',
    MatMul: 'Dense',
    AveragePool: 'AvgPool',
    GlobalAveragePool: 'GlobalAvgPool',
    ConvTranspose: 'ConvTranspose',
    Resize: 'Upsample',
  };
  return names[op] ?? op;
}
