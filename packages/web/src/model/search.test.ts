import { describe, expect, it } from 'vitest';
import type { GraphView, NodeView, ValueView } from '../shared/view-model.js';
import { searchNodes } from './search.js';

function node(index: number, op: string, name: string, out: number, hidden = false): NodeView {
  return {
    index,
    name,
    op,
    domain: '',
    category: 'other',
    summary: '',
    attributes: [],
    inputs: [],
    outputs: [out],
    cost: null,
    subgraphs: [],
    hidden,
  };
}
function value(name: string, shape: string): ValueView {
  return {
    name,
    dtype: 'float32',
    dims: null,
    shape,
    producer: -1,
    consumers: [],
    graphInput: false,
    graphOutput: false,
  };
}

const graph = {
  nodes: [
    node(0, 'Conv', '/layer1/layer1.0/conv1/Conv', 0),
    node(1, 'Relu', '/layer1/layer1.0/relu/Relu', 1),
    node(2, 'Conv', '/layer3/layer3.1/conv2/Conv', 2),
    node(3, 'Constant', '/Constant_7', 3, true),
  ],
  values: [value('a', '1×64×56×56'), value('b', '1×64×56×56'), value('c', '1×256×14×14'), value('d', '2')],
} as unknown as GraphView;

describe('searchNodes', () => {
  it('finds by op type, exact op first', () => {
    expect(searchNodes(graph, 'conv').map((h) => h.node)).toEqual([0, 2]);
  });
  it('needs every word to match', () => {
    expect(searchNodes(graph, 'layer3 conv').map((h) => h.node)).toEqual([2]);
    expect(searchNodes(graph, 'layer3 relu')).toEqual([]);
  });
  it('finds by shape written with x, commas or ×', () => {
    expect(searchNodes(graph, '1x256x14x14').map((h) => h.node)).toEqual([2]);
    expect(searchNodes(graph, '64, 56, 56').map((h) => h.node)).toEqual([0, 1]);
  });
  it('skips hidden nodes and empty queries', () => {
    expect(searchNodes(graph, 'Constant')).toEqual([]);
    expect(searchNodes(graph, '  ')).toEqual([]);
  });
});
