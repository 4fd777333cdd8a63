/** Layers that move data around: Concat, Eltwise, Slice, Flatten, Reshape, Crop, Permute. */
import type { BlobShape, LayerContext, Mapped } from '../layer-context.js';
import { attr, axisOf, single } from '../layer-context.js';

const product = (xs: number[]): number => xs.reduce((a, b) => a * b, 1);

/** Concat along `axis` (or the old `concat_dim`). */
export function concat(ctx: LayerContext): Mapped {
  const p = ctx.param('concat_param');
  const raw = p.has('axis') ? p.num('axis', 1) : p.num('concat_dim', 1);
  const first = ctx.shapes[0];
  const axis = first ? axisOf(ctx, raw, first.length) : raw;
  let out: BlobShape = null;
  if (ctx.shapes.length > 0 && ctx.shapes.every((s) => s !== null)) {
    const shapes = ctx.shapes as number[][];
    out = first!.slice();
    out[axis] = 0;
    for (const s of shapes) {
      const agree = s.length === first!.length && s.every((d, i) => i === axis || d === first![i]);
      if (!agree) {
        ctx.warn(`inputs [${shapes.map((x) => x.join('x')).join('], [')}] do not agree off axis ${axis}`);
        out = null;
        break;
      }
      out[axis]! += s[axis]!;
    }
  }
  return single(ctx, 'Concat', [out], [attr.int('axis', axis)]);
}

/** Eltwise: SUM → Add/Sum (coefficients kept as `coeff`), PROD → Mul, MAX → Max. */
export function eltwise(ctx: LayerContext): Mapped {
  const p = ctx.param('eltwise_param');
  const op = p.str('operation', 'SUM');
  const coeff = p.nums('coeff');
  const shape = [ctx.shapes[0] ?? null];
  const n = ctx.inputs.length;
  if (coeff.length > 0 && coeff.length !== n) ctx.fail(`${coeff.length} coefficients for ${n} bottoms`);
  if (op === 'SUM') {
    const plain = coeff.every((c) => c === 1);
    if (n === 2 && plain) return single(ctx, 'Add', shape);
    return single(ctx, 'Sum', shape, plain ? [] : [attr.floats('coeff', coeff)]);
  }
  if (op === 'PROD')
    return n === 2
      ? single(ctx, 'Mul', shape)
      : single(ctx, 'Eltwise', shape, [attr.string('operation', op)], [], 'caffe');
  if (op === 'MAX') return single(ctx, 'Max', shape);
  return ctx.fail(`unknown Eltwise operation '${op}'`);
}

/** Slice: equal parts (ONNX Split) or at `slice_point`s (a Caffe op). */
export function slice(ctx: LayerContext): Mapped {
  const p = ctx.param('slice_param');
  const raw = p.has('axis') ? p.num('axis', 1) : p.num('slice_dim', 1);
  const x = ctx.shapes[0];
  const axis = x ? axisOf(ctx, raw, x.length) : raw;
  const points = p.nums('slice_point');
  const tops = ctx.layer.tops.length;
  if (points.length > 0 && points.length !== tops - 1)
    ctx.fail(`${points.length} slice points for ${tops} tops`);
  let shapes: BlobShape[] = ctx.layer.tops.map(() => null);
  if (x) {
    const total = x[axis]!;
    const bounds =
      points.length > 0
        ? [0, ...points, total]
        : ctx.layer.tops.map((_, i) => (i * total) / tops).concat(total);
    const sizes = bounds.slice(1).map((b, i) => b - bounds[i]!);
    if (sizes.some((s) => !(s > 0 && Number.isInteger(s))))
      ctx.warn(`cannot slice ${total} into parts at [${points.join(',')}]`);
    else shapes = sizes.map((s) => x.map((d, i) => (i === axis ? s : d)));
  }
  if (points.length === 0)
    return single(ctx, 'Split', shapes, [attr.int('axis', axis), attr.int('num_outputs', tops)]);
  return single(
    ctx,
    'Slice',
    shapes,
    [attr.int('axis', axis), attr.ints('slice_point', points)],
    [],
    'caffe',
  );
}

/** Flatten: axes [axis, end_axis] into one. ONNX Flatten only when that means the same (axis 1 to the end). */
export function flatten(ctx: LayerContext): Mapped {
  const p = ctx.param('flatten_param');
  const x = ctx.shapes[0];
  const a = p.num('axis', 1);
  const e = p.num('end_axis', -1);
  let out: BlobShape = null;
  if (x) {
    const axis = axisOf(ctx, a, x.length);
    const end = axisOf(ctx, e, x.length);
    if (end < axis) ctx.fail(`end_axis ${e} comes before axis ${a}`);
    out = [...x.slice(0, axis), product(x.slice(axis, end + 1)), ...x.slice(end + 1)];
  }
  if (a === 1 && e === -1) return single(ctx, 'Flatten', [out], [attr.int('axis', 1)]);
  return single(ctx, 'Flatten', [out], [attr.int('axis', a), attr.int('end_axis', e)], [], 'caffe');
}

