import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import type { AttrInput } from '../test-helpers.js';
import { oneOp } from '../test-helpers.js';

function mm(
  op: string,
  a: (number | string)[],
  b: (number | string)[],
  attrs: Record<string, AttrInput> = {},
) {
  const t = oneOp(op, [{ shape: a }, { shape: b }], attrs);
  const r = analyze(t.model);
  return { shape: t.outs[0]?.shape, macs: r.nodeCosts.get(t.node)?.macs, r };
}

// numpy.matmul semantics, which ONNX MatMul follows.
describe('MatMul', () => {
  it.each([
    [[3, 4], [4, 5], [3, 5], 60],
    [[2, 3, 4], [4, 5], [2, 3, 5], 120],
    [[4], [4, 5], [5], 20],
    [[3, 4], [4], [3], 12],
    [[4], [4], [], 4],
    [[2, 1, 3, 4], [5, 4, 6], [2, 5, 3, 6], 2 * 5 * 3 * 6 * 4],
  ])('%j × %j → %j, %d MACs', (a, b, want, macs) => {
    const r = mm('MatMul', a, b);
    expect(r.shape).toEqual(want);
    expect(r.macs).toBe(macs);
  });

  it('counts attention QKᵀ and A·V as out_elems × K (ViT block: 197·197·768 each)', () => {
    expect(mm('MatMul', [12, 197, 64], [12, 64, 197]).macs).toBe(29805312);
    expect(mm('MatMul', [12, 197, 197], [12, 197, 64]).macs).toBe(29805312);
  });

  it('keeps symbolic batch dims', () => {
    expect(mm('MatMul', ['B', 'T', 64], [64, 32]).shape).toEqual(['B', 'T', 32]);
  });

  it('warns on mismatched inner dims', () => {
    const r = mm('MatMul', [3, 4], [5, 6]);
    expect(r.shape).toBeNull();
    expect(r.r.warnings.join()).toMatch(/inner dimensions differ: 4 vs 5/);
  });
});

describe('Gemm', () => {
  it('handles transA/transB and counts out_elems × K', () => {
    // AlexNet classifier.1: 9216 → 4096 (flops_params.md: 37,748,736 MACs).
    const r = mm('Gemm', [1, 9216], [4096, 9216], { transB: 1 });
    expect(r.shape).toEqual([1, 4096]);
    expect(r.macs).toBe(37748736);
    expect(mm('Gemm', [7, 3], [7, 5], { transA: 1 }).shape).toEqual([3, 5]);
    expect(mm('Gemm', [3, 7], [7, 5]).macs).toBe(105);
  });
});

describe('Einsum', () => {
  it('infers explicit, implicit and ellipsis equations', () => {
    const bmm = oneOp('Einsum', [{ shape: [2, 3, 4] }, { shape: [2, 4, 5] }], { equation: 'bij,bjk->bik' });
    const r = analyze(bmm.model);
    expect(bmm.outs[0]?.shape).toEqual([2, 3, 5]);
    expect(r.nodeCosts.get(bmm.node)?.macs).toBe(2 * 3 * 4 * 5);
    const implicit = oneOp('Einsum', [{ shape: [3, 4] }, { shape: [4, 5] }], { equation: 'ij,jk' });
    analyze(implicit.model);
    expect(implicit.outs[0]?.shape).toEqual([3, 5]);
    const ell = oneOp('Einsum', [{ shape: [2, 7, 3, 4] }], { equation: '...ij->...ji' });
    analyze(ell.model);
    expect(ell.outs[0]?.shape).toEqual([2, 7, 4, 3]);
  });
});
