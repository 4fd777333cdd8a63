/** Gemm, MatMul (numpy semantics incl. 1-D and batched) and MatMulInteger: shapes and MACs = out_elems × K. */
import type { Dim, DType, Node, Shape } from '@nnlens/ir';
import { attrInt, attrString } from '../attrs.js';
import { dimDivExact, dimProduct } from '../dims.js';
import { broadcastShapes } from '../broadcast.js';
import { RuleError } from '../errors.js';
import type { CostContext, InferContext, OpRule } from '../rule.js';
import { product } from './util.js';

function checkK(a: Dim, b: Dim): void {
  if (typeof a === 'number' && typeof b === 'number' && a !== b) {
    throw new RuleError(`inner dimensions differ: ${a} vs ${b}`);
  }
}

/** Output shape of numpy matmul. */
export function matmulShape(a: Shape, b: Shape): Shape {
  if (a === null || b === null) return null;
  if (a.length === 0 || b.length === 0) throw new RuleError('MatMul operands must have rank ≥ 1');
  const a2 = a.length === 1 ? [1, a[0] ?? null] : a;
  const b2 = b.length === 1 ? [b[0] ?? null, 1] : b;
  checkK(a2[a2.length - 1] ?? null, b2[b2.length - 2] ?? null);
  const batch = broadcastShapes([a2.slice(0, -2), b2.slice(0, -2)]) as Dim[];
  const out: Dim[] = [...batch];
  if (a.length > 1) out.push(a2[a2.length - 2] ?? null);
  if (b.length > 1) out.push(b2[b2.length - 1] ?? null);
  return out;
}

/**
 * Operands as numpy matmul sees them. TFLite FULLY_CONNECTED (kernel_layout 'OI') stores B as [out, in]
 * and, without keep_num_dims, first flattens A to [-1, in].
 */
function operands(node: Node, a: Shape, b: Shape): [Shape, Shape] {
  if (attrString(node, 'kernel_layout', '') !== 'OI' || b === null || b.length !== 2) return [a, b];
  const bt: Dim[] = [b[1] ?? null, b[0] ?? null];
  if (a === null || attrInt(node, 'keep_num_dims', 1) !== 0 || a.length === 2) return [a, bt];
  const k = bt[0] ?? null;
  return [[typeof k === 'number' && k > 0 ? dimDivExact(dimProduct(a), k) : null, k], bt];
}

/** `bAt`: input index of the second operand (3 in QLinearMatMul). */
function matmul(dtype?: (ctx: InferContext) => DType, bAt = 1): OpRule {
  return {
    infer(ctx: InferContext) {
      const [a, b] = operands(ctx.node, ctx.shape(0), ctx.shape(bAt));
      ctx.output(0, dtype ? dtype(ctx) : ctx.dtype(0), matmulShape(a, b));
    },
    // out_elems × K, the shared axis (taken from B when A was flattened to fit it).
    macs(c: CostContext) {
      const out = c.outShape(0);
      const [a, b] = operands(c.node, c.inShape(0), c.inShape(bAt));
      if (!out || !a) return null;
      const k = b && b.length >= 2 ? b[b.length - 2] : a[a.length - 1];
      return product(out) * (typeof k === 'number' ? k : 1);
    },
  };
}

const gemm: OpRule = {
  infer(ctx) {
    const a = ctx.shape(0);
    const b = ctx.shape(1);
    const ta = attrInt(ctx.node, 'transA', 0) !== 0;
    const tb = attrInt(ctx.node, 'transB', 0) !== 0;
    if (a && a.length !== 2) throw new RuleError(`A has rank ${a.length}, Gemm needs 2`);
    if (b && b.length !== 2) throw new RuleError(`B has rank ${b.length}, Gemm needs 2`);
    if (a && b) checkK(a[ta ? 0 : 1] ?? null, b[tb ? 1 : 0] ?? null);
    const m = a ? (a[ta ? 1 : 0] ?? null) : null;
    const n = b ? (b[tb ? 0 : 1] ?? null) : null;
    ctx.output(0, ctx.dtype(0), [m, n]);
  },
  macs(c) {
    const out = c.outShape(0);
    const a = c.inShape(0);
    if (!out || !a || a.length !== 2) return null;
    const ta = attrInt(c.node, 'transA', 0) !== 0;
    return product(out) * (a[ta ? 0 : 1] as number);
  },
};

/** Rules of the matrix-product family. */
export const matmulRules: Record<string, OpRule> = {
  Gemm: gemm,
  MatMul: matmul(),
  MatMulInteger: matmul(() => 'int32'),
  // Inputs: a, a_scale, a_zero_point, b, b_scale, b_zero_point, y_scale, y_zero_point.
  QLinearMatMul: matmul((ctx) => (ctx.has(7) ? ctx.dtype(7) : 'uint8'), 3),
};
