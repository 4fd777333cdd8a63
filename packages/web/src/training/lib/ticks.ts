/** Axis ticks: "nice" linear steps (1, 2, 5 × 10^k), log decades, and calendar/duration steps for time axes. */

/** The nice step for about `count` intervals over [lo, hi]. */
export function niceStep(lo: number, hi: number, count: number): number {
  const raw = Math.abs(hi - lo) / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * p;
}

/** Multiples of the nice step inside [lo, hi]; values are rounded so 0.1 + 0.2 prints as 0.3. */
export function linearTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return Number.isFinite(lo) ? [lo] : [];
  const step = niceStep(lo, hi, count);
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const out: number[] = [];
  for (let k = Math.ceil(lo / step); k * step <= hi + step * 1e-9; k++)
    out.push(Number((k * step).toFixed(Math.min(20, digits))));
  return out;
}

/**
 * Ticks of a log10 axis given the domain in log10 units: whole decades, thinned when there are many,
 * with 2× and 5× in between when the axis spans under three decades (linear ticks under one decade).
 */
export function logTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [10 ** lo];
  if (hi - lo < 1) return linearTicks(10 ** lo, 10 ** hi, count);
  const d0 = Math.ceil(lo - 1e-9);
  const d1 = Math.floor(hi + 1e-9);
  const every = Math.max(1, Math.ceil((d1 - d0 + 1) / Math.max(1, count)));
  const out: number[] = [];
  for (let d = Math.floor(lo); d <= d1; d++) {
    // Number('1e-4') is exact where 10 ** -4 is not (0.00009999999999999999).
    if (d >= d0 && (d - d0) % every === 0) out.push(Number(`1e${d}`));
    if (hi - lo < 3)
      for (const m of [2, 5]) {
        const l = d + Math.log10(m);
        if (l >= lo && l <= hi) out.push(Number(`${m}e${d}`));
      }
  }
  return out.sort((a, b) => a - b);
}

const S = 1;
const M = 60;
const H = 3600;
const D = 86400;
/** Steps a time axis may use, in seconds. */
export const TIME_STEPS = [
  1,
  2,
  5,
  10,
  15,
  30,
  M,
  2 * M,
  5 * M,
  10 * M,
  15 * M,
  30 * M,
  H,
  2 * H,
  3 * H,
  6 * H,
  12 * H,
  D,
  2 * D,
  7 * D,
  14 * D,
  30 * D,
];

function timeStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / Math.max(1, count);
  if (raw < 1) return niceStep(lo, hi, count);
  return TIME_STEPS.find((s) => s >= raw) ?? niceStep(lo / D, hi / D, count) * D;
}

/**
 * Ticks of a time axis in seconds. `offset` shifts the grid (pass the time zone's offset in seconds
 * for wall-clock ticks on local hours and midnights; 0 for durations).
 */
export function timeTicks(
  lo: number,
  hi: number,
  count: number,
  offset = 0,
): { ticks: number[]; step: number } {
  if (!(hi > lo)) return { ticks: [lo], step: S };
  const step = timeStep(lo, hi, count);
  const out: number[] = [];
  for (let t = Math.ceil((lo + offset) / step) * step - offset; t <= hi + 1e-9; t += step) out.push(t);
  return { ticks: out, step };
}
