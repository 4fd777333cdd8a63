/** Messages between the Explain page and its tfjs worker. */
import type { AttributionMethod, LayerKind, Preprocess } from '@nnlens/runtime/pure';

/** Window parameters of conv/pool layers, for the detail views. */
export interface WindowParams {
  kernel: [number, number];
  strides: [number, number];
  pads: [number, number, number, number];
  dilations: [number, number];
  group: number;
}

/** A layer (one node output) as the page lists it. */
export interface LayerMeta {
  value: string;
  label: string;
  op: string;
  kind: LayerKind;
  /** Logical (NCHW) shape. */
  shape: number[];
  /** Values feeding the node that the page also has (activations, not weights). */
  inputs: string[];
  /** Conv/pool window, when the node has one. */
  window?: WindowParams;
  /** True when a weight tensor of this node can be fetched (conv filters, dense weights). */
  hasWeights: boolean;
}

/** What the worker learned when a model was loaded. */
export interface ModelSummary {
  name: string;
  format: string;
  nodes: number;
  /** First input and its declared shape. */
  input: { name: string; shape: (number | string | null)[] };
  /** Preprocessing inferred from the model. */
  preprocess: Preprocess;
  /** Number of values in the first output per sample (classes). */
  classes: number;
  /** Built-in class names when the model is a known demo, else null. */
  labels: string[] | null;
  backend: string;
  warnings: string[];
  loadMs: number;
}

/** An RGBA image crossing the worker boundary. */
export interface ImagePayload {
  width: number;
  height: number;
  data: ArrayBuffer;
}

/** One forward pass with every tap. */
export interface RunResult {
  /** The preprocessed input tensor, logical layout. */
  input: { shape: number[]; data: Float32Array };
  /** First output of the model for the input (logits or probabilities). */
  output: Float32Array;
  /** The logits before the model's final softmax (node or fused activation), when it has one. */
  logits: Float32Array | null;
  layers: LayerMeta[];
  /** Tap data by value name (float values only). */
  taps: Record<string, Float32Array>;
  runMs: number;
  /** The default Grad-CAM layer's value, if the model has a spatial layer. */
  camLayer: string | null;
}

/** Options of an attribution request. */
export interface AttributeRequest {
  method: AttributionMethod;
  target?: number;
  layer?: string;
}

/** One attribution, ready to draw. */
export interface AttributionResult {
  method: AttributionMethod;
  target: number;
  layer: string | null;
  layerShape: number[] | null;
  /** [0, 1] map at the input size. */
  heatmap: Float32Array;
  size: [number, number];
  /** The method's numbers (for .npy download). */
  values: { shape: number[]; data: Float32Array };
  ms: number;
}

/** Weights of a layer's node. */
export interface WeightsResult {
  weight: { shape: number[]; data: Float32Array };
  bias: Float32Array | null;
}

/** Requests by type. */
export type ExplainRequest =
  | {
      type: 'load';
      name: string;
      bytes: ArrayBuffer;
      sidecars: [string, ArrayBuffer][];
      backend: 'wasm' | 'webgl';
    }
  | { type: 'run'; image: ImagePayload; preprocess: Preprocess }
  | ({ type: 'attribute' } & AttributeRequest)
  | { type: 'weights'; value: string }
  | { type: 'cancel' };

/** Results by request type. */
export interface ExplainResults {
  load: ModelSummary;
  run: RunResult;
  attribute: AttributionResult;
  weights: WeightsResult;
  cancel: null;
}

/** Envelope of a request. */
export interface ExplainEnvelope {
  id: number;
  request: ExplainRequest;
}

/** Envelope of a reply. */
export type ExplainReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { message: string; name: string; progress?: never } }
  | { id: number; progress: { done: number; total: number } };
