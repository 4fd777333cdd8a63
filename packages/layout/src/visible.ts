/** Decides which boxes are visible for a set of expanded groups, and the edges between them. */
import type { Graph, Node } from '@nnlens/ir';
import type { ScopeGroup, ScopeTree } from './scope-tree.js';

/** A visible box: an op node, a collapsed group, an expanded group (frame) or a graph input/output. */
export type VisibleItem =
  | { kind: 'node'; id: string; node: Node; container: ScopeGroup }
  | { kind: 'group'; id: string; group: ScopeGroup; expanded: boolean; container: ScopeGroup }
  | { kind: 'io'; id: string; io: 'input' | 'output'; valueName: string; container: ScopeGroup };

/** An edge between two visible boxes, carrying one or more tensors. */
export interface VisibleEdge {
  from: string;
  to: string;
  values: string[];
}

/** Item id of a node, a group, a graph input and a graph output. */
export const itemId = {
  node: (n: Node): string => `node:${n.index}`,
  group: (g: ScopeGroup): string => `group:${g.id}`,
  input: (name: string): string => `input:${name}`,
  output: (name: string): string => `output:${name}`,
};

/** The visible boxes and edges of one view. */
export interface VisibleGraph {
  items: Map<string, VisibleItem>;
  edges: VisibleEdge[];
}

/**
 * Every node is represented by itself when all its enclosing groups are expanded, otherwise by
 * its outermost collapsed group. Edges inside one representative vanish; weights (initializers)
 * and hidden nodes produce no edges.
 */
export function visibleGraph(
  graph: Graph,
  tree: ScopeTree,
  expanded: ReadonlySet<string>,
  hidden: ((node: Node) => boolean) | undefined,
): VisibleGraph {
  const items = new Map<string, VisibleItem>();
  const repOfGroup = new Map<ScopeGroup, ScopeGroup | null>([[tree.root, null]]);
  const groupRep = (g: ScopeGroup): ScopeGroup | null => {
    let r = repOfGroup.get(g);
    if (r !== undefined) return r;
    const above = groupRep(g.parent!);
    r = above ?? (expanded.has(g.id) ? null : g);
    repOfGroup.set(g, r);
    if (!r)
      items.set(itemId.group(g), {
        kind: 'group',
        id: itemId.group(g),
        group: g,
        expanded: true,
        container: g.parent!,
      });
    else if (r === g)
      items.set(itemId.group(g), {
        kind: 'group',
        id: itemId.group(g),
        group: g,
        expanded: false,
        container: g.parent!,
      });
    return r;
  };
  const nodeRep: (string | null)[] = new Array(graph.nodes.length).fill(null);
  for (const nd of graph.nodes) {
    if (hidden?.(nd)) continue;
    const g = nd.index < tree.groupOfNode.length ? groupOfIndex(tree, nd.index) : tree.root;
    const r = groupRep(g);
    if (r) nodeRep[nd.index] = itemId.group(r);
    else {
      const id = itemId.node(nd);
      nodeRep[nd.index] = id;
      items.set(id, { kind: 'node', id, node: nd, container: g });
    }
  }
  const edgeIndex = new Map<string, VisibleEdge>();
  const edges: VisibleEdge[] = [];
  const connect = (from: string, to: string, value: string): void => {
    if (from === to) return;
    const key = `${from}\n${to}`;
    let e = edgeIndex.get(key);
    if (!e) {
      e = { from, to, values: [] };
      edgeIndex.set(key, e);
      edges.push(e);
    }
    if (!e.values.includes(value)) e.values.push(value);
  };
  const inputs = new Set<string>();
  const ensureInput = (name: string): string => {
    const id = itemId.input(name);
    if (!items.has(id)) items.set(id, { kind: 'io', id, io: 'input', valueName: name, container: tree.root });
    inputs.add(name);
    return id;
  };
  for (const v of graph.inputs) if (!v.initializer) ensureInput(v.name);
  const sourceOf = (name: string, producer: Node | undefined): string | null => {
    if (producer && producer.graph === graph) return nodeRep[producer.index] ?? null;
    // In a subgraph, values of the enclosing graphs enter like graph inputs.
    if (producer || inputs.has(name)) return ensureInput(name);
    return null;
  };
  for (const nd of graph.nodes) {
    const to = nodeRep[nd.index];
    if (!to) continue;
    for (const v of nd.inputs) {
      if (!v || v.initializer) continue;
      const from = sourceOf(v.name, v.producer);
      if (from) connect(from, to, v.name);
    }
  }
  for (const v of graph.outputs) {
    const id = itemId.output(v.name);
    if (items.has(id)) continue;
    items.set(id, { kind: 'io', id, io: 'output', valueName: v.name, container: tree.root });
    const from = sourceOf(v.name, v.producer);
    if (from) connect(from, id, v.name);
  }
  return { items, edges };
}

function groupOfIndex(tree: ScopeTree, index: number): ScopeGroup {
  const id = tree.groupOfNode[index]!;
  return id ? tree.groups.get(id)! : tree.root;
}
