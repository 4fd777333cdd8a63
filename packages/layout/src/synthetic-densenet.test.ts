import { validate } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { makeSyntheticDenseNet } from './synthetic-densenet.js';

describe('makeSyntheticDenseNet', () => {
  it.each([200, 1000, 5000, 20000])('has about %i nodes and is a valid graph', (n) => {
    const m = makeSyntheticDenseNet(n);
    expect(Math.abs(m.graph.nodes.length - n)).toBeLessThanOrEqual(Math.max(10, n * 0.01));
    expect(validate(m)).toEqual([]);
  });

  it('concatenates every earlier feature map of a block', () => {
    const g = makeSyntheticDenseNet(1000).graph;
    const cats = g.nodes.filter((nd) => /^\/features\/denseblock2\/denselayer\d+\/Concat$/.test(nd.name));
    expect(cats).toHaveLength(12);
    cats.forEach((c, i) => expect(c.inputs).toHaveLength(i + 1));
    const blockCat = g.nodes.find((nd) => nd.name === '/features/denseblock2/Concat')!;
    expect(blockCat.inputs).toHaveLength(13);
  });
});
