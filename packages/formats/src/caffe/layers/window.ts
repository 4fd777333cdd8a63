/** Reads Caffe's kernel/stride/pad/dilation fields (lists or _h/_w pairs) for convolutions and pools. */
import type { PbMessage } from '../message.js';
import type { LayerContext } from '../layer-context.js';

/** Per-spatial-axis window parameters. */
export interface CaffeWindow {
  kernel: number[];
  stride: number[];
  pad: number[];
  dilation: number[];
}

function perAxis(
  ctx: LayerContext,
  p: PbMessage,
  list: string,
  h: string,
  w: string,
  n: number,
  def: number | null,
): number[] {
  if (p.has(h) || p.has(w)) {
    if (n !== 2) ctx.fail(`${h}/${w} are only valid for 2-d blobs`);
    const hv = p.num(h, def ?? NaN);
    const wv = p.num(w, def ?? NaN);
    return [hv, wv];
  }
  const vals = p.nums(list);
  if (vals.length === 0) {
    if (def === null) ctx.fail(`${list} is required`);
    return new Array<number>(n).fill(def);
  }
  if (vals.length === 1) return new Array<number>(n).fill(vals[0]!);
  if (vals.length !== n) ctx.fail(`${list} has ${vals.length} values for ${n} spatial axes`);
  return vals;
}

/** Spatial rank: from the input blob when known, else from how the kernel is written (2-d by default). */
export function spatialRank(ctx: LayerContext, p: PbMessage): number {
  const x = ctx.shapes[0];
  if (x) return Math.max(0, x.length - 2);
  const k = p.nums('kernel_size').length;
  return k > 1 ? k : 2;
}

/** The window of a convolution or pool over `n` spatial axes, validated. */
export function readWindow(ctx: LayerContext, p: PbMessage, n: number, kernelRequired: boolean): CaffeWindow {
  const win: CaffeWindow = {
    kernel: perAxis(ctx, p, 'kernel_size', 'kernel_h', 'kernel_w', n, kernelRequired ? null : 1),
    stride: perAxis(ctx, p, 'stride', 'stride_h', 'stride_w', n, 1),
    pad: perAxis(ctx, p, 'pad', 'pad_h', 'pad_w', n, 0),
    dilation: perAxis(ctx, p, 'dilation', 'dilation_h', 'dilation_w', n, 1),
  };
  const positive = (xs: number[], what: string, min: number): void => {
    for (const x of xs) {
      if (!Number.isInteger(x) || x < min || x > 2 ** 31 - 1) ctx.fail(`${what} ${x} is not valid`);
    }
  };
  positive(win.kernel, 'kernel size', 1);
  positive(win.stride, 'stride', 1);
  positive(win.pad, 'pad', 0);
  positive(win.dilation, 'dilation', 1);
  return win;
}

/** ONNX pads (all begins, then all ends) of a symmetric Caffe pad. */
export function onnxPads(pad: number[], extraEnd?: number[]): number[] {
  return [...pad, ...pad.map((p, i) => p + (extraEnd?.[i] ?? 0))];
}
