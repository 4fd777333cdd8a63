import { describe, expect, it } from 'vitest';
import { constantTensor, isWeightPlumbing } from './weights.js';
import { tinyModel } from './test-model.js';

describe('weight plumbing', () => {
  it('hides a Constant that feeds a node, not the data path', () => {
    const g = tinyModel().graph;
    expect(g.nodes.map((n) => isWeightPlumbing(n))).toEqual([false, false, true, false]);
  });
  it('finds the tensor behind an initializer or a Constant', () => {
    const g = tinyModel().graph;
    expect(constantTensor(g.values.get('block/conv.weight')!)?.shape).toEqual([8, 3, 3, 3]);
    expect(constantTensor(g.values.get('shape')!)?.dtype).toBe('int64');
    expect(constantTensor(g.values.get('r')!)).toBeNull();
  });
});
