import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { oneOp } from '../test-helpers.js';

describe('RNN / GRU / LSTM', () => {
  it('LSTM (spec example: X (1,3,2), hidden 3) gives Y (1,1,3,3) and Y_h, Y_c (1,3,3)', () => {
    const t = oneOp(
      'LSTM',
      [{ shape: [1, 3, 2] }, { shape: [1, 12, 2] }, { shape: [1, 12, 3] }],
      { hidden_size: 3 },
      { outputs: 3 },
    );
    const r = analyze(t.model);
    expect(t.outs.map((v) => v.shape)).toEqual([
      [1, 1, 3, 3],
      [1, 3, 3],
      [1, 3, 3],
    ]);
    // 3 (steps × batch) × 4 gates × 3 hidden × (2 input + 3 hidden).
    expect(r.nodeCosts.get(t.node)?.macs).toBe(3 * 12 * 5);
  });

  it('bidirectional GRU with batch-first layout', () => {
    const t = oneOp(
      'GRU',
      [{ shape: [4, 7, 5] }, { shape: [2, 18, 5] }, { shape: [2, 18, 6] }],
      { hidden_size: 6, direction: 'bidirectional', layout: 1 },
      { outputs: 2 },
    );
    analyze(t.model);
    expect(t.outs.map((v) => v.shape)).toEqual([
      [4, 7, 2, 6],
      [4, 2, 6],
    ]);
  });
});
