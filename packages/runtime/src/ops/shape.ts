/** Shape manipulation: Shape, Size, Reshape, Flatten, (Un)Squeeze, Transpose, Expand, Tile, ConstantOfShape, Range, Constant. */
import * as tf from '@tensorflow/tfjs';
import { decodeTensor, type OpContext, type OpImpl } from '../op-context.js';
import { sizeOf } from '../host.js';
import { logicalShape, plain, TO_NCHW, type RValue } from '../rvalue.js';
import { broadcast } from './binary.js';

function host(data: number[], shape: number[] = [data.length]): RValue {
  return { kind: 'host', host: { dtype: 'int64', shape, data } };
}

const shapeOp: OpImpl = (ctx) => {
  const s = logicalShape(ctx.input(0));
  const norm = (i: number): number => Math.min(s.length, Math.max(0, i < 0 ? i + s.length : i));
  const dims = s.slice(norm(ctx.int('start', 0)), norm(ctx.int('end', s.length)));
  return [host(dims)];
};

/** ONNX Reshape targets: 0 copies the input dim (unless allowzero), -1 is inferred. */
export function reshapeTarget(input: number[], target: number[], allowZero: boolean): number[] {
  const out = target.map((d, i) => (d === 0 && !allowZero ? input[i]! : d));
  const known = out.reduce((a, d) => (d === -1 ? a : a * d), 1);
  const total = sizeOf(input);
  return out.map((d) => (d === -1 ? (known === 0 ? 0 : total / known) : d));
}

const reshape: OpImpl = (ctx) => {
  const x = ctx.tensor(0);
  const target = reshapeTarget(x.shape, ctx.ints(1), ctx.int('allowzero', 0) === 1);
  if (sizeOf(target) !== x.size) throw ctx.error(`cannot reshape [${x.shape}] to [${ctx.ints(1)}]`);
  return [plain(tf.reshape(x, target))];
};

const flatten: OpImpl = (ctx) => {
  const x = ctx.tensor(0);
  let axis = ctx.int('axis', 1);
  if (axis < 0) axis += x.rank;
  const rows = x.shape.slice(0, axis).reduce((a, b) => a * b, 1);
  return [plain(tf.reshape(x, [rows, x.size / Math.max(rows, 1)]))];
};

function axesOf(ctx: OpContext, since: number): number[] | undefined {
  return ctx.opset >= since ? (ctx.has(1) ? ctx.ints(1) : undefined) : ctx.intsAttr('axes');
}

const squeeze: OpImpl = (ctx) => {
  const x = ctx.tensor(0);
  const axes = axesOf(ctx, 13)?.map((a) => (a < 0 ? a + x.rank : a));
  return [plain(tf.squeeze(x, axes))];
};

const unsqueeze: OpImpl = (ctx) => {
  const x = ctx.tensor(0);
  const axes = axesOf(ctx, 13) ?? [];
  const rank = x.rank + axes.length;
  const norm = new Set(axes.map((a) => (a < 0 ? a + rank : a)));
  const shape: number[] = [];
  let j = 0;
  for (let i = 0; i < rank; i++) shape.push(norm.has(i) ? 1 : x.shape[j++]!);
  return [plain(tf.reshape(x, shape))];
};

const transpose: OpImpl = (ctx) => {
  const v = ctx.input(0);
  const rank = logicalShape(v).length;
  const perm = ctx.intsAttr('perm') ?? Array.from({ length: rank }, (_, i) => rank - 1 - i);
  // An NHWC-stored tensor is transposed from its storage in one step (often to NHWC itself: no copy work).
  if (v.kind === 'tensor' && v.nhwc)
    return [
      plain(
        tf.transpose(
          v.tensor,
          perm.map((p) => TO_NCHW[p]!),
        ),
      ),
    ];
  return [plain(tf.transpose(ctx.tensor(0), perm))];
};

const expand: OpImpl = (ctx) => {
  const x = ctx.tensor(0);
  return [plain(tf.broadcastTo(x, broadcast(x.shape, ctx.ints(1))))];
};

const tile: OpImpl = (ctx) => [plain(tf.tile(ctx.tensor(0), ctx.ints(1)))];

const constantOfShape: OpImpl = (ctx) => {
  const shape = ctx.ints(0);
  const t = ctx.tensorAttr('value');
  const value = t ? decodeTensor(t) : { dtype: 'float32' as const, shape: [1], data: [0] };
  const x = Number(value.data[0] ?? 0);
  const n = sizeOf(shape);
  if (value.dtype === 'float32') return [plain(tf.fill(shape, x, 'float32'))];
  return [{ kind: 'host', host: { dtype: value.dtype, shape, data: new Array<number>(n).fill(x) } }];
};

const range: OpImpl = (ctx) => {
  const [start, limit, delta] = [0, 1, 2].map((i) => Number(ctx.host(i).data[0]));
  const n = Math.max(Math.ceil((limit! - start!) / delta!), 0);
  const data = Array.from({ length: n }, (_, i) => start! + i * delta!);
  if (ctx.host(0).dtype === 'float32') return [plain(tf.tensor1d(data, 'float32'))];
  return [host(data)];
};

const constant: OpImpl = (ctx) => {
  const t = ctx.tensorAttr('value');
  if (t) return [{ kind: 'host', host: decodeTensor(t) }];
  const f = ctx.float('value_float', NaN);
  if (!Number.isNaN(f))
    return [{ kind: 'host', host: { dtype: 'float32', shape: [], data: Float32Array.of(f) } }];
  const floats = ctx.floatsAttr('value_floats');
  if (floats)
    return [
      { kind: 'host', host: { dtype: 'float32', shape: [floats.length], data: Float32Array.from(floats) } },
    ];
  const i = ctx.int('value_int', NaN);
  if (!Number.isNaN(i)) return [host([i], [])];
  const ints = ctx.intsAttr('value_ints');
  if (ints) return [host(ints)];
  throw ctx.error('Constant without a supported value attribute');
};

const size: OpImpl = (ctx) => [host([sizeOf(logicalShape(ctx.input(0)))], [])];

/** Shape op implementations. */
export const shapeOps: Record<string, OpImpl> = {
  Shape: shapeOp,
  Size: size,
  Reshape: reshape,
  Flatten: flatten,
  Squeeze: squeeze,
  Unsqueeze: unsqueeze,
  Transpose: transpose,
  Expand: expand,
  Tile: tile,
  ConstantOfShape: constantOfShape,
  Range: range,
  Constant: constant,
};
