/** Turns a ranked graph into a "proper" one (every edge spans one rank) with shared bus dummies. */
import type { IndexGraph } from './rank.js';

/** The layered graph the ordering and coordinate phases work on. Ids < realCount are real nodes. */
export interface ProperGraph {
  size: number;
  realCount: number;
  rank: Int32Array;
  rankCount: number;
  /** Neighbours one rank up / down, without duplicates. */
  up: number[][];
  down: number[][];
  /** Per input edge: its dummy chain (null for a one-rank edge) and whether it runs reversed. */
  routes: EdgeRoute[];
}

/** How one input edge is carried through the proper graph. */
export interface EdgeRoute {
  /** Layout-direction endpoints (swapped for a reversed edge). */
  from: number;
  to: number;
  reversed: boolean;
  /** Dummies from `from`'s rank + 1 onwards; the edge uses the first rank(to) - rank(from) - 1. */
  chain: Int32Array | null;
}

/**
 * Long edges leaving the same node share one chain of dummies (a "bus") down to the farthest
 * target, and each target taps off the bus one rank above it. A tensor read by many later layers
 * (DenseNet concatenations, transformer residuals) thus costs one dummy per rank instead of one
 * per rank per consumer, which keeps DenseNet blocks quadratic instead of cubic.
 */
export function makeProper(
  g: IndexGraph,
  rank: Int32Array,
  rankCount: number,
  edgeSources: ArrayLike<number>,
  edgeTargets: ArrayLike<number>,
  back: Set<number>,
): ProperGraph {
  const n = g.n;
  const up: number[][] = Array.from({ length: n }, () => []);
  const down: number[][] = Array.from({ length: n }, () => []);
  const ranks: number[] = Array.from(rank);
  const seen = new Set<number>();
  let size = n;
  const link = (a: number, b: number): void => {
    const key = a * 4294967296 + b;
    if (seen.has(key)) return;
    seen.add(key);
    down[a]!.push(b);
    up[b]!.push(a);
  };
  const routes: EdgeRoute[] = [];
  // Farthest span per (source, reversed) bus, then the chains themselves.
  const busSpan = new Map<number, number>();
  const busKey = (from: number, reversed: boolean): number => from * 2 + (reversed ? 1 : 0);
  for (let e = 0; e < edgeSources.length; e++) {
    const s = edgeSources[e]!;
    const t = edgeTargets[e]!;
    const reversed = back.has(s * n + t) || rank[s]! > rank[t]!;
    const from = reversed ? t : s;
    const to = reversed ? s : t;
    routes.push({ from, to, reversed, chain: null });
    const span = rank[to]! - rank[from]!;
    if (span > 1) {
      const k = busKey(from, reversed);
      busSpan.set(k, Math.max(busSpan.get(k) ?? 0, span));
    }
  }
  const chains = new Map<number, Int32Array>();
  for (const [k, span] of busSpan) {
    const from = Math.floor(k / 2);
    const chain = new Int32Array(span - 1);
    let prev = from;
    for (let i = 0; i < chain.length; i++) {
      const d = size++;
      chain[i] = d;
      ranks.push(rank[from]! + 1 + i);
      up.push([]);
      down.push([]);
      link(prev, d);
      prev = d;
    }
    chains.set(k, chain);
  }
  for (const r of routes) {
    if (r.from === r.to) continue;
    const span = rank[r.to]! - rank[r.from]!;
    if (span <= 1) {
      link(r.from, r.to);
      continue;
    }
    r.chain = chains.get(busKey(r.from, r.reversed))!;
    link(r.chain[span - 2]!, r.to);
  }
  return { size, realCount: n, rank: Int32Array.from(ranks), rankCount, up, down, routes };
}
