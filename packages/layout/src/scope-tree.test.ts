import { createModel, validate } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { buildScopeTree } from './scope-tree.js';
import { pathFromName, pathFromWeight } from './scope-paths.js';
import { makeSyntheticDenseNet } from './synthetic-densenet.js';
import { resnetLike } from './test-graphs.js';

describe('scope paths', () => {
  it('drops the op name from a scoped node name', () => {
    expect(pathFromName('/layer1/layer1.0/conv1/Conv')).toEqual(['layer1', 'layer1.0', 'conv1']);
    expect(pathFromName('Conv_12')).toEqual([]);
  });
  it('reads modules from weight names, PyTorch-spelling numeric parts', () => {
    expect(pathFromWeight('features.denseblock1.denselayer1.conv1.weight')).toEqual([
      'features',
      'denseblock1',
      'denselayer1',
      'conv1',
    ]);
    expect(pathFromWeight('layer1.0.conv1.weight')).toEqual(['layer1', 'layer1.0', 'conv1']);
    expect(pathFromWeight('conv2d/kernel:0')).toEqual(['conv2d']);
    expect(pathFromWeight('onnx::Conv_193')).toBeNull();
    expect(pathFromWeight('weight')).toBeNull();
  });
});

describe('buildScopeTree', () => {
  it('groups scoped names and creates no one-node groups', () => {
    const g = resnetLike('scoped');
    expect(validate(createModel('onnx', g))).toEqual([]);
    const t = buildScopeTree(g);
    expect([...t.groups.keys()].sort()).toEqual(['layer1', 'layer1/layer1.0', 'layer1/layer1.1']);
    const layer1 = t.groups.get('layer1')!;
    expect(layer1.children.map((c) => c.label)).toEqual(['layer1.0', 'layer1.1']);
    expect(layer1.nodeCount).toBe(14);
    expect(t.groups.get('layer1/layer1.0')!.nodes).toHaveLength(7);
    // conv1 / relu / fc hold one node each: they stay at the root.
    expect(t.root.nodes).toHaveLength(3);
    expect(t.root.nodeCount).toBe(g.nodes.length);
    expect(t.groupOfNode[g.nodes.findIndex((n) => n.name === '/layer1/layer1.1/Add')]).toBe(
      'layer1/layer1.1',
    );
  });

  it('falls back to weight names and neighbours when names have no scopes', () => {
    const scoped = buildScopeTree(resnetLike('scoped'));
    const flat = buildScopeTree(resnetLike('flat'));
    expect([...flat.groups.keys()].sort()).toEqual([...scoped.groups.keys()].sort());
    // Relu between bn1 and conv2 and the residual Add inherit their block from neighbours.
    expect(flat.groupOfNode).toEqual(scoped.groupOfNode);
    expect(flat.scopeSource.filter((s) => s === 'neighbour').length).toBeGreaterThan(0);
  });

  it('recovers nearly all DenseNet scopes from weight names alone (PyTorch < 1.13 names)', () => {
    const scoped = makeSyntheticDenseNet(1000).graph;
    const flat = makeSyntheticDenseNet(1000).graph;
    flat.nodes.forEach((n, i) => (n.name = `${n.op}_${i}`));
    const a = buildScopeTree(scoped);
    const b = buildScopeTree(flat);
    expect(b.scopeSource.includes('name')).toBe(false);
    const differ = a.groupOfNode.filter((g, i) => g !== b.groupOfNode[i]).length;
    // Only Concats at block boundaries are ambiguous without names (they read other modules).
    expect(differ / scoped.nodes.length).toBeLessThan(0.05);
    expect([...b.groups.keys()].sort()).toEqual([...a.groups.keys()].sort());
  });

  it('marks identical sibling blocks as repeats', () => {
    const t = buildScopeTree(resnetLike('scoped'));
    const [b0, b1] = t.groups.get('layer1')!.children;
    expect(b0!.repeat).toMatchObject({ index: 0, count: 2 });
    expect(b1!.repeat).toMatchObject({ index: 1, count: 2, signature: b0!.repeat!.signature });
    expect(t.groups.get('layer1')!.repeat).toBeUndefined();
  });

  it('finds dense blocks and their repeated layers in a synthetic DenseNet', () => {
    const m = makeSyntheticDenseNet(1000);
    expect(validate(m)).toEqual([]);
    const t = buildScopeTree(m.graph);
    const features = t.groups.get('features')!;
    const blocks = features.children.filter((c) => c.label.startsWith('denseblock'));
    expect(blocks.map((b) => b.label).slice(0, 3)).toEqual(['denseblock1', 'denseblock2', 'denseblock3']);
    const layers = t.groups.get('features/denseblock2')!.children;
    expect(layers).toHaveLength(12);
    for (const [i, l] of layers.entries()) expect(l.repeat).toMatchObject({ index: i, count: 12 });
    // Each dense layer: Concat, BN, Relu, Conv, BN, Relu, Conv as direct members.
    expect(layers[0]!.nodes.map((i) => m.graph.nodes[i]!.op)).toEqual([
      'Concat',
      'BatchNormalization',
      'Relu',
      'Conv',
      'BatchNormalization',
      'Relu',
      'Conv',
    ]);
    // Every node is counted once.
    expect(t.root.nodeCount).toBe(m.graph.nodes.length);
  });

  it('is deterministic', () => {
    const g = makeSyntheticDenseNet(500).graph;
    const a = buildScopeTree(g);
    const b = buildScopeTree(g);
    expect(a.groupOfNode).toEqual(b.groupOfNode);
    expect([...a.groups.keys()]).toEqual([...b.groups.keys()]);
  });
});
