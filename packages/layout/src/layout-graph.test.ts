import { createGraph, type Node } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { checkLayout } from './check-layout.js';
import { FRAME_HEADER, layoutGraph } from './layout-graph.js';
import { buildScopeTree } from './scope-tree.js';
import { makeSyntheticDenseNet } from './synthetic-densenet.js';
import { addInput, addOp, resnetLike } from './test-graphs.js';

const hideConstants = (n: Node): boolean => n.op === 'Constant';

describe('layoutGraph', () => {
  it('draws collapsed groups as single boxes with edges between them', () => {
    const g = resnetLike('scoped');
    const tree = buildScopeTree(g);
    const l = layoutGraph(g, tree, { expanded: new Set() });
    expect(checkLayout(l, { tree })).toEqual([]);
    const ids = l.items.map((i) => i.id).sort();
    // Root nodes conv1, relu, fc; one collapsed box for layer1; the graph input and output.
    expect(ids).toEqual(
      ['group:layer1', 'input:input', 'node:0', 'node:1', 'node:16', 'output:/fc/Gemm:out'].sort(),
    );
    const layer1 = l.items.find((i) => i.id === 'group:layer1')!;
    expect(layer1).toMatchObject({ kind: 'group', expanded: false, nodeCount: 14, depth: 0 });
    expect(l.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(
      [
        'input:input>node:0',
        'node:0>node:1',
        'node:1>group:layer1',
        'group:layer1>node:16',
        'node:16>output:/fc/Gemm:out',
      ].sort(),
    );
    const io = l.items.find((i) => i.id === 'input:input')!;
    expect(io).toMatchObject({ kind: 'node', nodeIndex: -1, valueName: 'input' });
  });

  it('nests expanded groups as frames that hold their contents', () => {
    const g = resnetLike('scoped');
    const tree = buildScopeTree(g);
    const l = layoutGraph(g, tree, { expanded: new Set(['layer1', 'layer1/layer1.0']) });
    expect(checkLayout(l, { tree, avoidBoxes: true })).toEqual([]);
    const frame = l.items.find((i) => i.id === 'group:layer1/layer1.0')!;
    const inner = l.items.filter(
      (i) => i.kind === 'node' && tree.groupOfNode[i.nodeIndex] === 'layer1/layer1.0',
    );
    expect(inner).toHaveLength(7);
    for (const it of inner) expect(it.y).toBeGreaterThanOrEqual(frame.y + FRAME_HEADER);
    // Frames come before their contents so painters can draw in order.
    const order = l.items.map((i) => i.id);
    expect(order.indexOf('group:layer1')).toBeLessThan(order.indexOf('group:layer1/layer1.0'));
    expect(order.indexOf('group:layer1/layer1.0')).toBeLessThan(order.indexOf(inner[0]!.id));
    // The residual edge into the block's Add carries the block input tensor.
    const add = g.nodes.findIndex((n) => n.name === '/layer1/layer1.0/Add');
    const into = l.edges.filter((e) => e.to === `node:${add}`);
    expect(into.map((e) => e.value).sort()).toEqual([
      '/layer1/layer1.0/bn2/BatchNormalization:out',
      '/relu/Relu:out',
    ]);
  });

  it('skips hidden nodes and their edges, and never draws weights', () => {
    const g = resnetLike('scoped');
    const tree = buildScopeTree(g);
    const hidden = (n: Node): boolean => n.op === 'Relu';
    const l = layoutGraph(g, tree, { expanded: new Set(tree.groups.keys()), hidden });
    expect(checkLayout(l, { tree })).toEqual([]);
    expect(
      l.items.some((i) => i.kind === 'node' && i.nodeIndex >= 0 && g.nodes[i.nodeIndex]!.op === 'Relu'),
    ).toBe(false);
    for (const e of l.edges) for (const v of e.values) expect(g.values.get(v)!.initializer).toBeUndefined();
  });

  it('flags the edge that closes a cycle made by collapsing a group', () => {
    // 'blk' holds a and c; b sits between them at the root: collapsed, blk → b → blk is a cycle.
    const g = createGraph('cycle');
    let x = addInput(g, 'in');
    x = addOp(g, '/blk/a', 'Relu', [x]);
    x = addOp(g, '/b', 'Sigmoid', [x]);
    x = addOp(g, '/blk/c', 'Tanh', [x]);
    g.outputs.push(x);
    const tree = buildScopeTree(g);
    expect([...tree.groups.keys()]).toEqual(['blk']);
    const l = layoutGraph(g, tree, { expanded: new Set() });
    expect(checkLayout(l, { tree })).toEqual([]);
    expect(l.edges.filter((e) => e.reversed)).toHaveLength(1);
    const open = layoutGraph(g, tree, { expanded: new Set(['blk']) });
    // A frame is one box in its parent's layout, so the cycle remains, and stays well drawn.
    expect(checkLayout(open, { tree })).toEqual([]);
    expect(open.edges.filter((e) => e.reversed)).toHaveLength(1);
  });

  it('honours nodeSize and LR direction', () => {
    const g = resnetLike('scoped');
    const tree = buildScopeTree(g);
    const l = layoutGraph(g, tree, {
      expanded: new Set(['layer1']),
      direction: 'LR',
      nodeSize: () => ({ width: 50, height: 20 }),
    });
    expect(checkLayout(l, { tree, direction: 'LR' })).toEqual([]);
    for (const it of l.items)
      if (it.kind === 'node' && it.nodeIndex >= 0) expect([it.width, it.height]).toEqual([50, 20]);
    expect(l.width).toBeGreaterThan(l.height);
  });

  it('lays out a fully expanded 2,000-node DenseNet soundly and deterministically', () => {
    const m = makeSyntheticDenseNet(2000);
    const tree = buildScopeTree(m.graph);
    const expanded = new Set(tree.groups.keys());
    const a = layoutGraph(m.graph, tree, { expanded, hidden: hideConstants });
    expect(checkLayout(a, { tree, avoidBoxes: true })).toEqual([]);
    expect(a.items.filter((i) => i.kind === 'node' && i.nodeIndex >= 0)).toHaveLength(m.graph.nodes.length);
    // Every tensor edge between nodes is drawn: one per (producer, consumer) pair.
    let pairs = 0;
    for (const n of m.graph.nodes)
      pairs += new Set(n.inputs.filter((v) => v?.producer).map((v) => v!.producer!.index)).size;
    expect(a.edges.filter((e) => e.from.startsWith('node:') && e.to.startsWith('node:'))).toHaveLength(pairs);
    const b = layoutGraph(m.graph, tree, { expanded, hidden: hideConstants });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('keeps the chain of a dense block straight inside its frame', () => {
    const m = makeSyntheticDenseNet(300);
    const tree = buildScopeTree(m.graph);
    const l = layoutGraph(m.graph, tree, { expanded: new Set(['features', 'features/denseblock1']) });
    const layers = l.items.filter(
      (i) => i.kind === 'group' && /^features\/denseblock1\/denselayer\d+$/.test(i.groupId),
    );
    expect(layers).toHaveLength(6);
    const centres = layers.map((i) => i.x + i.width / 2);
    for (const c of centres) expect(c).toBeCloseTo(centres[0]!, 6);
  });
});
