/** Conv (1-D/2-D, groups, depthwise, dilations, pads, auto_pad) and ConvTranspose on NHWC tensors. */
import * as tf from '@tensorflow/tfjs';
import type { HostTensor } from '../host.js';
import type { OpContext, OpImpl } from '../op-context.js';
import { toOnnxWeight } from './weight-layout.js';
import { conv2dFast, depthwiseFast, type ConvGeometry } from './conv-grad.js';
import { spatialInput, spatialOutput } from './spatial.js';
import { resolveWindow } from './window.js';

/** The constant weight in ONNX order (other formats' kernel_layout converted once), or undefined. */
function onnxConstant(ctx: OpContext): HostTensor | undefined {
  const c = ctx.constant(1);
  const layout = ctx.string('kernel_layout', '');
  if (!c || !layout) return c;
  return ctx.cached('onnxWeight', () => toOnnxWeight(c, layout, ctx.node.op === 'ConvTranspose'));
}

/** The weight [O, C/g, kh, kw] (or [O, C/g, k]) as 4-D; constants come straight from their host data. */
function weight4(ctx: OpContext): tf.Tensor4D {
  const c = onnxConstant(ctx);
  if (!c && ctx.string('kernel_layout', ''))
    throw ctx.error(`weights in layout ${ctx.string('kernel_layout', '')} must be constants`);
  const w = c ? tf.tensor(c.data as Float32Array, c.shape, 'float32') : ctx.tensor(1);
  return (w.rank === 3 ? tf.reshape(w, [w.shape[0]!, w.shape[1]!, 1, w.shape[2]!]) : w) as tf.Tensor4D;
}

/** The weight's shape without materialising it. */
function weightShape(ctx: OpContext): [number, number, number, number] {
  const s = onnxConstant(ctx)?.shape ?? ctx.tensor(1).shape;
  return (s.length === 3 ? [s[0]!, s[1]!, 1, s[2]!] : s) as [number, number, number, number];
}

/** Filters per group in HWIO ([kh, kw, C/g, O/g]), or the depthwise filter [kh, kw, C, multiplier]. */
function filters(
  ctx: OpContext,
  group: number,
  channels: number,
): { depthwise: boolean; list: tf.Tensor4D[] } {
  const make = (): { depthwise: boolean; list: tf.Tensor4D[] } =>
    tf.tidy(() => {
      const w = weight4(ctx);
      const [o, cg, kh, kw] = w.shape;
      const hwio = tf.transpose(w, [2, 3, 1, 0]) as tf.Tensor4D;
      if (group === 1) return { depthwise: false, list: [hwio] };
      if (cg === 1 && group === channels) {
        return { depthwise: true, list: [tf.reshape(hwio, [kh, kw, channels, o / channels]) as tf.Tensor4D] };
      }
      const per = o / group;
      const list = Array.from({ length: group }, (_, g) =>
        tf.slice(hwio, [0, 0, 0, g * per], [kh, kw, cg, per]),
      );
      return { depthwise: false, list };
    });
  if (!ctx.constant(1)) return make();
  return ctx.cached(`filters:${channels}`, () => {
    const f = make();
    f.list.forEach((t) => tf.keep(t));
    return f;
  });
}

const conv: OpImpl = (ctx) => {
  const s = spatialInput(ctx, 0);
  const [, h, w, c] = s.x.shape;
  const group = ctx.int('group', 1);
  const [o, cg, kh, kw] = weightShape(ctx);
  if (cg * group !== c) throw ctx.error(`weight expects ${cg * group} input channels, input has ${c}`);
  if (o % group !== 0) throw ctx.error(`${o} output channels are not divisible into ${group} groups`);
  const win = resolveWindow(ctx, h, w, [kh, kw], s.oneD);
  const geo: ConvGeometry = { strides: win.strides, dilations: win.dilations, pads: win.pads };
  if (geo.strides.some((x) => x > 1) && geo.dilations.some((x) => x > 1)) {
    throw ctx.error('strides and dilations both above 1 are not supported by the tfjs backends');
  }
  const f = filters(ctx, group, c);
  let y: tf.Tensor4D;
  if (f.depthwise) y = depthwiseFast(s.x, f.list[0]!, geo);
  else if (group === 1) y = conv2dFast(s.x, f.list[0]!, geo);
  else {
    const parts = f.list.map((fg, g) =>
      conv2dFast(tf.slice(s.x, [0, 0, 0, g * cg], [-1, -1, -1, cg]), fg, geo),
    );
    y = tf.concat(parts, 3);
  }
  if (ctx.has(2)) y = tf.add(y, ctx.tensor(2));
  return [spatialOutput(s, y)];
};

const convTranspose: OpImpl = (ctx) => {
  const s = spatialInput(ctx, 0);
  const [n, h, w] = s.x.shape;
  if (ctx.int('group', 1) !== 1) throw ctx.error('grouped ConvTranspose is not supported');
  const w4 = weight4(ctx); // [C_in, C_out, kh, kw]
  const [, cout, kh, kw] = w4.shape;
  const lift = (v: number[] | undefined, fill: number, len: number): number[] =>
    v ? (s.oneD ? [fill, v[0]!] : v) : new Array<number>(len).fill(fill);
  const [sh, sw] = lift(ctx.intsAttr('strides'), 1, 2) as [number, number];
  const [dh, dw] = lift(ctx.intsAttr('dilations'), 1, 2) as [number, number];
  const rawPads = ctx.intsAttr('pads') ?? [0, 0, 0, 0];
  const [pt, pl, pb, pr] = s.oneD ? [0, rawPads[0]!, 0, rawPads[1]!] : rawPads;
  const [oph, opw] = lift(ctx.intsAttr('output_padding'), 0, 2);
  if (ctx.intsAttr('output_shape') || ctx.string('auto_pad', 'NOTSET') !== 'NOTSET') {
    throw ctx.error('ConvTranspose with output_shape or auto_pad is not supported');
  }
  const outH = (h - 1) * sh - pt! - pb! + (kh - 1) * dh + 1 + oph!;
  const outW = (w - 1) * sw - pl! - pr! + (kw - 1) * dw + 1 + opw!;
  if (dh !== 1 || dw !== 1) throw ctx.error('dilated ConvTranspose is not supported');
  // conv2dTranspose's filter is [kh, kw, outChannels, inChannels]; output_padding adds rows no window reaches.
  const filter = tf.transpose(w4, [2, 3, 1, 0]) as tf.Tensor4D;
  const fullShape: [number, number, number, number] = [n, (h - 1) * sh + kh, (w - 1) * sw + kw, cout];
  let full = tf.conv2dTranspose(s.x, filter, fullShape, [sh, sw], 'valid');
  if (oph! > 0 || opw! > 0)
    full = tf.pad(full, [
      [0, 0],
      [0, oph!],
      [0, opw!],
      [0, 0],
    ]);
  let y = tf.slice(full, [0, pt!, pl!, 0], [n, outH, outW, cout]) as tf.Tensor4D;
  if (ctx.has(2)) y = tf.add(y, ctx.tensor(2));
  return [spatialOutput(s, y)];
};

/** Conv-family op implementations. */
export const convOps: Record<string, OpImpl> = { Conv: conv, ConvTranspose: convTranspose };
