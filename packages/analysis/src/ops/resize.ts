/** Pad (attribute or input pads, opset 18 axes), Resize (scales or sizes, axes) and Upsample. */
import type { Dim, Shape } from '@nnlens/ir';
import { attrFloat, attrFloats, attrInts } from '../attrs.js';
import { dimAdd } from '../dims.js';
import { RuleError } from '../errors.js';
import type { InferContext, OpRule } from '../rule.js';
import { normAxis } from './util.js';

const pad: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    if (x === null) return ctx.output(0, ctx.dtype(0), null);
    // Opset 1: 'paddings'; opsets 2-10: 'pads' attribute; 11+: input 1, with optional axes at input 3 (opset 18).
    const pads = attrInts(ctx.node, 'pads') ?? attrInts(ctx.node, 'paddings') ?? ctx.ints(1);
    if (!pads)
      return ctx.output(
        0,
        ctx.dtype(0),
        x.map(() => null),
      );
    const axes = ctx.has(3) ? ctx.ints(3)?.map((a) => normAxis(a, x.length)) : x.map((_, i) => i);
    if (!axes)
      return ctx.output(
        0,
        ctx.dtype(0),
        x.map(() => null),
      );
    if (pads.length !== 2 * axes.length)
      throw new RuleError(`pads has ${pads.length} entries for ${axes.length} axes`);
    const out = x.slice();
    axes.forEach((ax, i) => {
      out[ax] = dimAdd(dimAdd(x[ax] ?? null, pads[i] as number), pads[i + axes.length] as number);
    });
    ctx.output(0, ctx.dtype(0), out);
  },
};

function scaled(x: Dim[], scales: readonly number[], axes: number[]): Shape {
  if (scales.length !== axes.length) throw new RuleError(`${scales.length} scales for ${axes.length} axes`);
  const out = x.slice();
  axes.forEach((ax, i) => {
    const d = x[ax] ?? null;
    const s = scales[i] as number;
    if (!(s > 0)) throw new RuleError(`scale ${s} is not positive`);
    out[ax] = s === 1 ? d : typeof d === 'number' ? Math.floor(d * s) : null;
  });
  return out;
}

function present(ctx: InferContext, i: number): boolean {
  if (!ctx.has(i)) return false;
  // Exporters pass an empty tensor for the unused one of scales/sizes.
  const s = ctx.shape(i);
  return !(s !== null && s.length === 1 && s[0] === 0);
}

const resize: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    if (x === null) return ctx.output(0, ctx.dtype(0), null);
    const axes = (attrInts(ctx.node, 'axes') ?? x.map((_, i) => i)).map((a) => normAxis(a, x.length));
    const unknown = x.map((d, i) => (axes.includes(i) ? null : d));
    // Opset 10: (X, scales); opset 11+: (X, roi, scales, sizes).
    const scalesAt = ctx.opset < 11 && ctx.inputCount === 2 ? 1 : 2;
    if (present(ctx, 3)) {
      const sizes = ctx.ints(3);
      if (!sizes) return ctx.output(0, ctx.dtype(0), unknown);
      if (sizes.length !== axes.length) throw new RuleError(`${sizes.length} sizes for ${axes.length} axes`);
      const out = x.slice();
      axes.forEach((ax, i) => (out[ax] = sizes[i] as number));
      return ctx.output(0, ctx.dtype(0), out);
    }
    const scales = ctx.folded(scalesAt)?.data;
    if (!scales || !scales.every((s) => typeof s === 'number')) return ctx.output(0, ctx.dtype(0), unknown);
    ctx.output(0, ctx.dtype(0), scaled(x, scales as number[], axes));
  },
};

const upsample: OpRule = {
  infer(ctx) {
    const x = ctx.shape(0);
    if (x === null) return ctx.output(0, ctx.dtype(0), null);
    // Opset 1: height_scale/width_scale on NCHW; opsets 7-8: 'scales' attribute; opset 9: input 1.
    const hw = [attrFloat(ctx.node, 'height_scale'), attrFloat(ctx.node, 'width_scale')];
    const old =
      hw[0] !== undefined && hw[1] !== undefined && x.length === 4 ? [1, 1, hw[0], hw[1]] : undefined;
    const scales = attrFloats(ctx.node, 'scales') ?? old ?? (ctx.folded(1)?.data as number[] | undefined);
    if (!scales || !scales.every((s) => typeof s === 'number'))
      return ctx.output(
        0,
        ctx.dtype(0),
        x.map(() => null),
      );
    ctx.output(
      0,
      ctx.dtype(0),
      scaled(
        x,
        scales,
        x.map((_, i) => i),
      ),
    );
  },
};

/** Rules of padding and resizing. */
export const resizeRules: Record<string, OpRule> = {
  Pad: pad,
  Resize: resize,
  Upsample: upsample,
};
