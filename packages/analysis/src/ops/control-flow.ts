/** If, Loop and Scan: their bodies are inferred, and the node's outputs follow from the bodies' outputs. */
import type { Dim, Graph, Shape, Value } from '@nnlens/ir';
import { attrGraph, attrInt, attrInts } from '../attrs.js';
import { RuleError } from '../errors.js';
import type { InferContext, OpRule, TypeInfo } from '../rule.js';
import { normAxis } from './util.js';

/** Shape both alternatives agree on: equal dims kept, differing dims unknown, differing ranks unknown. */
export function mergeShapes(a: Shape, b: Shape): Shape {
  if (a === null || b === null || a.length !== b.length) return null;
  return a.map((d, i) => (d === b[i] ? d : null));
}

function mergeTypes(a: TypeInfo | undefined, b: TypeInfo | undefined): TypeInfo {
  if (!a || !b) return { dtype: (a ?? b)?.dtype ?? 'unknown', shape: null };
  return { dtype: a.dtype !== 'unknown' ? a.dtype : b.dtype, shape: mergeShapes(a.shape, b.shape) };
}

function typeOfInput(ctx: InferContext, i: number): TypeInfo {
  return { dtype: ctx.dtype(i), shape: ctx.shape(i) };
}

const ifRule: OpRule = {
  infer(ctx) {
    const thenG = attrGraph(ctx.node, 'then_branch');
    const elseG = attrGraph(ctx.node, 'else_branch');
    if (!thenG || !elseG) throw new RuleError('If needs then_branch and else_branch');
    const t = ctx.inferSubgraph(thenG, []);
    const e = ctx.inferSubgraph(elseG, []);
    const cond = ctx.folded(0)?.data[0];
    ctx.node.outputs.forEach((_, i) => {
      // A known condition selects one branch; otherwise the outputs are what both branches agree on.
      const chosen = typeof cond === 'number' ? (cond ? t[i] : e[i]) : undefined;
      const r = chosen ?? mergeTypes(t[i], e[i]);
      ctx.output(i, r.dtype, r.shape, chosen?.folded);
    });
  },
};

const loop: OpRule = {
  infer(ctx) {
    const body = attrGraph(ctx.node, 'body');
    if (!body) throw new RuleError('Loop has no body');
    const carriedCount = Math.max(0, ctx.inputCount - 2);
    const header: TypeInfo[] = [
      { dtype: 'int64', shape: [] },
      { dtype: 'bool', shape: [] },
    ];
    let carried = Array.from({ length: carriedCount }, (_, j) => typeOfInput(ctx, j + 2));
    let outs = ctx.inferSubgraph(body, [...header, ...carried]);
    // A carried value whose shape changes between iterations is re-inferred with the dims that vary unknown.
    const merged = carried.map((c, j) => mergeTypes(c, outs[j + 1]));
    if (merged.some((m, j) => JSON.stringify(m.shape) !== JSON.stringify(carried[j]?.shape))) {
      carried = merged;
      outs = ctx.inferSubgraph(body, [...header, ...carried]);
    }
    carried.forEach((c, j) => {
      const r = mergeTypes(c, outs[j + 1]);
      ctx.output(j, r.dtype, r.shape);
    });
    const trips = tripCount(ctx, condStaysTrue(body, outs[0]));
    const scanCount = ctx.node.outputs.length - carriedCount;
    for (let k = 0; k < scanCount; k++) {
      const o = outs[1 + carriedCount + k];
      ctx.output(carriedCount + k, o?.dtype ?? 'unknown', o?.shape ? [trips, ...o.shape] : null);
    }
  },
};

/** True when the body's condition output is its condition input (maybe through Identity) or a constant true. */
function condStaysTrue(body: Graph, out: TypeInfo | undefined): boolean {
  if (out?.folded?.data[0] === 1) return true;
  let v: Value | undefined = body.outputs[0];
  for (let hops = 0; v && hops < 16; hops++) {
    if (v === body.inputs[1]) return true;
    v = v.producer?.op === 'Identity' ? (v.producer.inputs[0] ?? undefined) : undefined;
  }
  return false;
}

/** Iterations of a Loop when M is known and the condition cannot end it early. */
function tripCount(ctx: InferContext, condPassesThrough: boolean): Dim {
  const m = ctx.ints(0)?.[0];
  if (m === undefined) return null;
  const cond = ctx.folded(1)?.data[0];
  return !ctx.has(1) || (cond === 1 && condPassesThrough) ? m : null;
}

const scan: OpRule = {
  infer(ctx) {
    const body = attrGraph(ctx.node, 'body');
    if (!body) throw new RuleError('Scan has no body');
    const m = attrInt(ctx.node, 'num_scan_inputs', 0);
    if (ctx.opset < 9) throw new RuleError('Scan before opset 9 (with sequence_lens) is not supported');
    const n = ctx.inputCount - m;
    const inAxes = attrInts(ctx.node, 'scan_input_axes') ?? new Array<number>(m).fill(0);
    let seqLen: Dim = null;
    const slices: TypeInfo[] = [];
    for (let j = 0; j < m; j++) {
      const s = ctx.shape(n + j);
      if (s === null) {
        slices.push({ dtype: ctx.dtype(n + j), shape: null });
        continue;
      }
      const ax = normAxis(inAxes[j] ?? 0, s.length);
      if (seqLen === null) seqLen = s[ax] ?? null;
      slices.push({ dtype: ctx.dtype(n + j), shape: s.filter((_, i) => i !== ax) });
    }
    const states = Array.from({ length: n }, (_, j) => typeOfInput(ctx, j));
    const outs = ctx.inferSubgraph(body, [...states, ...slices]);
    states.forEach((s, j) => {
      const r = mergeTypes(s, outs[j]);
      ctx.output(j, r.dtype, r.shape);
    });
    const outAxes = attrInts(ctx.node, 'scan_output_axes') ?? [];
    for (let k = n; k < ctx.node.outputs.length; k++) {
      const o = outs[k];
      if (!o?.shape) {
        ctx.output(k, o?.dtype ?? 'unknown', null);
        continue;
      }
      const shape = o.shape.slice();
      shape.splice(normAxis(outAxes[k - n] ?? 0, shape.length + 1), 0, seqLen);
      ctx.output(k, o.dtype, shape);
    }
  },
};

/** Rules of the control-flow family. */
export const controlFlowRules: Record<string, OpRule> = {
  If: ifRule,
  Loop: loop,
  Scan: scan,
};
