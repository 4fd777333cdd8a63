/** Concat, Split, Slice, Gather and Pad; CNN concatenations (SqueezeNet, DenseNet) stay NHWC. */
import * as tf from '@tensorflow/tfjs';
import type { OpImpl } from '../op-context.js';
import {
  channelsLast,
  logicalShape,
  NHWC_AXIS,
  plain,
  TO_NHWC,
  toLogical,
  toNhwc,
  type RValue,
} from '../rvalue.js';

const concat: OpImpl = (ctx) => {
  const vals: RValue[] = [];
  for (let i = 0; i < ctx.inputCount; i++) if (ctx.has(i)) vals.push(ctx.input(i));
  const rank = logicalShape(vals[0]!).length;
  let axis = ctx.int('axis', 0);
  if (axis < 0) axis += rank;
  const nhwc = rank === 4 && vals.some((v) => v.kind === 'tensor' && v.nhwc);
  const parts = vals.filter((v) => logicalShape(v).every((d) => d >= 0) && logicalShape(v)[axis] !== 0);
  const list = (parts.length ? parts : vals).map((v) => (nhwc ? toNhwc(v) : toLogical(v)));
  const dtype = list.some((t) => t.dtype === 'float32') ? 'float32' : list[0]!.dtype;
  const same = list.map((t) => (t.dtype === dtype ? t : tf.cast(t, dtype)));
  const out = same.length === 1 ? tf.clone(same[0]!) : tf.concat(same, nhwc ? NHWC_AXIS[axis]! : axis);
  return [nhwc ? channelsLast(out) : plain(out)];
};

const split: OpImpl = (ctx) => {
  const x = ctx.tensor(0);
  let axis = ctx.int('axis', 0);
  if (axis < 0) axis += x.rank;
  const outputs = ctx.node.outputs.length;
  let sizes = ctx.opset >= 13 ? (ctx.has(1) ? ctx.ints(1) : undefined) : ctx.intsAttr('split');
  if (!sizes) {
    const n = ctx.int('num_outputs', outputs);
    const chunk = Math.ceil(x.shape[axis]! / n);
    sizes = Array.from({ length: n }, (_, i) => Math.min(chunk, x.shape[axis]! - i * chunk));
  }
  return tf.split(x, sizes, axis).map((t) => plain(t));
};

/** Clamps ONNX Slice bounds (negative and huge values) to a dim of size `d` for a step `step`. */
export function clampSlice(start: number, end: number, step: number, d: number): [number, number] {
  const norm = (i: number): number => (i < 0 ? i + d : i);
  if (step > 0) return [Math.min(Math.max(norm(start), 0), d), Math.min(Math.max(norm(end), 0), d)];
  return [Math.min(Math.max(norm(start), -1), d - 1), Math.min(Math.max(norm(end), -1), d - 1)];
}

const slice: OpImpl = (ctx) => {
  const x = ctx.tensor(0);
  const old = ctx.opset < 10;
  const starts = old ? (ctx.intsAttr('starts') ?? []) : ctx.ints(1);
  const ends = old ? (ctx.intsAttr('ends') ?? []) : ctx.ints(2);
  const axes = (old ? ctx.intsAttr('axes') : ctx.has(3) ? ctx.ints(3) : undefined) ?? starts.map((_, i) => i);
  const steps = !old && ctx.has(4) ? ctx.ints(4) : starts.map(() => 1);
  const begin = new Array<number>(x.rank).fill(0);
  const stop = x.shape.slice();
  const stride = new Array<number>(x.rank).fill(1);
  axes.forEach((a, i) => {
    const ax = a < 0 ? a + x.rank : a;
    const [b, e] = clampSlice(starts[i]!, ends[i]!, steps[i]!, x.shape[ax]!);
    begin[ax] = b;
    stop[ax] = e;
    stride[ax] = steps[i]!;
  });
  if (stride.every((s) => s === 1)) {
    // tf.slice has a gradient; stridedSlice has none in tfjs.
    const size = stop.map((e, i) => Math.max(0, e - begin[i]!));
    return [plain(tf.slice(x, begin, size))];
  }
  // A negative step running to the front ends at −1, which tfjs reads as "the last element": mask it.
  let endMask = 0;
  stop.forEach((e, i) => {
    if (stride[i]! < 0 && e < 0) endMask |= 1 << i;
  });
  return [plain(tf.stridedSlice(x, begin, stop, stride, 0, endMask))];
};

const gather: OpImpl = (ctx) => {
  const x = ctx.tensor(0);
  let axis = ctx.int('axis', 0);
  if (axis < 0) axis += x.rank;
  const idx = ctx.host(1);
  const d = x.shape[axis]!;
  const ids = Array.from(idx.data, (i) => (Number(i) < 0 ? Number(i) + d : Number(i)));
  if (idx.shape.length === 0) {
    // One index: a slice (differentiable everywhere; tfjs-wasm has no gradient kernel for Gather).
    const begin = x.shape.map((_, i) => (i === axis ? ids[0]! : 0));
    const size = x.shape.map((s, i) => (i === axis ? 1 : s));
    return [plain(tf.squeeze(tf.slice(x, begin, size), [axis]))];
  }
  return [plain(tf.gather(x, tf.tensor(ids, idx.shape, 'int32'), axis))];
};

const pad: OpImpl = (ctx) => {
  const v = ctx.input(0);
  const rank = logicalShape(v).length;
  const mode = ctx.string('mode', 'constant');
  const pads = ctx.opset < 11 ? (ctx.intsAttr('pads') ?? []) : ctx.ints(1);
  const value = ctx.opset < 11 ? ctx.float('value', 0) : ctx.has(2) ? Number(ctx.host(2).data[0] ?? 0) : 0;
  const axes = ctx.opset >= 18 && ctx.has(3) ? ctx.ints(3).map((a) => (a < 0 ? a + rank : a)) : null;
  const pairs: [number, number][] = Array.from({ length: rank }, () => [0, 0]);
  const list = axes ?? pairs.map((_, i) => i);
  list.forEach((a, i) => (pairs[a] = [pads[i]!, pads[i + list.length]!]));
  if (pairs.some(([b, e]) => b < 0 || e < 0)) throw ctx.error('negative pads are not supported');
  const nhwc = rank === 4 && v.kind === 'tensor' && v.nhwc;
  const x = nhwc ? toNhwc(v) : toLogical(v);
  const p = nhwc ? TO_NHWC.map((a) => pairs[a]!) : pairs;
  let y: tf.Tensor;
  if (mode === 'constant') y = tf.pad(x, p, value);
  else if (mode === 'reflect') y = tf.mirrorPad(x, p, 'reflect');
  else throw ctx.error(`pad mode '${mode}' is not supported`);
  return [nhwc ? channelsLast(y) : plain(y)];
};

/** Slicing and joining op implementations. */
export const sliceOps: Record<string, OpImpl> = {
  Concat: concat,
  Split: split,
  Slice: slice,
  Gather: gather,
  Pad: pad,
};
