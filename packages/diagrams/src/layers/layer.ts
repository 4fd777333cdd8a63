/** The layer list every publication style draws: a main path of layers with skip connections. */
import type { Tensor } from '@nnlens/ir';

/** What a layer does; decides its colour, legend entry and glyph. */
export type LayerKind =
  | 'input'
  | 'conv'
  | 'deconv'
  | 'pool'
  | 'dense'
  | 'attention'
  | 'block'
  | 'norm'
  | 'activation'
  | 'add'
  | 'concat'
  | 'flatten'
  | 'embedding'
  | 'recurrent'
  | 'upsample'
  | 'dropout'
  | 'softmax'
  | 'other';

/** Every kind, in legend order. */
export const LAYER_KINDS: readonly LayerKind[] = [
  'input',
  'conv',
  'deconv',
  'pool',
  'dense',
  'attention',
  'block',
  'norm',
  'activation',
  'add',
  'concat',
  'flatten',
  'embedding',
  'recurrent',
  'upsample',
  'dropout',
  'softmax',
  'other',
];

/** Weights of a dense layer, for edge widths in the FCNN style. */
export interface DenseWeights {
  weight: Tensor;
  bias?: Tensor;
  /** True when the tensor is [in, out] (MatMul), false when [out, in] (Gemm with transB). */
  inputMajor: boolean;
}

/** One drawn layer. */
export interface Layer {
  /** Stable id within the diagram ('L0', 'L1', …). */
  id: string;
  /** Module or node name ('conv1', 'features.3', 'inception3a'). */
  name: string;
  kind: LayerKind;
  /** Short operation name ('Conv', 'MaxPool', 'Dense', 'Inception'). */
  op: string;
  /** Output shape without the batch dim: [C, H, W], [N] or [L, D]; empty when unknown. */
  shape: number[];
  /** Input shape without the batch dim (of the main input). */
  inShape: number[];
  /** Kernel [h, w] of convolutions and pools. */
  kernel?: [number, number];
  stride?: [number, number];
  /** Groups of a grouped convolution (= channels for depthwise). */
  groups?: number;
  /** Activation folded into the layer ('ReLU', 'tanh'). */
  activation?: string;
  /** Ops folded into this layer (BatchNormalization, Pad, Dropout, …), in order. */
  folded: string[];
  /** A residual add folded into the end of the layer. */
  merge?: 'add' | 'mul';
  params: number;
  macs: number;
  dtype: string;
  /** IR node indices this layer stands for. */
  nodes: number[];
  dense?: DenseWeights;
  /** For a summarised block: how many layers it holds. */
  innerLayers?: number;
  /** Explicit fill (from a spec file). */
  color?: string;
  /** Free caption text (from a spec file). */
  caption?: string;
}

/** A connection that leaves the main path: a residual add or a concatenation. */
export interface Skip {
  from: string;
  to: string;
  kind: 'add' | 'concat' | 'mul' | 'other';
  /** What sits on the skip path ('Conv 1×1 /2' for a downsample projection). */
  via?: string;
}

/** A run of identical blocks drawn once: layers first…last stand for `count` copies. */
export interface RepeatSpan {
  first: string;
  last: string;
  count: number;
  label: string;
}

/** What the publication styles draw. */
export interface LayerDiagram {
  title: string;
  layers: Layer[];
  skips: Skip[];
  repeats: RepeatSpan[];
  /** What was left out or guessed (dropped branches, unknown shapes). */
  warnings: string[];
}
