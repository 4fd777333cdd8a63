/** Operator categories that decide node colours, from the op type alone (format-neutral names). */

/** The colour groups of the legend. */
export type OpCategory =
  'conv' | 'norm' | 'activation' | 'pool' | 'tensor' | 'elementwise' | 'control' | 'io' | 'other';

// Space-separated op names keep the table compact (one string per category).
const TABLE: Record<Exclude<OpCategory, 'io' | 'other'>, string> = {
  conv:
    'Conv ConvTranspose ConvInteger QLinearConv Gemm MatMul MatMulInteger QLinearMatMul Einsum Conv2D ' +
    'Conv1D Conv3D DepthwiseConv2D SeparableConv2D Dense Linear InnerProduct Convolution ' +
    'Deconvolution FullyConnected Attention MultiHeadAttention LSTM GRU RNN Embedding',
  norm:
    'BatchNormalization LayerNormalization InstanceNormalization GroupNormalization LRN ' +
    'LpNormalization MeanVarianceNormalization RMSNormalization SkipLayerNormalization BatchNorm ' +
    'Scale Normalize Dropout',
  activation:
    'Relu LeakyRelu PRelu Sigmoid HardSigmoid Tanh Softmax LogSoftmax Elu Selu Celu Gelu FastGelu Erf ' +
    'Softplus Softsign HardSwish Mish ThresholdedRelu Clip ReLU ReLU6 Relu6 Swish SiLU Activation ' +
    'TanH Hardmax',
  pool:
    'MaxPool AveragePool GlobalAveragePool GlobalMaxPool LpPool GlobalLpPool MaxRoiPool RoiAlign ' +
    'MaxUnpool Pooling MaxPooling2D AveragePooling2D GlobalAveragePooling2D ReduceMean ReduceMax ' +
    'ReduceMin ReduceSum ReduceProd ReduceL2 ReduceL1 ReduceLogSumExp ReduceSumSquare Resize Upsample',
  tensor:
    'Reshape Transpose Concat Split Slice Gather GatherElements GatherND Scatter ScatterElements ' +
    'ScatterND Shape Size Squeeze Unsqueeze Flatten Expand Tile Pad Constant ConstantOfShape Identity ' +
    'Cast CastLike Range OneHot Where NonZero TopK ArgMax ArgMin DepthToSpace SpaceToDepth Compress ' +
    'Trilu CumSum EyeLike Concatenate Permute Crop Eltwise QuantizeLinear DequantizeLinear ' +
    'DynamicQuantizeLinear SequenceConstruct SequenceAt SequenceInsert SplitToSequence ' +
    'ConcatFromSequence',
  elementwise:
    'Add Sub Mul Div Pow Sqrt Exp Log Abs Neg Reciprocal Floor Ceil Round Sign Sin Cos Tan Max Min ' +
    'Mean Sum Mod Equal Greater Less GreaterOrEqual LessOrEqual And Or Xor Not IsNaN IsInf BitShift ' +
    'Multiply Subtract',
  control: 'If Loop Scan Function Call While',
};

const BY_OP = new Map<string, OpCategory>();
for (const [cat, ops] of Object.entries(TABLE))
  for (const op of ops.split(' ')) BY_OP.set(op, cat as OpCategory);

/** The category of an op type; 'other' when unknown. */
export function opCategory(op: string): OpCategory {
  return BY_OP.get(op) ?? 'other';
}

/** Legend order and labels. */
export const CATEGORY_LABELS: [OpCategory, string][] = [
  ['conv', 'Conv / linear'],
  ['norm', 'Normalization'],
  ['activation', 'Activation'],
  ['pool', 'Pooling / reduce'],
  ['elementwise', 'Element-wise'],
  ['tensor', 'Tensor / shape'],
  ['control', 'Control flow'],
  ['io', 'Input / output'],
  ['other', 'Other'],
];
