import { describe, expect, it } from 'vitest';
import { analyze } from '@nnlens/analysis';
import { validate } from '@nnlens/ir';
import { makeSyntheticDenseNet } from './synthetic-densenet.js';

describe('makeSyntheticDenseNet is a well-formed model', () => {
  for (const n of [1000, 20000]) {
    it(`${n} nodes: valid, and every shape infers (so the viewer shows real shapes)`, () => {
      const model = makeSyntheticDenseNet(n);
      expect(validate(model)).toEqual([]);
      const analysis = analyze(model);
      expect(analysis.unresolved.map((x) => x.name)).toEqual([]);
      expect(analysis.warnings).toEqual([]);
      expect(model.graph.outputs[0]!.shape).toEqual([1, 1000]);
      expect(analysis.totals.macs).toBeGreaterThan(0);
    });
  }
});
