/** The graph the 'graph' style lays out: one node per unit, runs of identical blocks kept once, a matching scope tree. */
import { addNode, createGraph, ensureValue } from '@nnlens/ir';
import type { Graph, Value } from '@nnlens/ir';
import { buildScopeTree, type ScopeGroup, type ScopeTree } from '@nnlens/layout';
import { buildUnits, type Unit, type UnitGraph } from '../layers/units.js';

/** The folded graph, its tree, and the way back to units. */
export interface DerivedGraph {
  graph: Graph;
  tree: ScopeTree;
  units: UnitGraph;
  /** Unit of each derived node, by node index. */
  unitOf: Unit[];
  /** Groups drawn once for a run: id → run length. */
  rolled: Map<string, number>;
}

/** Runs of identical sibling groups: same structure signature, parameter count, output shape and size. */
function findRuns(
  tree: ScopeTree,
  under: Map<ScopeGroup, Unit[]>,
  params: (u: Unit) => number,
): ScopeGroup[][] {
  const runs: ScopeGroup[][] = [];
  const key = (g: ScopeGroup): string => {
    const us = under.get(g) ?? [];
    const last = us[us.length - 1];
    return `${g.repeat?.signature}|${us.reduce((a, u) => a + params(u), 0)}|${JSON.stringify(last?.shapeValue.shape)}|${us.length}`;
  };
  const visit = (g: ScopeGroup): void => {
    for (let i = 0; i < g.children.length; i++) {
      const a = g.children[i]!;
      if (!a.repeat) {
        visit(a);
        continue;
      }
      let j = i + 1;
      while (j < g.children.length && g.children[j]!.repeat && key(g.children[j]!) === key(a)) j++;
      if (j - i > 1) runs.push(g.children.slice(i, j));
      visit(a);
      i = j - 1;
    }
  };
  visit(tree.root);
  return runs;
}

/** Builds the derived graph of `source` (shapes inferred) with runs rolled up when `roll` is set. */
export function deriveGraph(
  source: Graph,
  roll: boolean,
  params: (u: Unit) => number,
  keep: (u: Unit, name: string) => boolean = () => true,
): DerivedGraph {
  const tree = buildScopeTree(source);
  const ug = buildUnits(source, tree.groupOfNode);
  const groupOf = (u: Unit): ScopeGroup => {
    const id = u.anchor ? tree.groupOfNode[u.anchor.index] : '';
    return id ? tree.groups.get(id)! : tree.root;
  };
  const under = new Map<ScopeGroup, Unit[]>();
  for (const u of ug.units) {
    for (let g: ScopeGroup | null = groupOf(u); g; g = g.parent) {
      let l = under.get(g);
      if (!l) under.set(g, (l = []));
      l.push(u);
    }
  }
  // Units of the 2nd…nth copy of a run stand in for by the same unit of the 1st copy.
  const standIn = new Map<Unit, Unit>();
  const rolled = new Map<string, number>();
  if (roll) {
    for (const run of findRuns(tree, under, params)) {
      const base = under.get(run[0]!) ?? [];
      rolled.set(run[0]!.id, run.length);
      for (const g of run.slice(1)) (under.get(g) ?? []).forEach((u, k) => standIn.set(u, base[k]!));
    }
  }
  const graph = createGraph(source.name);
  const valueOf = new Map<Unit, Value>();
  const unitOf: Unit[] = [];
  for (const u of ug.inputs) {
    const v = ensureValue(graph, u.input!.name, u.input!.dtype, u.input!.shape);
    graph.inputs.push(v);
    valueOf.set(u, v);
  }
  const resolve = (u: Unit): Unit => standIn.get(u) ?? u;
  // Graph outputs keep their names (what a reader knows the model by).
  const outputName = new Map<Unit, string>();
  for (const v of source.outputs) {
    const u = ug.valueUnit.get(v);
    if (u && !outputName.has(resolve(u))) outputName.set(resolve(u), v.name);
  }
  for (const u of ug.units) {
    if (!u.anchor || standIn.has(u) || !keep(u, u.anchor.name)) continue;
    const inputs: Value[] = [];
    for (const p of u.preds) {
      const v = valueOf.get(resolve(p));
      if (v && !inputs.includes(v)) inputs.push(v);
    }
    const out = ensureValue(
      graph,
      outputName.get(u) ?? `${u.anchor.name}#out`,
      u.shapeValue.dtype,
      u.shapeValue.shape,
    );
    addNode(graph, { name: u.anchor.name, op: u.anchor.op, domain: u.anchor.domain, inputs, outputs: [out] });
    valueOf.set(u, out);
    unitOf.push(u);
  }
  for (const v of source.outputs) {
    const u = ug.valueUnit.get(v);
    const dv = u && valueOf.get(resolve(u));
    if (dv && !graph.outputs.includes(dv)) graph.outputs.push(dv);
  }
  return { graph, tree: projectTree(unitOf, groupOf, rolled), units: ug, unitOf, rolled };
}

/** The scope tree of the derived graph: the same groups, holding derived node indices. */
function projectTree(
  unitOf: Unit[],
  groupOf: (u: Unit) => ScopeGroup,
  rolled: Map<string, number>,
): ScopeTree {
  const root: ScopeGroup = {
    id: '',
    label: '',
    parent: null,
    children: [],
    nodes: [],
    nodeCount: 0,
    depth: 0,
    firstNode: 0,
  };
  const groups = new Map<string, ScopeGroup>();
  const copy = (g: ScopeGroup): ScopeGroup => {
    if (!g.parent) return root;
    let c = groups.get(g.id);
    if (c) return c;
    const parent = copy(g.parent);
    c = {
      id: g.id,
      label: g.label,
      parent,
      children: [],
      nodes: [],
      nodeCount: 0,
      depth: g.depth,
      firstNode: Infinity,
    };
    const n = rolled.get(g.id);
    if (n) c.repeat = { signature: g.repeat?.signature ?? '', index: 0, count: n };
    groups.set(g.id, c);
    parent.children.push(c);
    return c;
  };
  const groupOfNode: string[] = [];
  unitOf.forEach((u, i) => {
    const g = copy(groupOf(u));
    g.nodes.push(i);
    groupOfNode.push(g.id);
    for (let a: ScopeGroup | null = g; a; a = a.parent) {
      a.nodeCount++;
      a.firstNode = Math.min(a.firstNode, i);
    }
  });
  // Folding leaves some modules with a single box (Linear = MatMul + bias): a frame around it says nothing.
  for (const g of [...groups.values()].sort((a, b) => b.depth - a.depth)) {
    if (g.nodeCount !== 1 || g.children.length || rolled.has(g.id)) continue;
    const p = g.parent!;
    p.nodes.push(...g.nodes);
    p.nodes.sort((a, b) => a - b);
    p.children.splice(p.children.indexOf(g), 1);
    for (const i of g.nodes) groupOfNode[i] = p.id;
    groups.delete(g.id);
  }
  for (const g of [root, ...groups.values()]) g.children.sort((a, b) => a.firstNode - b.firstNode);
  return { root, groups, groupOfNode, scopeSource: groupOfNode.map(() => 'name') };
}
