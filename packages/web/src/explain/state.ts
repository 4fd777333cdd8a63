/** The Explain page's state: what is loaded, the input, the forward pass, attributions and view settings. */
import {
  METHODS,
  type AttributionMethod,
  type ColormapName,
  type Preprocess,
  type RgbaImage,
  type ScaleMode,
} from '@nnlens/runtime/pure';
import type { Demo } from './demos.js';
import type { AttributionResult, ModelSummary, RunResult } from './protocol.js';

/** One attribution method's state. */
export interface MethodState {
  status: 'idle' | 'running' | 'done' | 'error';
  progress: number;
  result?: AttributionResult;
  error?: string;
}

/** Everything the page renders from. */
export interface ExplainState {
  phase: 'idle' | 'loading' | 'running' | 'ready' | 'error';
  /** What is happening (loading step) or went wrong. */
  message: string;
  error: { title: string; message: string } | null;
  demo: Demo | null;
  modelName: string;
  summary: ModelSummary | null;
  preprocess: Preprocess | null;
  labels: string[] | null;
  image: { rgba: RgbaImage; name: string } | null;
  imageError: string | null;
  run: RunResult | null;
  scaleMode: ScaleMode;
  selected: { value: string; channel: number } | null;
  /** Explained class; null = the top prediction. */
  target: number | null;
  camLayer: string | null;
  methods: Record<AttributionMethod, MethodState>;
  focus: AttributionMethod;
  opacity: number;
  colormap: ColormapName;
  /** Bumped whenever a new forward pass lands (the overview redraws). */
  runVersion: number;
  /** tfjs backend of the worker: wasm (exact float32, default) or webgl (GPU). */
  backend: 'wasm' | 'webgl';
}

/** Every method idle. */
export const idleMethods = (): Record<AttributionMethod, MethodState> =>
  Object.fromEntries(METHODS.map((m) => [m, { status: 'idle', progress: 0 }])) as Record<
    AttributionMethod,
    MethodState
  >;

/** The state before anything is loaded. */
export const INITIAL: ExplainState = {
  phase: 'idle',
  message: '',
  error: null,
  demo: null,
  modelName: '',
  summary: null,
  preprocess: null,
  labels: null,
  image: null,
  imageError: null,
  run: null,
  scaleMode: 'layer',
  selected: null,
  target: null,
  camLayer: null,
  methods: idleMethods(),
  focus: 'gradcam',
  opacity: 0.5,
  colormap: 'jet',
  runVersion: 0,
  backend:
    new URLSearchParams(typeof location === 'undefined' ? '' : location.search).get('backend') === 'webgl'
      ? 'webgl'
      : 'wasm',
};
