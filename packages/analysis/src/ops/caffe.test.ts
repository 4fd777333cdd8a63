// Rules of the caffe domain, including symbolic dims (the importer's own shape pass only sees numbers).
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { oneOp, type InputSpec } from '../test-helpers.js';

function caffe(op: string, inputs: InputSpec[], attrs: Parameters<typeof oneOp>[2] = {}, outputs = 1) {
  const t = oneOp(op, inputs, attrs, { outputs });
  t.node.domain = 'caffe';
  const r = analyze(t.model);
  return { shapes: t.outs.map((v) => v.shape), r, node: t.node };
}

describe('caffe rules', () => {
  it('Scale, Bias, Power, Normalize keep the shape and cost no MACs', () => {
    for (const op of ['Scale', 'Bias', 'Power', 'Normalize', 'Threshold', 'Eltwise']) {
      const { shapes, r, node } = caffe(op, [{ shape: ['N', 8, 4, 4] }]);
      expect(shapes, op).toEqual([['N', 8, 4, 4]]);
      expect(r.nodeCosts.get(node)!.macs).toBe(0);
    }
  });

  it('Crop takes the reference size from axis on', () => {
    expect(
      caffe('Crop', [{ shape: ['N', 21, 44, 44] }, { shape: [1, 3, 32, 32] }], { axis: 2 }).shapes,
    ).toEqual([['N', 21, 32, 32]]);
  });

  it('Slice at slice points; Flatten of an axis range; Reshape with 0/-1 and axis/num_axes', () => {
    expect(caffe('Slice', [{ shape: ['N', 10, 4] }], { axis: 1, slice_point: [3, 8] }, 3).shapes).toEqual([
      ['N', 3, 4],
      ['N', 5, 4],
      ['N', 2, 4],
    ]);
    expect(caffe('Flatten', [{ shape: ['N', 3, 4, 5] }], { axis: 1, end_axis: 2 }).shapes).toEqual([
      ['N', 12, 5],
    ]);
    expect(
      caffe('Reshape', [{ shape: [2, 3, 4, 5] }], { shape: [0, -1], axis: 1, num_axes: 2 }).shapes,
    ).toEqual([[2, 3, 4, 5]]);
    expect(
      caffe('Reshape', [{ shape: [2, 3, 4, 5] }], { shape: [-1], axis: 2, num_axes: -1 }).shapes,
    ).toEqual([[2, 3, 20]]);
  });

  it('PriorBox [1, 2, H·W·priors·4], symbolic sizes too; DetectionOutput [1, 1, detections, 7]', () => {
    expect(caffe('PriorBox', [{ shape: [1, 512, 38, 38] }], { num_priors: 4 }).shapes).toEqual([
      [1, 2, 23104],
    ]);
    expect(caffe('PriorBox', [{ shape: [1, 512, 'H', 38] }], { num_priors: 4 }).shapes[0]![2]).toBe('608*H');
    expect(caffe('DetectionOutput', [{ shape: [1, 100, 4] }]).shapes).toEqual([[1, 1, 'detections', 7]]);
    expect(caffe('Proposal', [{ shape: [1, 18, 14, 14] }], { post_nms_top_n: 300 }, 2).shapes).toEqual([
      [300, 5],
      [300, 1],
    ]);
  });

  it('LSTM [T, N, H] with 4H(I+H) MACs per step and sample; losses are scalars', () => {
    const { shapes, r, node } = caffe('LSTM', [{ shape: [320, 2, 3] }], { num_output: 15 });
    expect(shapes).toEqual([[320, 2, 15]]);
    expect(r.nodeCosts.get(node)!.macs).toBe(320 * 2 * 60 * 18);
    expect(caffe('SoftmaxWithLoss', [{ shape: [1, 10] }, { shape: [1] }]).shapes).toEqual([[]]);
  });
});
