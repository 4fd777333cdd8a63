/** Drawing of a distribution series: nested percentile bands (TensorBoard's basis points) over steps. */
import { compressHistogram } from '../lib/distribution.js';
import { drawXAxis, drawYAxis, fitCanvas, type Rect, scale } from './canvas-util.js';
import { withAlpha } from '../lib/colors.js';
import { pad } from '../lib/y-range.js';

/** Per step, the values at the nine basis points. */
export interface DistributionSeries {
  steps: number[];
  bands: number[][];
}

/** Compresses every histogram step. */
export function prepareDistribution(
  samples: { step: number; buckets: ArrayLike<number> }[],
): DistributionSeries {
  return { steps: samples.map((s) => s.step), bands: samples.map((s) => compressHistogram(s.buckets)) };
}

/** Draws the bands; returns the x pixel of each step (for hover). */
export function drawDistribution(
  canvas: HTMLCanvasElement,
  d: DistributionSeries,
  color: string,
  hover: number | null,
): { xs: number[]; rect: Rect } {
  const { ctx, w, h } = fitCanvas(canvas);
  const r: Rect = { left: 56, top: 10, width: w - 56 - 16, height: h - 36 };
  const m = d.steps.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (const b of d.bands) {
    lo = Math.min(lo, b[0]!);
    hi = Math.max(hi, b[8]!);
  }
  [lo, hi] = pad(lo, hi);
  const s0 = d.steps[0]!;
  const s1 = m > 1 ? d.steps[m - 1]! : s0 + 1;
  const x = scale(s0, s1, r.left, r.left + r.width);
  const y = scale(lo, hi, r.top + r.height, r.top);
  drawYAxis(ctx, r, lo, hi, y);
  drawXAxis(ctx, r, s0, s1, x, true);
  const xs = d.steps.map(x);
  // Outer to inner: (min, max), (−1.5σ, +1.5σ), (−1σ, +1σ), (−0.5σ, +0.5σ).
  const alphas = [0.1, 0.16, 0.24, 0.34];
  for (let k = 0; k < 4; k++) {
    ctx.beginPath();
    for (let i = 0; i < m; i++) ctx.lineTo(xs[i]!, y(d.bands[i]![k]!));
    for (let i = m - 1; i >= 0; i--) ctx.lineTo(xs[i]!, y(d.bands[i]![8 - k]!));
    ctx.closePath();
    ctx.fillStyle = withAlpha(color, alphas[k]!);
    ctx.fill();
  }
  ctx.beginPath();
  for (let i = 0; i < m; i++) ctx.lineTo(xs[i]!, y(d.bands[i]![4]!));
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.75;
  ctx.stroke();
  if (m === 1) {
    // One step: bands have no width; draw it as a box plot.
    const cx = xs[0]!;
    for (let k = 0; k < 4; k++) {
      ctx.fillStyle = withAlpha(color, alphas[k]! + 0.1);
      ctx.fillRect(
        cx - 14 + k * 2,
        y(d.bands[0]![8 - k]!),
        28 - k * 4,
        y(d.bands[0]![k]!) - y(d.bands[0]![8 - k]!),
      );
    }
  }
  if (hover !== null) {
    ctx.strokeStyle = 'rgba(15, 23, 42, 0.3)';
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(Math.round(xs[hover]!) + 0.5, r.top);
    ctx.lineTo(Math.round(xs[hover]!) + 0.5, r.top + r.height);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  return { xs, rect: r };
}
