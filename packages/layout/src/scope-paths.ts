/** Derives each node's module path from its name, or from its weights' names, or from its neighbours. */
import type { Graph, Node } from '@nnlens/ir';

/** How a node's path was found. */
export type ScopeSource = 'name' | 'weight' | 'neighbour' | 'none';

/** Module path (group labels, outermost first) and where it came from, per node index. */
export interface NodeScopes {
  paths: string[][];
  sources: ScopeSource[];
}

/** Neighbour inheritance stops after this many passes; the rest stays at the root. */
const MAX_PASSES = 8;

/** A neighbour's module path and whether it is direct (name, weights) or itself inherited. */
interface Evidence {
  path: string[];
  strong: boolean;
}

/** The deepest path when all paths lie on one chain (each a prefix of the deepest), else null. */
function deepestOnChain(list: Evidence[]): string[] | null {
  if (list.length === 0) return null;
  let best = list[0]!.path;
  for (const e of list) if (e.path.length > best.length) best = e.path;
  for (const e of list) if (commonPrefix(e.path, best).length !== e.path.length) return null;
  return best;
}

/**
 * Where a weight-less op belongs, from its neighbours. Producers decide before consumers (the
 * op ending a block, e.g. the Relu after a residual Add, belongs to its block, not the next),
 * direct evidence before inherited. An op feeding a single consumer may join that consumer's
 * module when all evidence nests (a DenseNet layer's first Concat fed from the block input).
 * Consumers decide alone only inside the producers' common module (a DenseNet layer's Concat).
 * With `settle`, anything still ambiguous takes the modules all neighbours share.
 */
function inherit(preds: Evidence[], succs: Evidence[], settle: boolean): string[] | null {
  if (preds.length + succs.length === 0) return null;
  const strongPreds = preds.filter((e) => e.strong);
  const direct = deepestOnChain(strongPreds);
  if (direct) return direct;
  if (succs.length === 1) {
    const all = deepestOnChain([...preds, ...succs]);
    if (all) return all;
  }
  const fromPreds = deepestOnChain(preds);
  if (fromPreds) return fromPreds;
  const strongSuccs = succs.filter((e) => e.strong);
  const fromSuccs = deepestOnChain(strongSuccs) ?? deepestOnChain(succs);
  if (fromSuccs) {
    const inner = strongPreds.reduce<string[] | null>(
      (acc, e) => (acc ? commonPrefix(acc, e.path) : e.path),
      null,
    );
    if (!inner || commonPrefix(inner, fromSuccs).length === inner.length) return fromSuccs;
  }
  if (!settle) return null;
  return [...preds, ...succs].reduce<string[]>(
    (acc, e, i) => (i === 0 ? e.path : commonPrefix(acc, e.path)),
    [],
  );
}

/**
 * `/layer1/layer1.0/conv1/Conv` → ['layer1', 'layer1.0', 'conv1'] (the op's own name is dropped).
 * Used when most node names carry '/' (PyTorch ≥ 1.13, TensorFlow, TFLite).
 */
export function pathFromName(name: string): string[] {
  const parts = name.split('/').filter((p) => p.length > 0);
  parts.pop();
  return parts;
}

/**
 * `features.denseblock1.denselayer1.conv1.weight` → ['features', 'denseblock1', 'denselayer1',
 * 'conv1']; numeric parts take the PyTorch scope spelling (`layer1.0.conv1.weight` → ['layer1',
 * 'layer1.0', 'conv1']) so the ids match what newer exporters write in node names.
 * Exporter-made names (`onnx::Conv_193`) and one-part names say nothing and give null.
 */
export function pathFromWeight(name: string): string[] | null {
  if (name.includes('::')) return null;
  const parts = name
    .replace(/:\d+$/, '')
    .split(/[./]/)
    .filter((p) => p.length > 0);
  parts.pop();
  if (parts.length === 0) return null;
  const out: string[] = [];
  for (const p of parts) out.push(/^\d+$/.test(p) && out.length ? `${out[out.length - 1]}.${p}` : p);
  return out;
}

function commonPrefix(a: string[], b: string[]): string[] {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i === a.length ? a : a.slice(0, i);
}

function weightPath(node: Node): string[] | null {
  let acc: string[] | null = null;
  for (const v of node.inputs) {
    if (!v?.initializer) continue;
    const p = pathFromWeight(v.name);
    if (!p) continue;
    acc = acc ? commonPrefix(acc, p) : p;
  }
  return acc;
}

/** Paths for every node of the graph (see the module comment for the three sources). */
export function nodeScopes(graph: Graph, constant: readonly boolean[]): NodeScopes {
  const nodes = graph.nodes;
  const paths: (string[] | null)[] = new Array(nodes.length).fill(null);
  const sources: ScopeSource[] = new Array(nodes.length).fill('none');
  let named = 0;
  for (const nd of nodes) if (nd.name.includes('/')) named++;
  const nameMode = named * 2 >= nodes.length && named > 0;
  for (const nd of nodes) {
    // Weight plumbing (Constant, ConstantOfShape, Identity of a weight) is placed last, by its users.
    const p = nameMode
      ? nd.name.includes('/')
        ? pathFromName(nd.name)
        : null
      : constant[nd.index]
        ? null
        : weightPath(nd);
    if (p) {
      paths[nd.index] = p;
      sources[nd.index] = nameMode ? 'name' : 'weight';
    }
  }
  // What a resolved node says about its neighbours: a weight path names the node's own module,
  // so a neighbouring weight-less op (Relu, Add, Concat) sits in the parent module.
  const evidence = (other: Node | undefined, into: Evidence[]): void => {
    // Subgraph bodies see outer values: their producers and readers live in another graph.
    if (!other || other.graph !== graph || constant[other.index]) return;
    const p = paths[other.index];
    if (!p) return;
    const src = sources[other.index]!;
    into.push({ path: src === 'weight' ? p.slice(0, -1) : p, strong: src !== 'neighbour' });
  };
  const preds: Evidence[] = [];
  const succs: Evidence[] = [];
  // Forward in graph (topological) order so that producers are decided before their consumers.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    const order = pass % 2 === 0 ? nodes : nodes.slice().reverse();
    for (const nd of order) {
      if (paths[nd.index] || constant[nd.index]) continue;
      preds.length = 0;
      succs.length = 0;
      for (const v of nd.inputs) if (v && !v.initializer) evidence(v.producer, preds);
      for (const v of nd.outputs) if (v) for (const c of v.consumers) evidence(c, succs);
      const p = inherit(preds, succs, pass >= 2);
      if (p) {
        paths[nd.index] = p;
        sources[nd.index] = 'neighbour';
        changed = true;
      }
    }
    if (!changed && pass >= 2) break;
  }
  // Plumbing joins the modules shared by everything that reads it (consumers first: reverse order).
  for (let i = nodes.length - 1; i >= 0; i--) {
    const nd = nodes[i]!;
    if (paths[i] || !constant[i]) continue;
    let acc: string[] | null = null;
    for (const v of nd.outputs) {
      for (const c of v?.consumers ?? []) {
        if (c.graph !== graph) continue;
        const p = paths[c.index];
        if (p) acc = acc ? commonPrefix(acc, p) : p;
      }
    }
    if (acc) {
      paths[i] = acc;
      sources[i] = 'neighbour';
    }
  }
  return { paths: paths.map((p) => p ?? []), sources };
}
