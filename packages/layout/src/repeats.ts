/** Finds runs of structurally identical sibling groups (repeated blocks such as transformer layers). */
import type { Graph, Node } from '@nnlens/ir';
import type { ScopeGroup } from './scope-tree.js';

/** 32-bit FNV-1a of a string, as 8 hex digits. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** An op with its domain and primitive attributes (kernel sizes, axes), not its weights' shapes. */
function opKey(nd: Node): string {
  let k = nd.domain ? `${nd.domain}:${nd.op}` : nd.op;
  for (const a of nd.attributes) {
    if (a.kind === 'int' || a.kind === 'float' || a.kind === 'string' || a.kind === 'bool')
      k += `;${a.name}=${a.value}`;
    else if (a.kind === 'ints' || a.kind === 'floats' || a.kind === 'strings')
      k += `;${a.name}=${a.value.join(' ')}`;
  }
  return k;
}

/** True when some node of `next` reads a value produced inside `prev` (a sequential stack). */
function feeds(
  prev: ScopeGroup,
  next: ScopeGroup,
  graph: Graph,
  groupOf: (i: number) => ScopeGroup,
): boolean {
  const inside = (g: ScopeGroup, target: ScopeGroup): boolean => {
    for (let a: ScopeGroup | null = g; a; a = a.parent) if (a === target) return true;
    return false;
  };
  const stack = [next];
  while (stack.length) {
    const g = stack.pop()!;
    for (const i of g.nodes) {
      for (const v of graph.nodes[i]!.inputs) {
        const p = v?.producer;
        if (p && p.graph === graph && inside(groupOf(p.index), prev)) return true;
      }
    }
    stack.push(...g.children);
  }
  return false;
}

/**
 * Gives every group a structural signature (its ops and child structures in graph order, names
 * ignored) and marks runs of siblings that repeat one another: equal signatures, adjacent in
 * graph order (no op of the parent between them) and each feeding the next, as stacked layers
 * do (parallel Inception branches are not a repeat). Interning keeps the pass linear.
 */
export function markRepeats(
  root: ScopeGroup,
  graph: Graph,
  skip: boolean[],
  groupOf: (i: number) => ScopeGroup,
): void {
  const intern = new Map<string, number>();
  const key = new Map<ScopeGroup, number>();
  const visit = (g: ScopeGroup): number => {
    for (const c of g.children) visit(c);
    const parts: string[] = [];
    let ci = 0;
    let ni = 0;
    while (ci < g.children.length || ni < g.nodes.length) {
      const c = g.children[ci];
      const nIdx = g.nodes[ni];
      if (c && (nIdx === undefined || c.firstNode < nIdx)) {
        parts.push(`#${key.get(c)}`);
        ci++;
      } else {
        if (!skip[nIdx!]) parts.push(opKey(graph.nodes[nIdx!]!));
        ni++;
      }
    }
    const s = parts.join(',');
    let id = intern.get(s);
    if (id === undefined) {
      id = intern.size;
      intern.set(s, id);
    }
    key.set(g, id);
    return id;
  };
  visit(root);
  // The public signature hashes the fully expanded structure, so it is stable across graphs.
  const expanded = new Map<number, string>();
  const signature = (g: ScopeGroup): string => {
    const k = key.get(g)!;
    let s = expanded.get(k);
    if (s === undefined) {
      const parts: string[] = [];
      for (const c of g.children) parts.push(signature(c));
      for (const i of g.nodes) if (!skip[i]) parts.push(graph.nodes[i]!.op);
      s = fnv1a(parts.join(','));
      expanded.set(k, s);
    }
    return s;
  };
  const walk = (g: ScopeGroup): void => {
    const cs = g.children;
    const adjacent = (a: ScopeGroup, b: ScopeGroup): boolean => {
      // No direct op of the parent sits between the two groups in graph order.
      for (const i of g.nodes) if (i > a.firstNode && i < b.firstNode && !skip[i]) return false;
      return true;
    };
    for (let i = 0; i < cs.length;) {
      let j = i + 1;
      while (
        j < cs.length &&
        key.get(cs[j]!) === key.get(cs[i]!) &&
        adjacent(cs[j - 1]!, cs[j]!) &&
        feeds(cs[j - 1]!, cs[j]!, graph, groupOf)
      ) {
        j++;
      }
      if (j - i >= 2) {
        const sig = signature(cs[i]!);
        for (let k = i; k < j; k++) cs[k]!.repeat = { signature: sig, index: k - i, count: j - i };
      }
      i = j;
    }
    for (const c of cs) walk(c);
  };
  walk(root);
}
