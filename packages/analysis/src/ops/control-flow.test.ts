import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { GraphSpec } from '../test-helpers.js';

function branch(
  parent: GraphSpec,
  name: string,
  op: string,
  out: string,
  extra: Record<string, number[]> = {},
): GraphSpec {
  const b = new GraphSpec(name, parent);
  b.node(op, ['x'], [out], extra);
  b.output(out);
  return b;
}

describe('If', () => {
  function model(cond: boolean | null, elseOp = 'Relu') {
    const g = new GraphSpec();
    g.input('x', 'float32', [2, 3]);
    if (cond === null) g.input('c', 'bool', []);
    else g.init('c', 'bool', [], [cond ? 1 : 0]);
    const thenB = branch(g, 'then', 'Relu', 't');
    const elseB = elseOp === 'Relu' ? branch(g, 'else', 'Relu', 'e') : branch(g, 'else', 'Transpose', 'e');
    g.node('If', ['c'], ['y'], { then_branch: thenB.graph, else_branch: elseB.graph });
    g.output('y');
    return { g, thenB, elseB };
  }

  it('infers both branches; the output is what they agree on', () => {
    const { g, thenB, elseB } = model(null);
    analyze(g.model());
    expect(thenB.v('t').shape).toEqual([2, 3]);
    expect(elseB.v('e').shape).toEqual([2, 3]);
    expect(g.v('y').shape).toEqual([2, 3]);
  });

  it('with differing branches and unknown condition, the differing dims are unknown', () => {
    const { g } = model(null, 'Transpose');
    const r = analyze(g.model());
    expect(g.v('y').shape).toEqual([null, null]);
    expect(r.unresolved.map((n) => n.op)).toEqual(['If']);
  });

  it('with a constant condition, the output is the chosen branch', () => {
    const { g } = model(false, 'Transpose');
    analyze(g.model());
    expect(g.v('y').shape).toEqual([3, 2]);
  });
});

describe('Loop', () => {
  // for i in range(5): acc = acc @ W; also emits acc each iteration (a scan output).
  function loop(trips: number | null) {
    const g = new GraphSpec();
    g.input('x', 'float32', [1, 4]);
    g.init('W', 'float32', [4, 4]);
    if (trips === null) g.input('M', 'int64', []);
    else g.init('M', 'int64', [], [trips]);
    g.init('cond', 'bool', [], [1]);
    const body = new GraphSpec('body', g);
    body.input('i', 'int64', null);
    body.input('c', 'bool', null);
    body.input('acc', 'float32', null);
    body.node('MatMul', ['acc', 'W'], ['acc2']);
    body.node('Identity', ['c'], ['c2']);
    body.node('Identity', ['acc2'], ['emit']);
    body.output('c2', 'acc2', 'emit');
    g.node('Loop', ['M', 'cond', 'x'], ['final', 'all'], { body: body.graph });
    g.output('final', 'all');
    return { g, body };
  }

  it('infers the body from the loop inputs; scan outputs get the trip count in front', () => {
    const { g, body } = loop(5);
    const r = analyze(g.model());
    expect(body.v('i').shape).toEqual([]);
    expect(body.v('acc2').shape).toEqual([1, 4]);
    expect(g.v('final').shape).toEqual([1, 4]);
    expect(g.v('all').shape).toEqual([5, 1, 4]);
    // The body's MatMul (1×4×4 = 16 MACs) runs 5 times.
    expect(r.totals.macs).toBe(80);
    expect(r.macsByOp).toEqual({ MatMul: 80 });
    expect(r.nodeCosts.get(body.graph.nodes[0]!)?.macs).toBe(16);
  });

  it('with an unknown trip count: scan dim unknown, body counted once with a warning', () => {
    const { g } = loop(null);
    const r = analyze(g.model());
    expect(g.v('all').shape).toEqual([null, 1, 4]);
    expect(r.totals.macs).toBe(16);
    expect(r.warnings.join()).toMatch(/iteration count unknown/);
  });

  it('re-infers a body whose carried value changes shape, with the varying dim unknown', () => {
    const g = new GraphSpec();
    g.input('x', 'float32', [1, 4]);
    g.init('M', 'int64', [], [3]);
    const body = new GraphSpec('body', g);
    body.input('i', 'int64', null);
    body.input('c', 'bool', null);
    body.input('acc', 'float32', null);
    body.node('Concat', ['acc', 'x'], ['grown'], { axis: 0 });
    body.node('Identity', ['c'], ['c2']);
    body.output('c2', 'grown');
    g.node('Loop', ['M', null, 'x'], ['final'], { body: body.graph });
    g.output('final');
    analyze(g.model());
    expect(g.v('final').shape).toEqual([null, 4]);
    expect(body.v('grown').shape).toEqual([null, 4]);
  });
});

describe('Scan', () => {
  it('slices scan inputs along the axis and stacks scan outputs', () => {
    // Cumulative sum over a sequence of 7 vectors of 3 (state (3), scan input (7,3)).
    const g = new GraphSpec();
    g.input('init', 'float32', [3]);
    g.input('seq', 'float32', [7, 3]);
    const body = new GraphSpec('body', g);
    body.input('s', 'float32', null);
    body.input('x', 'float32', null);
    body.node('Add', ['s', 'x'], ['s2']);
    body.node('Identity', ['s2'], ['y']);
    body.output('s2', 'y');
    g.node('Scan', ['init', 'seq'], ['final', 'ys'], { body: body.graph, num_scan_inputs: 1 });
    g.output('final', 'ys');
    analyze(g.model(11));
    expect(body.v('x').shape).toEqual([3]);
    expect(g.v('final').shape).toEqual([3]);
    expect(g.v('ys').shape).toEqual([7, 3]);
  });
});
