/** The table of layer mappers by Caffe layer type. Unknown types become opaque `caffe` ops with unknown shapes. */
import type { LayerContext, Mapped } from '../layer-context.js';
import { convolution, deconvolution } from './conv.js';
import { embed, innerProduct, recurrent } from './dense.js';
import { detectionOutput, priorBox, python } from './detection.js';
import { batchNorm, bias, normalize, scale } from './norm.js';
import { pooling, roiPooling } from './pool.js';
import { concat, crop, eltwise, flatten, permute, reshape, slice } from './shape.js';
import * as simple from './simple.js';

/** A layer mapper. */
export type LayerMapper = (ctx: LayerContext) => Mapped;

const LOSSES = [
  'SoftmaxWithLoss',
  'EuclideanLoss',
  'SigmoidCrossEntropyLoss',
  'HingeLoss',
  'InfogainLoss',
  'MultinomialLogisticLoss',
  'ContrastiveLoss',
  'MultiBoxLoss',
  'Accuracy',
];

/** Mappers by layer type (LayerParameter spelling). */
export const LAYER_MAPPERS: Record<string, LayerMapper> = {
  Convolution: convolution,
  Deconvolution: deconvolution,
  InnerProduct: innerProduct,
  Embed: embed,
  LSTM: (ctx) => recurrent(ctx, 'LSTM'),
  RNN: (ctx) => recurrent(ctx, 'RNN'),
  Pooling: pooling,
  ROIPooling: roiPooling,
  ReLU: simple.relu,
  PReLU: simple.prelu,
  ELU: simple.elu,
  Sigmoid: simple.plain('Sigmoid'),
  TanH: simple.plain('Tanh'),
  AbsVal: simple.plain('Abs'),
  BNLL: simple.plain('Softplus'),
  Exp: simple.expLog('Exp'),
  Log: simple.expLog('Log'),
  Power: simple.power,
  Threshold: simple.threshold,
  Dropout: simple.dropout,
  Softmax: simple.softmax,
  LRN: simple.lrn,
  MVN: simple.mvn,
  Silence: simple.silence,
  BatchNorm: batchNorm,
  Scale: scale,
  Bias: bias,
  Normalize: normalize,
  Concat: concat,
  Eltwise: eltwise,
  Slice: slice,
  Flatten: flatten,
  Reshape: reshape,
  Crop: crop,
  Permute: permute,
  PriorBox: priorBox,
  DetectionOutput: detectionOutput,
  Python: python,
  ...Object.fromEntries(LOSSES.map((t) => [t, simple.scalarOut])),
};
