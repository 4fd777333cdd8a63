/** Groups a graph's nodes into a tree of name scopes (modules), like TensorBoard's graph view. */
import type { Graph } from '@nnlens/ir';
import { constantNodes } from './constant-nodes.js';
import { markRepeats } from './repeats.js';
import { nodeScopes, type ScopeSource } from './scope-paths.js';

/** A run of identical sibling groups (e.g. the 24 layers of an encoder): "× count". */
export interface RepeatInfo {
  /** Hash of the group's op structure; equal for groups that repeat one another. */
  signature: string;
  /** Position in the run, from 0. */
  index: number;
  /** Length of the run. */
  count: number;
}

/** One scope: a module of the network. The root has id '' and no parent. */
export interface ScopeGroup {
  /** Path of labels joined by '/', e.g. 'layer1/layer1.0'. */
  id: string;
  /** Last part of the path, e.g. 'layer1.0'. */
  label: string;
  parent: ScopeGroup | null;
  /** Child groups in graph order (by their first node). */
  children: ScopeGroup[];
  /** Direct member node indices, ascending. */
  nodes: number[];
  /** All nodes below, at any depth. */
  nodeCount: number;
  /** Nesting depth: 0 for the root, 1 for top-level groups. */
  depth: number;
  /** Smallest index of a node below the group that is not weight plumbing (see constantNodes). */
  firstNode: number;
  /** Set when the group is one of a run of structurally identical siblings. */
  repeat?: RepeatInfo;
}

/** The scope tree of a graph. */
export interface ScopeTree {
  root: ScopeGroup;
  /** Every group except the root, by id. */
  groups: Map<string, ScopeGroup>;
  /** Group id of each node by node index; '' = root. */
  groupOfNode: string[];
  /** Where each node's scope came from (node name, weight names, neighbours, or none). */
  scopeSource: ScopeSource[];
}

function newGroup(id: string, label: string, parent: ScopeGroup | null, depth: number): ScopeGroup {
  return { id, label, parent, children: [], nodes: [], nodeCount: 0, depth, firstNode: Infinity };
}

/**
 * Builds the tree. A scope that would hold a single node (not counting weight plumbing) is not
 * created: its nodes go to the nearest enclosing scope, so leaf modules like `conv1` do not
 * become one-box groups.
 */
export function buildScopeTree(graph: Graph): ScopeTree {
  const constant = constantNodes(graph);
  const { paths, sources } = nodeScopes(graph, constant);
  // Weight plumbing (Identity aliases, Constants) does not count towards a group's size, so
  // that an exporter's aliases cannot turn a leaf module into a group in some blocks only.
  const count = new Map<string, number>();
  const ids: string[][] = paths.map((p, i) => {
    const out: string[] = [];
    let id = '';
    for (const part of p) {
      id = id ? `${id}/${part}` : part;
      out.push(id);
      if (!constant[i]) count.set(id, (count.get(id) ?? 0) + 1);
    }
    return out;
  });
  const root = newGroup('', '', null, 0);
  const groups = new Map<string, ScopeGroup>();
  const groupOfNode: string[] = new Array(paths.length);
  for (let i = 0; i < paths.length; i++) {
    let g = root;
    const chain = ids[i]!;
    for (let k = 0; k < chain.length; k++) {
      const id = chain[k]!;
      if ((count.get(id) ?? 0) < 2) break;
      let child = groups.get(id);
      if (!child) {
        child = newGroup(id, paths[i]![k]!, g, g.depth + 1);
        groups.set(id, child);
        g.children.push(child);
      }
      g = child;
    }
    g.nodes.push(i);
    groupOfNode[i] = g.id;
    for (let a: ScopeGroup | null = g; a; a = a.parent) {
      a.nodeCount++;
      if (!constant[i] && i < a.firstNode) a.firstNode = i;
    }
  }
  // Groups of weight plumbing only are ordered by their first node of any kind.
  for (const g of groups.values()) if (g.firstNode === Infinity) g.firstNode = firstAny(g);
  if (root.firstNode === Infinity) root.firstNode = 0;
  // Children were created in order of their first node already; keep that order explicit.
  for (const g of [root, ...groups.values()]) g.children.sort((a, b) => a.firstNode - b.firstNode);
  markRepeats(root, graph, constant, (i) => (groupOfNode[i] ? groups.get(groupOfNode[i]!)! : root));
  return { root, groups, groupOfNode, scopeSource: sources };
}

function firstAny(g: ScopeGroup): number {
  let m = g.nodes.length ? g.nodes[0]! : Infinity;
  for (const c of g.children) m = Math.min(m, firstAny(c));
  return m;
}
