/** Canvas helpers for the histogram and distribution charts: DPR-correct sizing, axes, colour mixing. */
import { formatNumber } from '../lib/format.js';
import { linearTicks } from '../lib/ticks.js';

/** A plot rectangle in CSS pixels. */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Sizes the canvas to its element at the device pixel ratio; returns a context scaled to CSS pixels. */
export function fitCanvas(canvas: HTMLCanvasElement): {
  ctx: CanvasRenderingContext2D;
  w: number;
  h: number;
} {
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth;
  const h = canvas.clientHeight;
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.font = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  return { ctx, w, h };
}

/** Mixes `#rrggbb` with white: t = 0 gives the colour, t = 1 white. */
export function tint(hex: string, t: number): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * t);
  return `rgb(${mix((n >> 16) & 255)}, ${mix((n >> 8) & 255)}, ${mix(n & 255)})`;
}

/** A linear map from [d0, d1] to [r0, r1]. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** Vertical grid lines with labels under the plot. */
export function drawXAxis(
  ctx: CanvasRenderingContext2D,
  r: Rect,
  lo: number,
  hi: number,
  x: (v: number) => number,
  integer = false,
): void {
  const ticks = linearTicks(lo, hi, Math.max(2, Math.floor(r.width / 90))).filter(
    (v) => !integer || Number.isInteger(v),
  );
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : Math.abs(hi - lo) || 1;
  ctx.strokeStyle = '#eef1f5';
  ctx.fillStyle = '#7b8594';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const t of ticks) {
    const px = Math.round(x(t)) + 0.5;
    ctx.moveTo(px, r.top);
    ctx.lineTo(px, r.top + r.height);
    ctx.fillText(formatNumber(t, step), px, r.top + r.height + 7);
  }
  ctx.stroke();
  ctx.strokeStyle = '#d3d9e1';
  ctx.beginPath();
  ctx.moveTo(r.left, r.top + r.height + 0.5);
  ctx.lineTo(r.left + r.width, r.top + r.height + 0.5);
  ctx.stroke();
}

/** Horizontal grid lines with labels left (or right) of the plot. */
export function drawYAxis(
  ctx: CanvasRenderingContext2D,
  r: Rect,
  lo: number,
  hi: number,
  y: (v: number) => number,
  side: 'left' | 'right' = 'left',
  integer = false,
): void {
  const ticks = linearTicks(lo, hi, Math.max(2, Math.floor(r.height / 40))).filter(
    (v) => !integer || Number.isInteger(v),
  );
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : Math.abs(hi - lo) || 1;
  ctx.strokeStyle = '#eef1f5';
  ctx.fillStyle = '#7b8594';
  ctx.textAlign = side === 'left' ? 'right' : 'left';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const t of ticks) {
    const py = Math.round(y(t)) + 0.5;
    if (py < r.top - 1 || py > r.top + r.height + 1) continue;
    ctx.moveTo(r.left, py);
    ctx.lineTo(r.left + r.width, py);
    ctx.fillText(formatNumber(t, step), side === 'left' ? r.left - 8 : r.left + r.width + 8, py);
  }
  ctx.stroke();
}
