/** RNN, GRU and LSTM: output shapes for both layouts, and MACs of the input and recurrent projections. */
import type { Dim } from '@nnlens/ir';
import { attrInt, attrString } from '../attrs.js';
import type { OpRule } from '../rule.js';

function recurrent(gates: number): OpRule {
  return {
    infer(ctx) {
      const x = ctx.shape(0);
      const w = ctx.shape(1);
      const dirs = attrString(ctx.node, 'direction', 'forward') === 'bidirectional' ? 2 : 1;
      const hidden: Dim =
        attrInt(ctx.node, 'hidden_size') ?? (typeof w?.[1] === 'number' ? w[1] / gates : null);
      const layout = attrInt(ctx.node, 'layout', 0);
      const seq = x ? (x[layout ? 1 : 0] ?? null) : null;
      const batch = x ? (x[layout ? 0 : 1] ?? null) : null;
      const dtype = ctx.dtype(0);
      ctx.output(0, dtype, layout ? [batch, seq, dirs, hidden] : [seq, dirs, batch, hidden]);
      const state = layout ? [batch, dirs, hidden] : [dirs, batch, hidden];
      ctx.output(1, dtype, state);
      ctx.output(2, dtype, state);
    },
    // Per step and direction: gates × hidden × (input + hidden) for the W and R projections.
    macs(c) {
      const x = c.inShape(0);
      const w = c.inShape(1);
      const r = c.inShape(2);
      if (!x || !w || !r || x.length !== 3 || w.length !== 3 || r.length !== 3) return null;
      const steps = (x[0] as number) * (x[1] as number);
      return steps * (w[0] as number) * (w[1] as number) * ((w[2] as number) + (r[2] as number));
    },
  };
}

/** Rules of the recurrent family. */
export const recurrentRules: Record<string, OpRule> = {
  RNN: recurrent(1),
  GRU: recurrent(3),
  LSTM: recurrent(4),
};
