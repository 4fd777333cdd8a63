/** Sugiyama-style layered layout of a plain node/edge list: rank, order, place, route. */
import { LayoutError } from '../errors.js';
import { assignCoordinates } from './coordinates.js';
import { orderLayers } from './ordering.js';
import { makeProper, type ProperGraph } from './proper-graph.js';
import { assignRanks, findBackEdges, indexGraph, PIN_FIRST, PIN_LAST, topoOrder } from './rank.js';

/** A box to place. */
export interface LayeredNode {
  id: string;
  width: number;
  height: number;
  /** Keep a source on the first rank, or a sink on a last rank of its own (ports, graph I/O). */
  pin?: 'first' | 'last';
}

/** A directed connection between two boxes. */
export interface LayeredEdge {
  source: string;
  target: string;
}

/** Tuning of layeredLayout. */
export interface LayeredOptions {
  /** 'TB' (default): ranks go down; 'LR': ranks go right. */
  direction?: 'TB' | 'LR';
  /** Gap between neighbouring boxes in a rank (default 24). */
  nodeSep?: number;
  /** Gap between neighbouring edge lanes in a rank (default 12). */
  edgeSep?: number;
  /** Gap between ranks (default 32). */
  rankSep?: number;
  /** Barycenter sweeps at most (default 8; fewer are used on very large graphs). */
  sweeps?: number;
}

/** Positions (top-left corners) and routed edges; edges are given in input order. */
export interface LayeredResult {
  width: number;
  height: number;
  nodes: Map<string, { x: number; y: number }>;
  /** `reversed` is set on edges that close a cycle: they leave the source's top and enter the target's bottom (LR: left / right). */
  edges: { source: string; target: string; points: number[]; reversed?: true }[];
}

/**
 * Lays out a directed graph in ranks. Edge `points` are polylines (x0,y0,x1,y1,…): they leave the
 * source's bottom centre (right centre in LR), run vertically through each rank they cross, and
 * end on the target's top centre (left centre in LR). Edges that close a cycle are laid out
 * reversed, flagged `reversed`, and still start at their source (on its top side).
 */
export function layeredLayout(
  nodes: LayeredNode[],
  edges: LayeredEdge[],
  options: LayeredOptions = {},
): LayeredResult {
  const lr = options.direction === 'LR';
  const nodeSep = options.nodeSep ?? 24;
  const edgeSep = options.edgeSep ?? 12;
  const rankSep = options.rankSep ?? 32;
  const n = nodes.length;
  const index = new Map<string, number>();
  nodes.forEach((nd, i) => {
    if (index.has(nd.id)) throw new LayoutError(`layout: duplicate node id '${nd.id}' at ${i}`);
    index.set(nd.id, i);
  });
  const es = new Int32Array(edges.length);
  const et = new Int32Array(edges.length);
  edges.forEach((e, i) => {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined) {
      throw new LayoutError(`layout: edge ${i} '${e.source}' → '${e.target}' names an unknown node`);
    }
    es[i] = s;
    et[i] = t;
  });
  const g = indexGraph(n, es, et);
  const back = findBackEdges(g);
  const dag = back.size ? indexGraph(n, ...reverseBack(es, et, back, n)) : g;
  let pins: Int8Array | undefined;
  nodes.forEach((nd, i) => {
    if (!nd.pin) return;
    pins ??= new Int8Array(n);
    pins[i] = nd.pin === 'first' ? PIN_FIRST : PIN_LAST;
  });
  const { rank, count } = assignRanks(dag, topoOrder(dag), pins);
  const proper = makeProper(dag, rank, count, es, et, back);
  const sweeps = options.sweeps ?? (proper.size > 60000 ? 4 : 8);
  const { layers, pos } = orderLayers(proper, sweeps);
  const extent = new Float64Array(proper.size);
  const thick = new Float64Array(proper.size);
  nodes.forEach((nd, i) => {
    extent[i] = lr ? nd.height : nd.width;
    thick[i] = lr ? nd.width : nd.height;
  });
  const cross = assignCoordinates({
    layers,
    pos,
    rank: proper.rank,
    up: proper.up,
    down: proper.down,
    realCount: n,
    extent,
    nodeSep,
    edgeSep,
  });
  let lo = Infinity;
  let hi = -Infinity;
  for (let v = 0; v < proper.size; v++) {
    lo = Math.min(lo, cross[v]! - extent[v]! / 2);
    hi = Math.max(hi, cross[v]! + extent[v]! / 2);
  }
  if (proper.size === 0) lo = hi = 0;
  for (let v = 0; v < proper.size; v++) cross[v]! -= lo;
  const bandTop = new Float64Array(count);
  const bandSize = new Float64Array(count);
  for (let v = 0; v < n; v++) bandSize[rank[v]!] = Math.max(bandSize[rank[v]!]!, thick[v]!);
  // Ranks of zero thickness (frame ports) need only half a gap: edges just pass through them.
  for (let r = 1; r < count; r++) {
    const gap = bandSize[r - 1] === 0 || bandSize[r] === 0 ? rankSep / 2 : rankSep;
    bandTop[r] = bandTop[r - 1]! + bandSize[r - 1]! + gap;
  }
  const mainLength = count ? bandTop[count - 1]! + bandSize[count - 1]! : 0;
  const out = new Map<string, { x: number; y: number }>();
  for (let v = 0; v < n; v++) {
    const c = cross[v]! - extent[v]! / 2;
    // Top-aligned in the rank: frames of different heights then start level with each other.
    const m = bandTop[rank[v]!]!;
    out.set(nodes[v]!.id, lr ? { x: m, y: c } : { x: c, y: m });
  }
  const routed = edges.map((e, i) => {
    const points = routeEdge(proper, i, cross, thick, bandTop, bandSize, lr);
    return proper.routes[i]!.reversed
      ? { source: e.source, target: e.target, points, reversed: true as const }
      : { source: e.source, target: e.target, points };
  });
  const crossLength = hi - lo;
  return {
    width: lr ? mainLength : crossLength,
    height: lr ? crossLength : mainLength,
    nodes: out,
    edges: routed,
  };
}

