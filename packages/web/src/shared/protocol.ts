/** Messages between the page and the model worker: requests carry an id, replies answer it. */
import type { DiagramDrawOptions, DiagramReply } from './diagram-protocol.js';
import type { GraphView, LayoutView, ModelView, TensorStatsView, WorkerTimings } from './view-model.js';

/** What the page can ask the worker. */
export type WorkerRequest =
  | { type: 'open'; name: string; bytes: ArrayBuffer; sidecars: [string, ArrayBuffer][] }
  /** A generated DenseNet-like graph of about `nodes` nodes (benchmarks, `?synthetic=N`). */
  | { type: 'openSynthetic'; nodes: number }
  | { type: 'layout'; path: string; expanded: string[] }
  | { type: 'graph'; path: string }
  | { type: 'tensorStats'; path: string; value: string }
  | { type: 'tensorNpy'; path: string; value: string }
  | { type: 'attachData'; files: [string, ArrayBuffer][] }
  /** A figure of the open model, or of a spec text (Diagram page). */
  | { type: 'drawDiagram'; options: DiagramDrawOptions }
  | { type: 'drawSpec'; text: string; file: string; options: DiagramDrawOptions };

/** The result type of each request. */
export interface WorkerResults {
  open: { view: ModelView; timings: WorkerTimings };
  openSynthetic: { view: ModelView; timings: WorkerTimings };
  layout: { layout: LayoutView; ms: number };
  graph: { graph: GraphView };
  tensorStats: { stats: TensorStatsView };
  tensorNpy: { bytes: ArrayBuffer; fileName: string };
  attachData: { warnings: string[] };
  drawDiagram: DiagramReply;
  drawSpec: DiagramReply;
}

/** Why a request failed; `missingFile` names an external-data file the page could fetch and attach. */
export interface WorkerFailure {
  message: string;
  /** 'format' for unreadable files, 'data' for tensor data that is not loaded, 'internal' otherwise. */
  kind: 'format' | 'data' | 'internal';
  missingFile?: string;
}

/** Envelope sent to the worker. */
export interface RequestEnvelope {
  id: number;
  request: WorkerRequest;
}

/** Envelope sent back. */
export type ReplyEnvelope =
  | { id: number; ok: true; result: WorkerResults[keyof WorkerResults] }
  | { id: number; ok: false; error: WorkerFailure };
