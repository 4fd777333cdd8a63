import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import { GraphSpec } from './test-helpers.js';

describe('costs', () => {
  it('attributes a weight shared through Identity nodes to every reader, flags it, counts it once in totals', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', [1, 8, 16]);
    g.init('W', 'float32', [16, 16]);
    g.node('Identity', ['W'], ['W1']);
    g.node('Identity', ['W'], ['W2']);
    g.node('MatMul', ['x', 'W1'], ['h'], {}, 'layer1');
    g.node('MatMul', ['h', 'W2'], ['y'], {}, 'layer2');
    g.output('y');
    const r = analyze(g.model());
    const [, , l1, l2] = g.graph.nodes;
    for (const n of [l1!, l2!]) {
      expect(r.nodeCosts.get(n)).toMatchObject({
        params: 256,
        sharedParams: 256,
        weightBytes: 1024,
        macs: 8 * 16 * 16,
      });
    }
    expect(r.nodeCosts.get(g.graph.nodes[0]!)?.params).toBe(0);
    expect(r.totals.params).toBe(256);
    expect(r.totals.weightBytes).toBe(1024);
  });

  it('does not flag a weight read by one node', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', [1, 4]);
    g.init('W', 'float32', [3, 4]);
    g.init('b', 'float32', [3]);
    g.node('Gemm', ['x', 'W', 'b'], ['y'], { transB: 1 });
    const r = analyze(g.model());
    expect(r.nodeCosts.get(g.graph.nodes[0]!)).toEqual({
      params: 15,
      sharedParams: 0,
      macs: 12,
      weightBytes: 60,
      activationBytes: 12,
    });
  });

  it('counts BatchNormalization mean/var as buffers, all its initializers as params', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', [1, 8, 4, 4]);
    for (const n of ['scale', 'bias', 'mean', 'var']) g.init(n, 'float32', [8]);
    g.node('BatchNormalization', ['x', 'scale', 'bias', 'mean', 'var'], ['y']);
    const r = analyze(g.model());
    expect(r.totals.bufferParams).toBe(16);
    expect(r.totals.params).toBe(32);
  });

  it('counts int64 initializers in weightBytes but not in params; activations once per value', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', [2, 3, 4]);
    g.init('shape', 'int64', [2], [6, 4]);
    g.node('Reshape', ['x', 'shape'], ['y']);
    g.node('Relu', ['y'], ['z']);
    g.output('z');
    const r = analyze(g.model());
    expect(r.totals.params).toBe(0);
    expect(r.totals.weightBytes).toBe(16);
    expect(r.totals.activationBytes).toBe(2 * 24 * 4);
    expect(r.macsByOp).toEqual({});
  });
});
