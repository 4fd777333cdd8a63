import { ensureValue } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { analyze, AnalyzeOptionsError } from './analyze.js';
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

describe('analyze: inputs, re-runs and what the file says', () => {
  it('re-runs with other input shapes, and back', () => {
    const g = lenet();
    const model = g.model();
    const four = analyze(model, { inputShapes: { x: [4, 1, 32, 32] } });
    expect(g.v('y').shape).toEqual([4, 10]);
    expect(four.totals.macs).toBe(4 * 416520);
    const again = analyze(model);
    expect(g.v('x').shape).toEqual([1, 1, 32, 32]);
    expect(g.v('y').shape).toEqual([1, 10]);
    expect(again.totals.macs).toBe(416520);
  });

  it('keeps symbolic input dims, which count as 1 for costs unless `symbols` says otherwise', () => {
    const g = lenet();
    const model = g.model();
    const one = analyze(model, { inputShapes: { x: ['N', 1, 32, 32] } });
    expect(g.v('y').shape).toEqual(['N', 10]);
    expect(one.totals.macs).toBe(416520);
    const eight = analyze(model, { inputShapes: { x: ['N', 1, 32, 32] }, symbols: { N: 8 } });
    expect(eight.totals.macs).toBe(8 * 416520);
    expect(eight.nodeCosts.get(g.graph.nodes[0]!)?.activationBytes).toBe(8 * 6 * 28 * 28 * 4);
  });

  it('rejects malformed inputShapes with a typed error, warns about unknown input names', () => {
    const model = lenet().model();
    expect(() => analyze(model, { inputShapes: { x: [1, -1, 32, 32] } })).toThrow(AnalyzeOptionsError);
    expect(() => analyze(model, { inputShapes: { x: [1.5] } })).toThrow(
      /inputShapes\['x'\] has an invalid dim 1.5/,
    );
    expect(analyze(model, { inputShapes: { nope: [1] } }).warnings).toContain(
      "inputShapes: the main graph has no input 'nope'",
    );
  });

  it('keeps a concrete shape from the file, warning when inference disagrees', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', [2, 3]);
    const y = ensureValue(g.graph, 'y', 'float32', [2, 4]);
    g.node('Relu', ['x'], ['y']);
    g.output('y');
    const r = analyze(g.model());
    expect(y.shape).toEqual([2, 4]);
    expect(y.shapeSource).toBe('file');
    expect(r.warnings.join()).toMatch(/file says dim 1 = 4, inferred 3/);
  });

  it('fills unknown and exporter-invented symbolic dims of file shapes', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', [2, 3]);
    const y = ensureValue(g.graph, 'y', 'float32', [null, 'Reluy_dim_1']);
    g.node('Relu', ['x'], ['y']);
    g.output('y');
    analyze(g.model());
    expect(y.shape).toEqual([2, 3]);
    expect(y.shapeSource).toBe('inferred');
  });
});

describe('analyze: bad or unusual graphs never throw', () => {
  it('records unknown ops as unresolved, with one warning per op type', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', [2, 3]);
    g.node('FancyOp', ['x'], ['a'], {}, 'f1');
    g.node('FancyOp', ['a'], ['b'], {}, 'f2');
    g.node('Relu', ['b'], ['c']);
    g.output('c');
    const r = analyze(g.model());
    expect(r.unresolved.map((n) => n.name)).toEqual(['f1', 'f2', 'Relu_2']);
    expect(r.warnings).toEqual(["no shape rule for op 'FancyOp' (2 nodes): outputs left unknown"]);
  });

  it('infers nodes listed out of order', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', [2, 3]);
    g.node('Relu', ['a'], ['b']);
    g.node('Transpose', ['x'], ['a']);
    g.output('b');
    analyze(g.model());
    expect(g.v('b').shape).toEqual([3, 2]);
  });

  it('terminates on a cycle', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', [2]);
    g.node('Add', ['x', 'b'], ['a']);
    g.node('Relu', ['a'], ['b']);
    g.output('b');
    const r = analyze(g.model());
    expect(r.unresolved.length).toBeGreaterThan(0);
  });

  it('reports a wrongly typed attribute with node and attribute names', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', [2, 3]);
    g.node('Transpose', ['x'], ['y'], { perm: 'no' }, 'tp');
    const r = analyze(g.model());
    expect(r.warnings).toEqual(["Transpose node 'tp': attribute 'perm' is string, expected ints"]);
  });

  it('infers a call of a model-local function through its body', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', [2, 3]);
    g.node('MyBlock', ['x'], ['y'], {}, 'call');
    g.node('Relu', ['y'], ['z']);
    g.output('z');
    const body = new GraphSpec('MyBlock');
    body.input('a', 'float32', null);
    body.node('Transpose', ['a'], ['b']);
    body.output('b');
    const model = g.model();
    model.functions.push({
      name: 'MyBlock',
      domain: '',
      inputs: ['a'],
      outputs: ['b'],
      attributes: [],
      opsetImports: [],
      body: body.graph,
    });
    const r = analyze(model);
    expect(g.v('z').shape).toEqual([3, 2]);
    expect(r.unresolved).toEqual([]);
  });

  it('stops at a model-local function that calls itself', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', [2, 3]);
    g.node('Loopy', ['x'], ['y'], {}, 'call');
    const body = new GraphSpec('Loopy');
    body.input('a', 'float32', null);
    body.node('Loopy', ['a'], ['b'], {}, 'inner');
    body.output('b');
    const model = g.model();
    model.functions.push({
      name: 'Loopy',
      domain: '',
      inputs: ['a'],
      outputs: ['b'],
      attributes: [],
      opsetImports: [],
      body: body.graph,
    });
    const r = analyze(model);
    expect(r.warnings).toContain("Loopy node 'inner': function 'Loopy' calls itself");
    expect(g.v('y').shape).toBeNull();
  });
});
