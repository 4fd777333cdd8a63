/** Drawing of a histogram series: TensorBoard's offset (ridgeline over steps) and overlay modes. */
import { formatNumber, formatStep } from '../lib/format.js';
import { type Binned, bucketRange, rebin } from '../lib/rebin.js';
import { drawXAxis, drawYAxis, fitCanvas, type Rect, scale, tint } from './canvas-util.js';

/** Histogram steps ready to draw: shared uniform bins. */
export interface HistogramSeries {
  steps: number[];
  bins: Binned[];
  maxCount: number;
  lo: number;
  hi: number;
}

/** Re-bins every step onto `nBins` uniform bins over the range of all steps (so steps share an x grid). */
export function prepareHistograms(
  samples: { step: number; buckets: ArrayLike<number> }[],
  nBins = 50,
): HistogramSeries | null {
  const range = bucketRange(samples.map((s) => s.buckets));
  if (!range) return null;
  let [lo, hi] = range;
  if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
  const bins = samples.map((s) => rebin(s.buckets, lo, hi, nBins));
  let maxCount = 0;
  for (const b of bins) for (const c of b.counts) if (c > maxCount) maxCount = c;
  return { steps: samples.map((s) => s.step), bins, maxCount: maxCount || 1, lo, hi };
}

const binX = (b: Binned, i: number) => b.lo + ((i + 0.5) * (b.hi - b.lo)) / b.counts.length;

/** Draws the series; `hover` is the index of the highlighted step. Returns the baseline y of each step (offset mode). */
export function drawHistograms(
  canvas: HTMLCanvasElement,
  h: HistogramSeries,
  color: string,
  mode: 'offset' | 'overlay',
  hover: number | null,
): number[] {
  const { ctx, w, h: ch } = fitCanvas(canvas);
  const r: Rect = { left: mode === 'overlay' ? 50 : 14, top: 10, width: 0, height: ch - 36 };
  r.width = w - r.left - (mode === 'offset' ? 62 : 16);
  const x = scale(h.lo, h.hi, r.left, r.left + r.width);
  const m = h.steps.length;
  const s0 = h.steps[0]!;
  const s1 = h.steps[m - 1]!;
  const baselines: number[] = [];
  drawXAxis(ctx, r, h.lo, h.hi, x);
  const ridge = mode === 'offset' ? r.height * (m > 1 ? 0.42 : 0.9) : r.height;
  const offsetSpan = r.height - ridge;
  const y0 = (k: number) =>
    mode === 'overlay' || m === 1
      ? r.top + r.height
      : r.top +
        ridge +
        (s1 === s0 ? (k / (m - 1)) * offsetSpan : ((h.steps[k]! - s0) / (s1 - s0)) * offsetSpan);
  if (mode === 'overlay') drawYAxis(ctx, r, 0, h.maxCount, scale(0, h.maxCount, r.top + r.height, r.top));
  else {
    // Step labels on the right, at nice steps along the offset axis.
    ctx.fillStyle = '#7b8594';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    const every = Math.max(1, Math.ceil(m / Math.max(2, Math.floor(offsetSpan / 22))));
    for (let k = m - 1; k >= 0; k -= every)
      ctx.fillText(formatStep(h.steps[k]!), r.left + r.width + 8, y0(k));
  }
  for (let k = 0; k < m; k++) {
    const b = h.bins[k]!;
    const base = y0(k);
    baselines.push(base);
    const hy = (c: number) => base - (c / h.maxCount) * ridge;
    const age = m > 1 ? 1 - k / (m - 1) : 0; // 1 = oldest, 0 = newest
    const hot = hover === k;
    ctx.beginPath();
    ctx.moveTo(x(b.lo), base);
    for (let i = 0; i < b.counts.length; i++) ctx.lineTo(x(binX(b, i)), hy(b.counts[i]!));
    ctx.lineTo(x(b.hi), base);
    if (mode === 'offset') {
      ctx.fillStyle = tint(color, 0.55 + 0.4 * age);
      ctx.fill();
    }
    ctx.strokeStyle = hot
      ? '#0f172a'
      : mode === 'offset'
        ? tint(color, 0.05 + 0.25 * age)
        : tint(color, 0.15 + 0.7 * age);
    ctx.lineWidth = hot ? 2 : k === m - 1 ? 1.5 : 1;
    ctx.stroke();
  }
  if (hover !== null && h.bins[hover]) {
    const b = h.bins[hover];
    ctx.fillStyle = '#0f172a';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    const total = b.counts.reduce((a, c) => a + c, 0);
    ctx.fillText(
      `step ${formatStep(h.steps[hover]!)} · ${formatNumber(total)} values`,
      r.left + 4,
      r.top + 12,
    );
  }
  return baselines;
}
