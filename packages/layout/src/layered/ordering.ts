/** Crossing reduction: DFS initial order, then barycenter sweeps keeping the best order seen. */
import { totalCrossings } from './crossings.js';
import type { ProperGraph } from './proper-graph.js';

/** Layers as ordered node lists, with each node's index in its layer. */
export interface Ordering {
  layers: number[][];
  pos: Int32Array;
}

/**
 * Depth-first order from the sources (in id order, i.e. graph order) so that each branch of a
 * fork starts contiguous; DNN exports list nodes topologically, which makes this a good start.
 */
function initialOrder(g: ProperGraph): Ordering {
  const layers: number[][] = Array.from({ length: g.rankCount }, () => []);
  const pos = new Int32Array(g.size);
  const visited = new Uint8Array(g.size);
  const stack: number[] = [];
  const visit = (root: number): void => {
    stack.push(root);
    while (stack.length) {
      const v = stack.pop()!;
      if (visited[v]) continue;
      visited[v] = 1;
      const layer = layers[g.rank[v]!]!;
      pos[v] = layer.length;
      layer.push(v);
      const ds = g.down[v]!;
      // Reverse push so the first successor is explored first.
      for (let i = ds.length - 1; i >= 0; i--) if (!visited[ds[i]!]) stack.push(ds[i]!);
    }
  };
  for (let v = 0; v < g.size; v++) if (g.up[v]!.length === 0) visit(v);
  for (let v = 0; v < g.size; v++) if (!visited[v]) visit(v);
  return { layers, pos };
}

/**
 * Reorders one layer by the barycenter of its neighbours in the fixed adjacent layer. Nodes
 * without such neighbours keep their slots; the others are sorted into the remaining slots.
 */
function sweepLayer(
  layer: number[],
  nbrs: number[][],
  pos: Int32Array,
  keys: Float64Array,
  movable: number[],
  slots: number[],
): void {
  movable.length = 0;
  slots.length = 0;
  for (let i = 0; i < layer.length; i++) {
    const v = layer[i]!;
    const ns = nbrs[v]!;
    if (ns.length === 0) continue;
    let sum = 0;
    for (const u of ns) sum += pos[u]!;
    keys[v] = sum / ns.length;
    movable.push(v);
    slots.push(i);
  }
  movable.sort((a, b) => keys[a]! - keys[b]! || pos[a]! - pos[b]!);
  for (let k = 0; k < movable.length; k++) layer[slots[k]!] = movable[k]!;
  for (let i = 0; i < layer.length; i++) pos[layer[i]!] = i;
}

/** Orders every layer to reduce crossings. `maxSweeps` bounds work on huge graphs. */
export function orderLayers(g: ProperGraph, maxSweeps = 8): Ordering {
  const ord = initialOrder(g);
  const { layers, pos } = ord;
  let best = totalCrossings(layers, g.down, pos);
  let bestLayers = layers.map((l) => l.slice());
  if (best === 0 || maxSweeps === 0) return ord;
  const keys = new Float64Array(g.size);
  const movable: number[] = [];
  const slots: number[] = [];
  let stale = 0;
  for (let sweep = 0; sweep < maxSweeps && stale < 3; sweep++) {
    if (sweep % 2 === 0)
      for (let i = 1; i < layers.length; i++) sweepLayer(layers[i]!, g.up, pos, keys, movable, slots);
    else
      for (let i = layers.length - 2; i >= 0; i--) sweepLayer(layers[i]!, g.down, pos, keys, movable, slots);
    const c = totalCrossings(layers, g.down, pos);
    if (c < best) {
      best = c;
      bestLayers = layers.map((l) => l.slice());
      stale = 0;
      if (c === 0) break;
    } else stale++;
  }
  for (const l of bestLayers) for (let i = 0; i < l.length; i++) pos[l[i]!] = i;
  return { layers: bestLayers, pos };
}
