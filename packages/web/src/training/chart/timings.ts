/** The chart's automation contract: draw timings on window.__nnlensChartTimings, for tests and the bench. */

/** One drawn frame of one chart. */
export interface ChartDraw {
  chart: string;
  /** Points held by the chart's series (all of them, not only the visible ones). */
  points: number;
  /** Points inside the visible x range. */
  visible: number;
  series: number;
  /** Derived columns (x per axis type, smoothing) recomputed for this frame. */
  prepareMs: number;
  decimateMs: number;
  paintMs: number;
  totalMs: number;
  at: number;
}

/** Recent draws (newest last) and the last draw of each chart. */
export interface ChartTimings {
  draws: ChartDraw[];
  byChart: Record<string, ChartDraw>;
}

/** What automation may do with a chart: draw it now (returns ms), zoom it. */
export interface ChartHandle {
  draw(): number;
  setZoom(range: [number, number] | null): void;
  extent(): [number, number] | null;
}

declare global {
  interface Window {
    __nnlensChartTimings?: ChartTimings;
    /** Live charts by id (tag), for benchmarks. */
    __nnlensCharts?: Record<string, ChartHandle>;
  }
}

/** Registers a chart for automation; returns the unregister function. */
export function registerChart(id: string, chart: ChartHandle): () => void {
  const all = (window.__nnlensCharts ??= {});
  all[id] = chart;
  return () => {
    if (all[id] === chart) delete all[id];
  };
}

/** Records a draw, keeping the last 200. */
export function recordDraw(d: ChartDraw): void {
  const t = (window.__nnlensChartTimings ??= { draws: [], byChart: {} });
  t.draws.push(d);
  if (t.draws.length > 200) t.draws.splice(0, t.draws.length - 200);
  t.byChart[d.chart] = d;
}
