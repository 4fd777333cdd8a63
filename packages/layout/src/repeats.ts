/** Finds runs of structurally identical sibling groups (repeated blocks such as transformer layers). */
import type { Graph } from '@nnlens/ir';
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

/**
 * Gives every group a structural signature (its ops and child structures in graph order, names
 * ignored) and marks consecutive siblings with equal signatures as a run. Interning keeps each
 * group's key proportional to its direct members, so the whole pass is linear.
 */
export function markRepeats(root: ScopeGroup, graph: Graph): void {
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
        const nd = graph.nodes[nIdx!]!;
        parts.push(nd.domain ? `${nd.domain}:${nd.op}` : nd.op);
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
      for (const i of g.nodes) parts.push(graph.nodes[i]!.op);
      s = fnv1a(`${g.nodes.length}|${parts.join(',')}`);
      expanded.set(k, s);
    }
    return s;
  };
  const walk = (g: ScopeGroup): void => {
    const cs = g.children;
    for (let i = 0; i < cs.length;) {
      let j = i + 1;
      while (j < cs.length && key.get(cs[j]!) === key.get(cs[i]!)) j++;
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
