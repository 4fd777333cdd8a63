/** analyze(): shape inference with constant folding, then parameters, MACs and memory per node and in total. */
import { walkGraphs } from '@nnlens/ir';
import type { Model, Node } from '@nnlens/ir';
import { computeCosts, type CostTotals, type NodeCost } from './costs.js';
import { InferState } from './engine.js';

/** Options of analyze(). */
export interface AnalyzeOptions {
  /** Shapes to use for main-graph inputs (by name) instead of the file's; dims may be symbols. */
  inputShapes?: Record<string, (number | string)[]>;
  /** Values of symbolic dims for costs (unlisted symbols count as 1). */
  symbols?: Record<string, number>;
}

/** Everything analyze() found out about a model. */
export interface ModelAnalysis {
  /** Costs of every node of the main graph and of all subgraphs. */
  nodeCosts: Map<Node, NodeCost>;
  totals: CostTotals;
  /** MACs by op type (only ops with MACs). */
  macsByOp: Record<string, number>;
  /** Nodes with an output whose shape (or a dim of it) stays unknown, in graph order. */
  unresolved: Node[];
  /** Non-fatal problems: unknown ops, inconsistent shapes, MACs that could not be computed. */
  warnings: string[];
}

/** Thrown when analyze() options are malformed (the model itself never makes analyze() throw). */
export class AnalyzeOptionsError extends Error {
  override name = 'AnalyzeOptionsError';
}

function checkDims(name: string, dims: unknown): (number | string)[] {
  if (!Array.isArray(dims)) throw new AnalyzeOptionsError(`inputShapes['${name}'] is not an array`);
  for (const d of dims) {
    const ok =
      (typeof d === 'number' && Number.isInteger(d) && d >= 0) || (typeof d === 'string' && d !== '');
    if (!ok) throw new AnalyzeOptionsError(`inputShapes['${name}'] has an invalid dim ${JSON.stringify(d)}`);
  }
  return dims as (number | string)[];
}

/**
 * Infers dtype and shape of every value (Value.shape, shapeSource 'inferred'), folds small constant
 * tensors into Value.constValue, and computes params, MACs and memory. Safe to call again.
 */
export function analyze(model: Model, options: AnalyzeOptions = {}): ModelAnalysis {
  const state = new InferState(model);
  state.resetGraph(model.graph);
  for (const [name, raw] of Object.entries(options.inputShapes ?? {})) {
    const dims = checkDims(name, raw);
    const v = model.graph.inputs.find((x) => x.name === name);
    if (!v) {
      state.warnings.add(`inputShapes: the main graph has no input '${name}'`);
      continue;
    }
    state.snapshots.write(v, v.dtype, dims.slice(), 'inferred');
  }
  state.inferGraph(model.graph);
  for (const [op, n] of state.unknownOps) {
    state.warnings.add(`no shape rule for op '${op}' (${n} node${n === 1 ? '' : 's'}): outputs left unknown`);
  }
  const costs = computeCosts(model, state, options.symbols ?? {});
  const unresolved: Node[] = [];
  walkGraphs(model.graph, (g) => {
    for (const n of g.nodes) if (state.unresolved.has(n)) unresolved.push(n);
  });
  return { ...costs, unresolved, warnings: [...state.warnings] };
}
