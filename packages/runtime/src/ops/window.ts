/** Window geometry shared by Conv and the pools: ONNX pads/auto_pad/ceil_mode → explicit per-side pads. */
import type { OpContext } from '../op-context.js';

/** 2-D window parameters with explicit pads (top, bottom, left, right). */
export interface Window2D {
  kernel: [number, number];
  strides: [number, number];
  dilations: [number, number];
  /** [top, bottom, left, right]; may include ceil_mode's extra bottom/right rows. */
  pads: [number, number, number, number];
  /** Output spatial size. */
  out: [number, number];
}

/** Output size of one axis (floor or ceil rounding, as ONNX defines it). */
export function windowOut(
  size: number,
  k: number,
  s: number,
  d: number,
  pb: number,
  pe: number,
  ceil: boolean,
): number {
  const span = size + pb + pe - ((k - 1) * d + 1);
  return (ceil ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
}

/**
 * Resolves the window of a Conv/Pool node over spatial size [h, w]. With ceil_mode the last window may
 * start inside the input but run past it: the extra rows are added to the bottom/right pad, and a
 * window starting entirely in the end padding is dropped (PyTorch's rule).
 */
export function resolveWindow(
  ctx: OpContext,
  h: number,
  w: number,
  kernel: [number, number],
  oneD = false,
): Window2D {
  // A 1-D op runs as 2-D over [1, L]: its attributes describe the second axis only.
  const lift = (v: number[] | undefined, fill: number): number[] | undefined =>
    v && oneD ? [fill, v[0]!] : v;
  const strides = (lift(ctx.intsAttr('strides'), 1) ?? [1, 1]) as [number, number];
  const dilations = (lift(ctx.intsAttr('dilations'), 1) ?? [1, 1]) as [number, number];
  const autoPad = ctx.string('auto_pad', 'NOTSET');
  const ceil = ctx.int('ceil_mode', 0) === 1;
  const rawPads = ctx.intsAttr('pads');
  let [pt, pl, pb, pr] = rawPads && oneD ? [0, rawPads[0]!, 0, rawPads[1]!] : (rawPads ?? [0, 0, 0, 0]);
  const sizes = [h, w];
  if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    const total = sizes.map((n, i) => {
      const outN = Math.ceil(n / strides[i]!);
      return Math.max(0, (outN - 1) * strides[i]! + (kernel[i]! - 1) * dilations[i]! + 1 - n);
    });
    const small = total.map((t) => Math.floor(t / 2));
    const big = total.map((t, i) => t - small[i]!);
    [pt, pl] = autoPad === 'SAME_UPPER' ? small : big;
    [pb, pr] = autoPad === 'SAME_UPPER' ? big : small;
  } else if (autoPad === 'VALID') {
    [pt, pl, pb, pr] = [0, 0, 0, 0];
  }
  const pads: [number, number, number, number] = [pt!, pb!, pl!, pr!];
  const out: [number, number] = [0, 0];
  for (let i = 0; i < 2; i++) {
    const n = sizes[i]!;
    const [k, s, d] = [kernel[i]!, strides[i]!, dilations[i]!];
    const [b, e] = i === 0 ? [pads[0], pads[1]] : [pads[2], pads[3]];
    let o = windowOut(n, k, s, d, b, e, ceil);
    if (ceil && (o - 1) * s >= n + b) o--;
    if (o < 1)
      throw ctx.error(`window ${k} (dilation ${d}) does not fit input size ${n} with pads ${b},${e}`);
    out[i] = o;
    // Extra end padding so that a 'valid' op over the padded input yields exactly `o` outputs.
    const need = (o - 1) * s + (k - 1) * d + 1 - (n + b + e);
    if (need > 0) pads[i === 0 ? 1 : 3] += need;
  }
  return { kernel, strides, dilations, pads, out };
}
