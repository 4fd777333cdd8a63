import { describe, expect, it } from 'vitest';
import { totalCrossings } from './crossings.js';
import { orderLayers } from './ordering.js';
import { makeProper } from './proper-graph.js';
import { assignRanks, findBackEdges, indexGraph, topoOrder } from './rank.js';

function proper(n: number, edges: [number, number][]) {
  const s = edges.map((e) => e[0]);
  const t = edges.map((e) => e[1]);
  const g = indexGraph(n, s, t);
  const { rank, count } = assignRanks(g, topoOrder(g));
  return makeProper(g, rank, count, s, t, findBackEdges(g));
}

/** Fork–join blocks in series, each with branches of different lengths (Inception-like). */
function seriesParallel(blocks: number, branchLengths: number[]): { n: number; edges: [number, number][] } {
  const edges: [number, number][] = [];
  let n = 1;
  let head = 0;
  for (let b = 0; b < blocks; b++) {
    const join = n++;
    // Branch order deliberately differs from block to block.
    const order = b % 2 ? branchLengths.slice().reverse() : branchLengths;
    for (const len of order) {
      let prev = head;
      for (let k = 0; k < len; k++) {
        edges.push([prev, n]);
        prev = n++;
      }
      edges.push([prev, join]);
    }
    head = join;
  }
  return { n, edges };
}

describe('orderLayers', () => {
  it('draws series-parallel (planar) networks without crossings', () => {
    const { n, edges } = seriesParallel(5, [1, 3, 2, 4]);
    const g = proper(n, edges);
    const o = orderLayers(g);
    expect(totalCrossings(o.layers, g.down, o.pos)).toBe(0);
  });

  it('never ends worse than its initial order, and positions match layers', () => {
    // A dense block: every node feeds every later one.
    const edges: [number, number][] = [];
    for (let i = 0; i < 12; i++) for (let j = i + 1; j < 12; j++) edges.push([i, j]);
    const g = proper(12, edges);
    const init = orderLayers(g, 0);
    const initial = totalCrossings(init.layers, g.down, init.pos);
    const o = orderLayers(g);
    expect(totalCrossings(o.layers, g.down, o.pos)).toBeLessThanOrEqual(initial);
    for (const l of o.layers) l.forEach((v, i) => expect(o.pos[v]).toBe(i));
    expect(o.layers.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: g.size }, (_, i) => i));
  });

  it('shares one dummy chain per source among its long edges', () => {
    const edges: [number, number][] = [];
    for (let i = 0; i < 9; i++) edges.push([i, i + 1]);
    for (let j = 2; j < 10; j++) edges.push([0, j]);
    const g = proper(10, edges);
    // Node 0's farthest target is 9 ranks down: 8 dummies, shared by all 8 long edges.
    expect(g.size - 10).toBe(8);
  });
});
