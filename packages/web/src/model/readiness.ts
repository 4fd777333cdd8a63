/** The page's automation contract: data-nnlens-state / data-nnlens-nodes on <html>, and window.__nnlensTimings. */

/** Timings of the last open, in milliseconds. */
export interface NnlensTimings {
  fetch?: number;
  parse?: number;
  analyze?: number;
  tree?: number;
  layout?: number;
  view?: number;
  /** Worker round trip not spent in the steps above (message passing, worker start-up). */
  transfer?: number;
  /** Of which: from posting the request to the worker starting on it (worker start-up, copying bytes). */
  toWorker?: number;
  /** From the worker's reply to the page having it (structured-clone decoding, a busy main thread). */
  fromWorker?: number;
  /** From the page having the view to its first frame (React render, scene building). */
  render?: number;
  firstDraw?: number;
  /** From file bytes in hand to the graph drawn. */
  total?: number;
  /** performance.now() when the view was ready (navigation start = 0). */
  readyAt?: number;
  /** performance.now() when the app's script started, and when the model fetch started. */
  bootAt?: number;
  fetchAt?: number;
  /** Last re-layout (expand/collapse) in the worker. */
  relayout?: number;
  /** Duration of the last drawn frame. */
  lastFrame?: number;
  nodes?: number;
}

declare global {
  interface Window {
    __nnlensTimings?: NnlensTimings;
    /** Durations of the most recent drawn frames (ms), newest last. */
    __nnlensFrames?: number[];
  }
}

/** Records one drawn frame's duration (keeps the last 1,000). */
export function recordFrame(ms: number): void {
  const frames = (window.__nnlensFrames ??= []);
  frames.push(ms);
  if (frames.length > 1000) frames.splice(0, frames.length - 1000);
  if (window.__nnlensTimings) window.__nnlensTimings.lastFrame = ms;
}

/** Sets the page state; 'ready' also records how many nodes the view drew. */
export function setPageState(state: 'idle' | 'loading' | 'ready' | 'error', nodes?: number): void {
  const ds = document.documentElement.dataset;
  ds.nnlensState = state;
  if (nodes !== undefined) ds.nnlensNodes = String(nodes);
}

/** Merges timings into window.__nnlensTimings (replacing them when `reset`). */
export function recordTimings(t: NnlensTimings, reset = false): void {
  window.__nnlensTimings = reset ? { ...t } : { ...window.__nnlensTimings, ...t };
}
