/** Sliding-window arithmetic of Conv, ConvTranspose and the pools: kernel, strides, dilations, pads, auto_pad. */
import type { Dim } from '@nnlens/ir';
import { attrInt, attrInts, attrString } from '../attrs.js';
import { RuleError } from '../errors.js';
import type { InferContext } from '../rule.js';

/** Window parameters of one node, one entry per spatial axis. */
export interface Window {
  kernel: number[];
  strides: number[];
  dilations: number[];
  /** Begin pads then end pads, as in ONNX. */
  pads: number[];
  autoPad: string;
  ceil: boolean;
}

function listOf(v: number[] | undefined, n: number, def: number, what: string): number[] {
  if (v === undefined || v.length === 0) return new Array<number>(n).fill(def);
  if (v.length !== n) throw new RuleError(`${what} has ${v.length} entries, expected ${n}`);
  return v;
}

/** Reads the window attributes for `n` spatial axes; `kernel` defaults to the given dims (Conv weights). */
export function readWindow(ctx: InferContext, n: number, kernelFromWeights?: Dim[]): Window {
  const node = ctx.node;
  let kernel = attrInts(node, 'kernel_shape');
  if (!kernel && kernelFromWeights && kernelFromWeights.every((d) => typeof d === 'number')) {
    kernel = kernelFromWeights as number[];
  }
  if (!kernel) throw new RuleError('kernel shape is unknown');
  if (kernel.length !== n)
    throw new RuleError(`kernel_shape has ${kernel.length} dims, input has ${n} spatial dims`);
  const w: Window = {
    kernel,
    strides: listOf(attrInts(node, 'strides'), n, 1, 'strides'),
    dilations: listOf(attrInts(node, 'dilations'), n, 1, 'dilations'),
    pads: listOf(attrInts(node, 'pads'), 2 * n, 0, 'pads'),
    autoPad: attrString(node, 'auto_pad', 'NOTSET'),
    ceil: attrInt(node, 'ceil_mode', 0) !== 0,
  };
  for (const [k, s, d] of w.kernel.map((k, i) => [k, w.strides[i], w.dilations[i]])) {
    if (!(k! > 0 && s! > 0 && d! > 0)) throw new RuleError(`kernel, strides and dilations must be positive`);
  }
  return w;
}

/** Output size of spatial axis `i` of a convolution or pool. */
export function windowOut(input: Dim, w: Window, i: number): Dim {
  const k = w.kernel[i] as number;
  const s = w.strides[i] as number;
  const d = w.dilations[i] as number;
  const extent = (k - 1) * d + 1;
  if (w.autoPad === 'SAME_UPPER' || w.autoPad === 'SAME_LOWER') {
    if (typeof input !== 'number') return s === 1 ? input : null;
    return Math.ceil(input / s);
  }
  const padTotal =
    w.autoPad === 'VALID' ? 0 : (w.pads[i] as number) + (w.pads[i + w.kernel.length] as number);
  if (typeof input !== 'number') return s === 1 && padTotal === extent - 1 ? input : null;
  const span = input + padTotal - extent;
  if (span < 0) throw new RuleError(`window of ${extent} does not fit input ${input} with pads ${padTotal}`);
  let out = (w.ceil ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
  // With ceil_mode, a last window that would start inside the end padding is dropped (PyTorch, onnxruntime).
  if (w.ceil && (out - 1) * s >= input + (w.autoPad === 'VALID' ? 0 : (w.pads[i] as number))) out--;
  return out;
}

/** Output size of spatial axis `i` of a transposed convolution. */
export function transposedOut(input: Dim, w: Window, i: number, outputPadding: number): Dim {
  const s = w.strides[i] as number;
  if (w.autoPad === 'SAME_UPPER' || w.autoPad === 'SAME_LOWER') {
    return typeof input === 'number' ? input * s : s === 1 ? input : null;
  }
  if (typeof input !== 'number') return null;
  const extent = ((w.kernel[i] as number) - 1) * (w.dilations[i] as number) + 1;
  const pads = w.autoPad === 'VALID' ? 0 : (w.pads[i] as number) + (w.pads[i + w.kernel.length] as number);
  return s * (input - 1) + outputPadding + extent - pads;
}
