/** The arithmetic the conv detail view shows: which inputs feed an output channel, windows, per-channel results. */
import type { WindowParams } from '../protocol.js';

/** Input channels read by output channel `o` of a grouped conv. */
export function inputChannelsOf(o: number, cin: number, cout: number, group: number): number[] {
  const cg = cin / group;
  const g = Math.floor(o / (cout / group));
  return Array.from({ length: cg }, (_, k) => g * cg + k);
}

/** Input cells (row, col, or null for padding) under the window of output (oi, oj). */
export function windowCells(
  win: WindowParams,
  oi: number,
  oj: number,
  h: number,
  w: number,
): ([number, number] | null)[][] {
  const [kh, kw] = win.kernel;
  return Array.from({ length: kh }, (_, a) =>
    Array.from({ length: kw }, (_, b) => {
      const r = oi * win.strides[0] - win.pads[0] + a * win.dilations[0];
      const c = oj * win.strides[1] - win.pads[1] + b * win.dilations[1];
      return r >= 0 && r < h && c >= 0 && c < w ? [r, c] : null;
    }),
  );
}

/** Values of channel `c` under the window (null = padding). */
export function windowValues(
  x: Float32Array,
  c: number,
  h: number,
  w: number,
  cells: ([number, number] | null)[][],
): (number | null)[][] {
  return cells.map((row) => row.map((p) => (p ? x[c * h * w + p[0] * w + p[1]]! : null)));
}

/** Kernel [kh][kw] of weight [O, Cg, kh, kw] for output `o`, group-local input `k`. */
export function kernelOf(weight: Float32Array, shape: number[], o: number, k: number): number[][] {
  const [, cg, kh, kw] = shape as [number, number, number, number];
  const base = (o * cg + k) * kh * kw;
  return Array.from({ length: kh }, (_, a) =>
    Array.from({ length: kw }, (_, b) => weight[base + a * kw + b]!),
  );
}

/** Σ window·kernel (padding counts as 0). */
export function dot(win: (number | null)[][], kernel: number[][]): number {
  let s = 0;
  win.forEach((row, a) => row.forEach((v, b) => (s += (v ?? 0) * kernel[a]![b]!)));
  return s;
}

/** The whole ho×wo map one input channel contributes (CNN Explainer's "intermediate result"). */
export function channelResult(
  x: Float32Array,
  c: number,
  h: number,
  w: number,
  kernel: number[][],
  win: WindowParams,
  ho: number,
  wo: number,
): Float32Array {
  const out = new Float32Array(ho * wo);
  for (let i = 0; i < ho; i++)
    for (let j = 0; j < wo; j++)
      out[i * wo + j] = dot(windowValues(x, c, h, w, windowCells(win, i, j, h, w)), kernel);
  return out;
}

/** Output size of a convolution over n with padding p, kernel k, stride s, and whether s tiles the input exactly. */
export function convOutput(n: number, p: number, k: number, s: number): { size: number; exact: boolean } {
  const span = n + 2 * p - k;
  return { size: Math.floor(span / s) + 1, exact: span >= 0 && span % s === 0 };
}
