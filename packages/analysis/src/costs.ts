/** Parameters, MACs and memory per node and in total, by the counting rules of the analyzer truth tables. */
import {
  dtypeSize,
  getAttribute,
  isFloatDType,
  subgraphsOf,
  tensorByteSize,
  tensorElementCount,
  walkGraphs,
} from '@nnlens/ir';
import type { Graph, Model, Node, Shape, Tensor, Value } from '@nnlens/ir';
import { dimValue } from './dims.js';
import { nodeLabel, type InferState } from './engine.js';
import { getOpRule } from './registry.js';
import type { CostContext } from './rule.js';

/** Costs of one node. */
export interface NodeCost {
  /** Elements of the float (or quantized) weights the node reads (through Identity chains). */
  params: number;
  /** Multiply-accumulates; for If/Loop/Scan, those of their bodies. */
  macs: number;
  /** Bytes of all initializers the node reads. */
  weightBytes: number;
  /** Bytes of the values the node produces. */
  activationBytes: number;
  /** Part of `params` in tensors that another node reads too. */
  sharedParams: number;
}

/** Model totals: each tensor and value counted once. */
export interface CostTotals {
  params: number;
  macs: number;
  weightBytes: number;
  activationBytes: number;
  /** Elements of BatchNormalization mean/var initializers (buffers in PyTorch terms). */
  bufferParams: number;
}

/** Result of the cost pass. */
export interface Costs {
  nodeCosts: Map<Node, NodeCost>;
  totals: CostTotals;
  macsByOp: Record<string, number>;
}

/** Weights count as parameters when float, or when quantized (TFLite int8 kernels and int32 biases). */
function isParam(t: Tensor): boolean {
  return isFloatDType(t.dtype) || (t.quantization !== undefined && t.quantization.scale.length > 0);
}

/** Follows Identity nodes back to the initializer a value copies, if any. */
function weightOf(v: Value | null): Tensor | undefined {
  for (let hops = 0; v && hops < 64; hops++) {
    if (v.initializer) return v.initializer;
    const p: Node | undefined = v.producer;
    v = p && p.op === 'Identity' ? (p.inputs[0] ?? null) : null;
  }
  return undefined;
}

function concreteDims(shape: Shape, symbols: Record<string, number>): number[] | null {
  if (shape === null) return null;
  const out: number[] = [];
  for (const d of shape) {
    const n = dimValue(d, symbols);
    if (n === null) return null;
    out.push(n);
  }
  return out;
}

function valueBytes(v: Value, symbols: Record<string, number>): number {
  const shape = v.shape;
  if (shape === null) return 0;
  let n = dtypeSize(v.dtype);
  for (const d of shape) {
    const x = typeof d === 'number' ? d : dimValue(d, symbols);
    if (x === null) return 0;
    n *= x;
  }
  return n;
}

interface Summary {
  macs: number;
  byOp: Map<string, number>;
}

/** Computes every node's costs and the model totals (after shape inference). */
export function computeCosts(model: Model, state: InferState, symbols: Record<string, number>): Costs {
  const graphs: Graph[] = [];
  walkGraphs(model.graph, (g) => graphs.push(g));
  const readers = new Map<Tensor, Set<Node>>();
  const weightsOf = new Map<Node, Tensor[]>();
  const buffers = new Set<Tensor>();
  for (const g of graphs) {
    for (const node of g.nodes) {
      if (node.op === 'Identity') continue;
      const ts: Tensor[] = [];
      for (const v of node.inputs) {
        const t = weightOf(v);
        if (!t || ts.includes(t)) continue;
        ts.push(t);
        let set = readers.get(t);
        if (!set) readers.set(t, (set = new Set()));
        set.add(node);
      }
      weightsOf.set(node, ts);
      if (node.op === 'BatchNormalization') {
        for (const i of [3, 4]) {
          const t = weightOf(node.inputs[i] ?? null);
          if (t) buffers.add(t);
        }
      }
    }
  }

  const nodeCosts = new Map<Node, NodeCost>();
  const totals: CostTotals = { params: 0, macs: 0, weightBytes: 0, activationBytes: 0, bufferParams: 0 };
  for (const g of graphs) {
    for (const node of g.nodes) {
      const cost: NodeCost = { params: 0, macs: 0, weightBytes: 0, activationBytes: 0, sharedParams: 0 };
      for (const t of weightsOf.get(node) ?? []) {
        cost.weightBytes += tensorByteSize(t);
        if (!isParam(t)) continue;
        const n = tensorElementCount(t);
        cost.params += n;
        if ((readers.get(t)?.size ?? 0) > 1) cost.sharedParams += n;
      }
      for (const v of node.outputs) if (v) cost.activationBytes += valueBytes(v, symbols);
      cost.macs = ownMacs(node, state, symbols);
      totals.activationBytes += cost.activationBytes;
      nodeCosts.set(node, cost);
    }
    for (const t of g.initializers.values()) {
      totals.weightBytes += tensorByteSize(t);
      if (isParam(t)) totals.params += tensorElementCount(t);
    }
  }
  for (const t of buffers) totals.bufferParams += tensorElementCount(t);

  const main = summarize(model.graph, nodeCosts, state);
  totals.macs = main.macs;
  const macsByOp: Record<string, number> = {};
  for (const [op, n] of main.byOp) if (n > 0) macsByOp[op] = n;
  return { nodeCosts, totals, macsByOp };
}

