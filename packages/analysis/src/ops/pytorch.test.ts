// Rules of the pytorch domain: Linear on inputs of any rank, adaptive pools, weights-only module nodes.
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { oneOp, type InputSpec } from '../test-helpers.js';

function pytorch(op: string, inputs: InputSpec[], attrs: Parameters<typeof oneOp>[2] = {}, outputs = 1) {
  const t = oneOp(op, inputs, attrs, { outputs });
  t.node.domain = 'pytorch';
  const r = analyze(t.model);
  return { shapes: t.outs.map((v) => v.shape), r, node: t.node };
}

describe('pytorch rules', () => {
  it('Linear: [..., in] → [..., out], MACs = out_elems × in_features', () => {
    const { shapes, r, node } = pytorch('Linear', [
      { shape: [2, 197, 768] },
      { shape: [3072, 768] },
      { shape: [3072] },
    ]);
    expect(shapes).toEqual([[2, 197, 3072]]);
    expect(r.nodeCosts.get(node)!.macs).toBe(2 * 197 * 3072 * 768);
    expect(pytorch('Linear', [{ shape: ['B', 400] }, { shape: [120, 400] }]).shapes).toEqual([['B', 120]]);
    expect(pytorch('Linear', [{ shape: [1, 300] }, { shape: [120, 400] }]).r.warnings.join()).toMatch(
      /300 features, the weight 400/,
    );
  });

  it('AdaptiveAvgPool to a fixed size; Flatten of an axis range; Module nodes are silent', () => {
    expect(
      pytorch('AdaptiveAvgPool', [{ shape: ['N', 512, 14, 14] }], { output_size: [7, 7] }).shapes,
    ).toEqual([['N', 512, 7, 7]]);
    expect(pytorch('Flatten', [{ shape: [2, 3, 4, 5] }], { axis: 0, end_axis: 1 }).shapes).toEqual([
      [6, 4, 5],
    ]);
    const m = pytorch('Module', [{ shape: [3, 3] }], {}, 0);
    expect(m.r.warnings).toEqual([]);
  });
});
