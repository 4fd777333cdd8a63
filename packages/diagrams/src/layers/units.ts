/** Folds an IR graph into units: one per layer-like op, with its activations, norms and reshapes. */
import { getAttribute } from '@nnlens/ir';
import type { Graph, Node, Value } from '@nnlens/ir';
import { constantNodes } from '@nnlens/layout';
import type { LayerKind } from './layer.js';
import { ACTIVATIONS, opRole, type OpRole } from './op-kind.js';

/** A layer-like op (the anchor) plus the nodes folded into it; or a graph input. */
export interface Unit {
  /** Dense index in UnitGraph.units (graph order). */
  index: number;
  /** The op that defines the unit; null for a graph input. */
  anchor: Node | null;
  /** For a graph input: its value. */
  input?: Value;
  kind: LayerKind | 'merge' | 'matmul' | 'pre';
  /** For merges: what they combine with. */
  mergeKind?: 'add' | 'concat' | 'mul' | 'other';
  /** Folded nodes before the anchor (pre-activation norms), in graph order. */
  pre: Node[];
  /** Folded nodes after the anchor, in graph order. */
  folded: Node[];
  /** Distinct units feeding the anchor's data inputs, in input order. */
  preds: Unit[];
  /** The anchor's data inputs (parallel to the units they come from). */
  inputs: Value[];
  /** The value whose shape the layer shows (the anchor output after shape-preserving folds). */
  shapeValue: Value;
}

/** The folded graph. */
export interface UnitGraph {
  graph: Graph;
  units: Unit[];
  /** Unit of every node that takes part in data flow (anchors and folded nodes). */
  unitOfNode: (Unit | undefined)[];
  /** Unit whose data a value carries. */
  valueUnit: Map<Value, Unit>;
  /** Units that are graph inputs. */
  inputs: Unit[];
}

function hasWeightInput(node: Node, isData: (v: Value | null) => boolean): boolean {
  // An embedding reads a table (input 0) at data indices; Gather(x, 0) only selects from data.
  if (node.op === 'Gather') return node.inputs[0] !== null && !isData(node.inputs[0]!);
  return node.inputs.some((v) => v !== null && !isData(v));
}

/** A pool with a 1×1 window and stride 1 (an adaptive pool at its own size) changes nothing. */
function identityPool(node: Node): boolean {
  if (node.op !== 'AveragePool' && node.op !== 'MaxPool') return false;
  const k = getAttribute(node, 'kernel_shape');
  const s = getAttribute(node, 'strides');
  return (
    k?.kind === 'ints' &&
    k.value.every((d) => d === 1) &&
    (s?.kind !== 'ints' || s.value.every((d) => d === 1))
  );
}

function spatialReduce(node: Node): boolean {
  if (node.op !== 'ReduceMean' && node.op !== 'ReduceMax') return false;
  const rank = node.inputs[0]?.shape?.length;
  if (rank !== 4) return false;
  const attr = getAttribute(node, 'axes');
  const axes = attr?.kind === 'ints' ? attr.value : (node.inputs[1]?.constValue?.data ?? []);
  const norm = new Set(axes.map((a) => (a < 0 ? a + 4 : a)));
  return norm.has(2) && norm.has(3);
}

function keepsLayout(from: Value, to: Value): boolean {
  const a = from.shape;
  const b = to.shape;
  if (!a || !b) return false;
  if (a.length === b.length) return a.every((d, i) => d === b[i]);
  // Squeezing away 1×1 spatial dims (global pool → flatten) keeps the meaning of the shape.
  const squeezed = a.filter((d, i) => i === 0 || d !== 1);
  return squeezed.length === b.length && squeezed.every((d, i) => d === b[i]);
}

function spatialFlatten(node: Node): boolean {
  if (node.op !== 'Flatten' && node.op !== 'Reshape') return false;
  const a = node.inputs[0]?.shape;
  const b = node.outputs[0]?.shape;
  if (!a || !b || a.length < 4 || b.length > 2) return false;
  const spatial = a.slice(2).reduce<number>((p, d) => p * (typeof d === 'number' ? d : 2), 1);
  return spatial > 1;
}

/** Norms and activations that, opening a module that holds a layer, belong to that layer. */
const PRE_OPS = new Set([
  'BatchNormalization',
  'InstanceNormalization',
  'GroupNormalization',
  'LayerNormalization',
  ...Object.keys(ACTIVATIONS),
]);

/** Scope ids (and their ancestors) that hold at least one layer-like op. */
function scopesWithLayers(graph: Graph, scopes: readonly string[] | undefined): Set<string> {
  const out = new Set<string>();
  if (!scopes) return out;
  for (const n of graph.nodes) {
    const r = opRole(n.op, 1, true);
    if (r.role !== 'anchor' || r.kind === 'other') continue;
    const id = scopes[n.index] ?? '';
    const parts = id.split('/');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('/'));
  }
  return out;
}

/** True when scope `outer` is `inner` or encloses it (ids are '/'-joined paths, '' = root). */
function encloses(outer: string, inner: string): boolean {
  return outer === '' || outer === inner || inner.startsWith(outer + '/');
}

/**
 * Builds the units of `graph`; shapes must already be inferred (analyze()). With `scopes` (the
 * scope-tree group id of every node), a norm or activation that opens a module of its own
 * (pre-activation BN-ReLU-Conv, as in DenseNet) folds into the layer after it, not the one before.
 */