function ownMacs(node: Node, state: InferState, symbols: Record<string, number>): number {
  const rule = getOpRule(node.op, node.domain);
  if (!rule?.macs) return 0;
  const c: CostContext = {
    node,
    inShape: (i) => concreteDims(node.inputs[i]?.shape ?? null, symbols),
    outShape: (i) => concreteDims(node.outputs[i]?.shape ?? null, symbols),
  };
  let n: number | null = null;
  try {
    n = rule.macs(c);
  } catch (e) {
    state.warnings.add(
      `${node.op} node '${nodeLabel(node)}': MACs not computed: ${e instanceof Error ? e.message : String(e)}`,
    );
    return 0;
  }
  if (n === null || !Number.isFinite(n)) {
    state.warnings.add(`${node.op} node '${nodeLabel(node)}': MACs unknown (shapes not inferred)`);
    return 0;
  }
  return n;
}

/** MACs of a graph, with bodies of control flow weighted by how often they run. */
function summarize(graph: Graph, costs: Map<Node, NodeCost>, state: InferState): Summary {
  const byOp = new Map<string, number>();
  let macs = 0;
  const add = (op: string, n: number): void => {
    if (n === 0) return;
    byOp.set(op, (byOp.get(op) ?? 0) + n);
    macs += n;
  };
  for (const node of graph.nodes) {
    const cost = costs.get(node) as NodeCost;
    add(node.op, cost.macs);
    const subs = subgraphsOf(node);
    if (subs.length === 0) continue;
    const parts = subs.map((g) => summarize(g, costs, state));
    let picked: Summary[];
    let times = 1;
    if (node.op === 'If') {
      // Count the branch that runs when the condition is known, the costlier one otherwise.
      const cond = state.foldedOf(node.inputs[0])?.data[0];
      const [t, e] = parts as [Summary, Summary];
      picked = [typeof cond === 'number' ? (cond ? t : e) : t.macs >= e.macs ? t : e];
    } else {
      picked = parts;
      times = repeats(node, state);
    }
    let sub = 0;
    for (const p of picked) {
      for (const [op, n] of p.byOp) add(op, n * times);
      sub += p.macs * times;
    }
    cost.macs += sub;
  }
  return { macs, byOp };
}

/** How many times a Loop or Scan body runs (1, with a warning, when unknown). */
function repeats(node: Node, state: InferState): number {
  let n: number | undefined;
  if (node.op === 'Loop') {
    // Scan outputs (after the carried values) start with the trip count when inference knew it.
    const d = node.outputs[Math.max(0, node.inputs.length - 2)]?.shape?.[0];
    const m = state.foldedOf(node.inputs[0])?.data[0];
    const cond = node.inputs[1] ? state.foldedOf(node.inputs[1])?.data[0] : 1;
    n = typeof d === 'number' ? d : typeof m === 'number' && cond === 1 ? m : undefined;
  } else if (node.op === 'Scan') {
    const a = getAttribute(node, 'num_scan_inputs');
    const states = node.inputs.length - (a?.kind === 'int' ? a.value : 0);
    const d = node.outputs[states]?.shape?.[0];
    n = typeof d === 'number' ? d : undefined;
  }
  if (n === undefined) {
    state.warnings.add(
      `${node.op} node '${nodeLabel(node)}': iteration count unknown, body MACs counted once`,
    );
    return 1;
  }
  return n;
}
