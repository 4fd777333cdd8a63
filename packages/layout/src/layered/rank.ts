/** Layer assignment: cycle breaking, longest-path ranks, then a pull-down pass that shortens edges. */

/** Pin codes: a source kept on the first rank, a sink kept on a last rank of its own. */
export const PIN_FIRST = 1;
export const PIN_LAST = 2;

/** A directed graph on dense integer ids, as adjacency lists. */
export interface IndexGraph {
  n: number;
  out: number[][];
  in: number[][];
}

/** Builds adjacency lists; self loops are dropped (they never change the layering). */
export function indexGraph(n: number, sources: ArrayLike<number>, targets: ArrayLike<number>): IndexGraph {
  const out: number[][] = Array.from({ length: n }, () => []);
  const inn: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e]!;
    const t = targets[e]!;
    if (s === t) continue;
    out[s]!.push(t);
    inn[t]!.push(s);
  }
  return { n, out, in: inn };
}

/**
 * Marks edges that close a cycle (DFS back edges, visiting roots in id order) so they can be
 * laid out reversed. DNN graphs are DAGs, so this is almost always empty. Returns keys s*n+t.
 */
export function findBackEdges(g: IndexGraph): Set<number> {
  const back = new Set<number>();
  const state = new Uint8Array(g.n); // 0 new, 1 on stack, 2 done
  const stackNode: number[] = [];
  const stackIdx: number[] = [];
  for (let root = 0; root < g.n; root++) {
    if (state[root]) continue;
    stackNode.push(root);
    stackIdx.push(0);
    state[root] = 1;
    while (stackNode.length) {
      const top = stackNode.length - 1;
      const v = stackNode[top]!;
      const i = stackIdx[top]!;
      const outs = g.out[v]!;
      if (i < outs.length) {
        stackIdx[top] = i + 1;
        const w = outs[i]!;
        if (state[w] === 1) back.add(v * g.n + w);
        else if (state[w] === 0) {
          state[w] = 1;
          stackNode.push(w);
          stackIdx.push(0);
        }
      } else {
        state[v] = 2;
        stackNode.pop();
        stackIdx.pop();
      }
    }
  }
  return back;
}

/** Topological order (Kahn, smallest id first among ready nodes in FIFO order). */
export function topoOrder(g: IndexGraph): Int32Array {
  const indeg = new Int32Array(g.n);
  for (let v = 0; v < g.n; v++) for (const w of g.out[v]!) indeg[w]!++;
  const order = new Int32Array(g.n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < g.n; v++) if (indeg[v] === 0) order[tail++] = v;
  while (head < tail) {
    const v = order[head++]!;
    for (const w of g.out[v]!) if (--indeg[w]! === 0) order[tail++] = w;
  }
  if (tail !== g.n)
    throw new Error(`layout: graph still has a cycle after cycle breaking (${g.n - tail} nodes)`);
  return order;
}

/**
 * Ranks for an acyclic graph: longest path from the sources, then nodes whose outgoing edges
 * outnumber incoming ones (sources such as weights or shape constants in particular) are pulled
 * down next to their first consumer, unless pinned first. Sinks pinned last go below everything.
 * Empty ranks are squeezed out. Returns rank per node and count.
 */
export function assignRanks(
  g: IndexGraph,
  order: Int32Array,
  pins?: Int8Array,
): { rank: Int32Array; count: number } {
  const rank = new Int32Array(g.n);
  for (const v of order) {
    let r = 0;
    for (const u of g.in[v]!) if (rank[u]! + 1 > r) r = rank[u]! + 1;
    rank[v] = r;
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i]!;
    const outs = g.out[v]!;
    if (outs.length === 0 || outs.length <= g.in[v]!.length || pins?.[v] === PIN_FIRST) continue;
    let m = Infinity;
    for (const w of outs) if (rank[w]! < m) m = rank[w]!;
    if (m - 1 > rank[v]!) rank[v] = m - 1;
  }
  let max = -1;
  for (let v = 0; v < g.n; v++)
    if (rank[v]! > max && !(pins?.[v] === PIN_LAST && g.out[v]!.length === 0)) max = rank[v]!;
  // Sinks pinned last get a rank of their own below everything else.
  if (pins) {
    let pinned = false;
    for (let v = 0; v < g.n; v++) {
      if (pins[v] === PIN_LAST && g.out[v]!.length === 0) {
        rank[v] = max + 1;
        pinned = true;
      }
    }
    if (pinned) max++;
  }
  const used = new Uint8Array(max + 1);
  for (let v = 0; v < g.n; v++) used[rank[v]!] = 1;
  const remap = new Int32Array(max + 1);
  let count = 0;
  for (let r = 0; r <= max; r++) if (used[r]) remap[r] = count++;
  for (let v = 0; v < g.n; v++) rank[v] = remap[rank[v]!]!;
  return { rank, count };
}