export function buildUnits(graph: Graph, scopes?: readonly string[]): UnitGraph {
  const constant = constantNodes(graph);
  const dataValue = new Set<Value>();
  for (const v of graph.inputs) if (!v.initializer) dataValue.add(v);
  const isData = (v: Value | null): v is Value => v !== null && dataValue.has(v);
  let units: Unit[] = [];
  const unitOfNode: (Unit | undefined)[] = new Array(graph.nodes.length);
  const valueUnit = new Map<Value, Unit>();
  const inputs: Unit[] = [];
  for (const v of graph.inputs) {
    if (v.initializer) continue;
    const u: Unit = {
      index: units.length,
      anchor: null,
      input: v,
      kind: 'input',
      pre: [],
      folded: [],
      preds: [],
      inputs: [],
      shapeValue: v,
    };
    units.push(u);
    inputs.push(u);
    valueUnit.set(v, u);
  }
  const newUnit = (node: Node, kind: Unit['kind'], data: Value[]): Unit => {
    const preds: Unit[] = [];
    for (const v of data) {
      const p = valueUnit.get(v);
      if (p && !preds.includes(p)) preds.push(p);
    }
    const u: Unit = {
      index: units.length,
      anchor: node,
      kind,
      pre: [],
      folded: [],
      preds,
      inputs: data,
      shapeValue: node.outputs[0] ?? data[0]!,
    };
    units.push(u);
    return u;
  };
  const scopeOf = (n: Node | null): string => (n && scopes ? (scopes[n.index] ?? '') : '');
  const withLayer = scopesWithLayers(graph, scopes);
  for (const node of graph.nodes) {
    if (constant[node.index] || node.op === 'Shape' || node.op === 'Size') continue;
    const data = node.inputs.filter(isData);
    if (data.length === 0) continue;
    const role: OpRole = identityPool(node)
      ? { role: 'pass' }
      : opRole(node.op, data.length, hasWeightInput(node, isData));
    const sources = new Set(data.map((v) => valueUnit.get(v)));
    let unit: Unit;
    if (role.role === 'pass' && spatialReduce(node)) unit = newUnit(node, 'pool', data);
    else if (role.role === 'pass' && spatialFlatten(node)) unit = newUnit(node, 'flatten', data);
    else if (role.role === 'pass' || (role.role === 'merge' && sources.size === 1)) {
      // A merge of one unit with itself (x·x, x − mean(x)) is arithmetic inside that unit.
      const src = valueUnit.get(data[0]!)!;
      // Padding always belongs to the op after it; norms and activations when they open a new module.
      const opensModule =
        PRE_OPS.has(node.op) && !encloses(scopeOf(node), scopeOf(src.anchor)) && withLayer.has(scopeOf(node));
      if (src.anchor && (node.op === 'Pad' || opensModule)) {
        unit = newUnit(node, 'pre', data);
      } else {
        unit = src;
        unit.folded.push(node);
        if (
          unit.anchor &&
          data.includes(unit.shapeValue) &&
          node.outputs[0] &&
          keepsLayout(unit.shapeValue, node.outputs[0])
        ) {
          unit.shapeValue = node.outputs[0];
        }
      }
    } else if (role.role === 'merge') {
      unit = newUnit(node, 'merge', data);
      unit.mergeKind = role.kind;
    } else if (role.role === 'matmul') unit = newUnit(node, 'matmul', data);
    else unit = newUnit(node, role.kind, data);
    unitOfNode[node.index] = unit;
    for (const v of node.outputs) {
      if (!v) continue;
      dataValue.add(v);
      valueUnit.set(v, unit);
    }
  }
  units = foldPreUnits(units, unitOfNode, valueUnit);
  return { graph, units, unitOfNode, valueUnit, inputs };
}

/** Moves each 'pre' unit into the single layer it feeds; a pre unit feeding several stays a norm layer. */
function foldPreUnits(units: Unit[], unitOfNode: (Unit | undefined)[], valueUnit: Map<Value, Unit>): Unit[] {
  const removed = new Set<Unit>();
  for (const a of units) {
    const p = a.preds.length === 1 ? a.preds[0]! : undefined;
    if (!p || p.kind !== 'pre' || !p.anchor) continue;
    const nodes = [p.anchor, ...p.folded];
    const only = nodes.every((n) =>
      n.outputs.every(
        (v) =>
          !v ||
          v.consumers.every((c) => {
            const cu = unitOfNode[c.index];
            return cu === p || cu === a;
          }),
      ),
    );
    if (!only) continue;
    a.pre = [...p.pre, ...nodes];
    a.preds = p.preds;
    a.inputs = p.inputs;
    for (const n of nodes) {
      unitOfNode[n.index] = a;
      for (const v of n.outputs) if (v) valueUnit.set(v, a);
    }
    removed.add(p);
  }
  const kept = units.filter((u) => !removed.has(u));
  kept.forEach((u, i) => {
    u.index = i;
    if (u.kind === 'pre') u.kind = u.anchor?.op === 'Pad' ? 'other' : 'norm';
    u.preds = u.preds
      .map((q) => (removed.has(q) ? unitOfNode[q.anchor!.index]! : q))
      .filter((q, i, all) => all.indexOf(q) === i && q !== u);
  });
  return kept;
}