/** Caffe's reshape: 0 copies the input dim, -1 takes the rest, over input axes [axis, axis+num_axes). */
function reshaped(
  ctx: LayerContext,
  x: number[],
  dims: number[],
  axisRaw: number,
  numAxes: number,
): BlobShape {
  const axis = axisRaw < 0 ? axisRaw + x.length + 1 : axisRaw;
  if (axis < 0 || axis > x.length) ctx.fail(`axis ${axisRaw} is out of range`);
  const end = numAxes === -1 ? x.length : axis + numAxes;
  if (numAxes < -1 || end > x.length) ctx.fail(`num_axes ${numAxes} is out of range`);
  const mid = dims.map((d, i) => (d === 0 ? (x[axis + i] ?? NaN) : d));
  const out = [...x.slice(0, axis), ...mid, ...x.slice(end)];
  const inferred = out.indexOf(-1);
  if (out.indexOf(-1, inferred + 1) >= 0) ctx.fail(`more than one -1 in the reshape`);
  if (inferred >= 0) {
    const known = product(out.filter((_, i) => i !== inferred));
    const total = product(x);
    if (known === 0 || total % known !== 0) {
      ctx.warn(`cannot reshape [${x.join(',')}] to [${dims.join(',')}]`);
      return null;
    }
    out[inferred] = total / known;
  }
  if (out.some((d) => !Number.isInteger(d)) || product(out) !== product(x)) {
    ctx.warn(`cannot reshape [${x.join(',')}] to [${dims.join(',')}]`);
    return null;
  }
  return out;
}

/** Reshape: ONNX Reshape with a constant target for the plain case, a Caffe op with axis/num_axes otherwise. */
export function reshape(ctx: LayerContext): Mapped {
  const p = ctx.param('reshape_param');
  const dims = (p.sub('shape')?.all('dim') ?? []).map((f) => {
    const d = typeof f.value === 'number' ? f.value : NaN;
    if (!Number.isInteger(d) || d < -1 || d > 2 ** 31 - 1)
      ctx.fail(`reshape dim ${String(f.value)} is not valid`, f.where);
    return d;
  });
  const axis = p.num('axis', 0);
  const numAxes = p.num('num_axes', -1);
  const x = ctx.shapes[0];
  const out = x ? reshaped(ctx, x, dims, axis, numAxes) : null;
  if (axis === 0 && numAxes === -1) return single(ctx, 'Reshape', [out], [], [ctx.constInts('shape', dims)]);
  const attrs = [attr.ints('shape', dims), attr.int('axis', axis), attr.int('num_axes', numAxes)];
  return single(ctx, 'Reshape', [out], attrs, [], 'caffe');
}

/** Crop: the first bottom cut to the second's size from `axis` on, at `offset`s. */
export function crop(ctx: LayerContext): Mapped {
  const p = ctx.param('crop_param');
  const x = ctx.shapes[0];
  const ref = ctx.shapes[1];
  const raw = p.num('axis', 2);
  let out: BlobShape = null;
  if (x && ref) {
    const axis = axisOf(ctx, raw, x.length);
    out = [...x.slice(0, axis), ...ref.slice(axis)];
    const offsets = p.nums('offset');
    const tooBig = out.some(
      (d, i) => i >= axis && d + (offsets[offsets.length === 1 ? 0 : i - axis] ?? 0) > x[i]!,
    );
    if (tooBig) ctx.warn(`crops [${x.join(',')}] to the larger [${out.join(',')}] (Caffe would refuse)`);
  }
  const attrs = [attr.int('axis', raw), attr.ints('offset', p.nums('offset'))];
  return single(ctx, 'Crop', [out], attrs, [], 'caffe');
}

/** Permute (SSD) → Transpose; axes the order leaves out keep their relative order at the end. */
export function permute(ctx: LayerContext): Mapped {
  const order = ctx.param('permute_param').nums('order');
  const x = ctx.shapes[0];
  const rank = x ? x.length : order.length;
  const perm = [...order];
  for (let i = 0; i < rank; i++) if (!perm.includes(i)) perm.push(i);
  if (
    perm.length !== rank ||
    perm.some((a) => !Number.isInteger(a) || a < 0 || a >= rank) ||
    new Set(perm).size !== rank
  ) {
    ctx.fail(`order [${order.join(',')}] is not a permutation of ${rank} axes`);
  }
  return single(ctx, 'Transpose', [x ? perm.map((a) => x[a]!) : null], [attr.ints('perm', perm)]);
}
