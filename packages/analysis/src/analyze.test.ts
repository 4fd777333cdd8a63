import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import { GraphSpec } from './test-helpers.js';

// LeNet-5 as in the analyzer truth table (32x32 input, no padding); expected numbers from flops_params.md.
function lenet(): GraphSpec {
  const g = new GraphSpec();
  g.input('x', 'float32', [1, 1, 32, 32]);
  g.init('c1.w', 'float32', [6, 1, 5, 5]);
  g.init('c1.b', 'float32', [6]);
  g.init('c2.w', 'float32', [16, 6, 5, 5]);
  g.init('c2.b', 'float32', [16]);
  g.init('f1.w', 'float32', [120, 400]);
  g.init('f1.b', 'float32', [120]);
  g.init('f2.w', 'float32', [84, 120]);
  g.init('f2.b', 'float32', [84]);
  g.init('f3.w', 'float32', [10, 84]);
  g.init('f3.b', 'float32', [10]);
  g.node('Conv', ['x', 'c1.w', 'c1.b'], ['c1'], { kernel_shape: [5, 5] });
  g.node('Tanh', ['c1'], ['t1']);
  g.node('AveragePool', ['t1'], ['p1'], { kernel_shape: [2, 2], strides: [2, 2] });
  g.node('Conv', ['p1', 'c2.w', 'c2.b'], ['c2']);
  g.node('Tanh', ['c2'], ['t2']);
  g.node('AveragePool', ['t2'], ['p2'], { kernel_shape: [2, 2], strides: [2, 2] });
  g.node('Flatten', ['p2'], ['fl'], { axis: 1 });
  g.node('Gemm', ['fl', 'f1.w', 'f1.b'], ['g1'], { transB: 1 });
  g.node('Tanh', ['g1'], ['t3']);
  g.node('Gemm', ['t3', 'f2.w', 'f2.b'], ['g2'], { transB: 1 });
  g.node('Tanh', ['g2'], ['t4']);
  g.node('Gemm', ['t4', 'f3.w', 'f3.b'], ['y'], { transB: 1 });
  g.output('y');
  return g;
}

describe('analyze', () => {
  it('computes LeNet-5 shapes, params and MACs', () => {
    const g = lenet();
    const a = analyze(g.model());
    expect(g.v('c1').shape).toEqual([1, 6, 28, 28]);
    expect(g.v('p2').shape).toEqual([1, 16, 5, 5]);
    expect(g.v('fl').shape).toEqual([1, 400]);
    expect(g.v('y').shape).toEqual([1, 10]);
    expect(g.v('y').shapeSource).toBe('inferred');
    expect(a.totals.params).toBe(61706);
    expect(a.totals.macs).toBe(416520);
    expect(a.macsByOp).toEqual({ Conv: 357600, Gemm: 58920 });
    expect(a.unresolved).toEqual([]);
    const convs = g.graph.nodes.filter((n) => n.op === 'Conv' || n.op === 'Gemm');
    expect(convs.map((n) => a.nodeCosts.get(n)?.macs)).toEqual([117600, 240000, 48000, 10080, 840]);
    expect(convs.map((n) => a.nodeCosts.get(n)?.params)).toEqual([156, 2416, 48120, 10164, 850]);
  });
});