function reverseBack(es: Int32Array, et: Int32Array, back: Set<number>, n: number): [Int32Array, Int32Array] {
  const s = es.slice();
  const t = et.slice();
  for (let i = 0; i < s.length; i++) {
    if (back.has(es[i]! * n + et[i]!)) {
      s[i] = et[i]!;
      t[i] = es[i]!;
    }
  }
  return [s, t];
}

/** Polyline of one input edge through its bus dummies; collinear points are dropped. */
function routeEdge(
  g: ProperGraph,
  e: number,
  cross: Float64Array,
  thick: Float64Array,
  bandTop: Float64Array,
  bandSize: Float64Array,
  lr: boolean,
): number[] {
  const r = g.routes[e]!;
  const rank = g.rank;
  const pts: number[] = [];
  const push = (c: number, m: number): void => {
    const k = pts.length;
    // Drop the middle of three points on one straight line along the main axis.
    if (k >= 4 && pts[k - 2] === c && pts[k - 4] === c) pts[k - 1] = m;
    else pts.push(c, m);
  };
  const top = (v: number): number => bandTop[rank[v]!]!;
  push(cross[r.from]!, top(r.from) + thick[r.from]!);
  // From a box shorter than its rank, first drop to the rank's end in the box's own column.
  const end = top(r.from) + bandSize[rank[r.from]!]!;
  if (thick[r.from]! < bandSize[rank[r.from]!]!) push(cross[r.from]!, end);
  if (r.chain) {
    const span = rank[r.to]! - rank[r.from]!;
    for (let i = 0; i < span - 1; i++) {
      const d = r.chain[i]!;
      push(cross[d]!, bandTop[rank[d]!]!);
      push(cross[d]!, bandTop[rank[d]!]! + bandSize[rank[d]!]!);
    }
  }
  push(cross[r.to]!, top(r.to));
  if (r.reversed) {
    const rev: number[] = [];
    for (let i = pts.length - 2; i >= 0; i -= 2) rev.push(pts[i]!, pts[i + 1]!);
    pts.splice(0, pts.length, ...rev);
  }
  if (lr) for (let i = 0; i < pts.length; i += 2) [pts[i], pts[i + 1]] = [pts[i + 1]!, pts[i]!];
  return pts;
}
