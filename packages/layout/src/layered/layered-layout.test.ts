import { describe, expect, it } from 'vitest';
import { LayoutError } from '../errors.js';
import { layeredLayout, type LayeredEdge, type LayeredNode, type LayeredResult } from './layered-layout.js';

const box = (id: string, width = 80, height = 32): LayeredNode => ({ id, width, height });
const chainEdges = (ids: string[]): LayeredEdge[] =>
  ids.slice(1).map((t, i) => ({ source: ids[i]!, target: t }));
const cx = (r: LayeredResult, id: string, w = 80): number => r.nodes.get(id)!.x + w / 2;

/** Boxes in one layout never overlap; edges start and end on the right ports and go forward. */
function expectSound(nodes: LayeredNode[], edges: LayeredEdge[], r: LayeredResult, lr = false): void {
  const boxes = nodes.map((n) => ({ ...n, ...r.nodes.get(n.id)! }));
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    expect(a.x).toBeGreaterThanOrEqual(-1e-6);
    expect(a.y).toBeGreaterThanOrEqual(-1e-6);
    expect(a.x + a.width).toBeLessThanOrEqual(r.width + 1e-6);
    expect(a.y + a.height).toBeLessThanOrEqual(r.height + 1e-6);
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j]!;
      const apart =
        a.x + a.width <= b.x + 1e-6 ||
        b.x + b.width <= a.x + 1e-6 ||
        a.y + a.height <= b.y + 1e-6 ||
        b.y + b.height <= a.y + 1e-6;
      expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
    }
  }
  const byId = new Map(boxes.map((b) => [b.id, b]));
  r.edges.forEach((e, i) => {
    expect(e.source).toBe(edges[i]!.source);
    const s = byId.get(e.source)!;
    const t = byId.get(e.target)!;
    const p = e.points;
    const start = lr ? [s.x + s.width, s.y + s.height / 2] : [s.x + s.width / 2, s.y + s.height];
    const end = lr ? [t.x, t.y + t.height / 2] : [t.x + t.width / 2, t.y];
    expect(p[0]).toBeCloseTo(start[0]!, 6);
    expect(p[1]).toBeCloseTo(start[1]!, 6);
    expect(p[p.length - 2]).toBeCloseTo(end[0]!, 6);
    expect(p[p.length - 1]).toBeCloseTo(end[1]!, 6);
    const axis = lr ? 0 : 1;
    for (let k = axis + 2; k < p.length; k += 2) expect(p[k]!).toBeGreaterThanOrEqual(p[k - 2]! - 1e-6);
  });
}

describe('layeredLayout', () => {
  it('puts a chain in one straight column, one rank per node', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const nodes = ids.map((id) => box(id));
    const edges = chainEdges(ids);
    const r = layeredLayout(nodes, edges);
    expectSound(nodes, edges, r);
    for (const id of ids) expect(cx(r, id)).toBeCloseTo(cx(r, 'a'), 6);
    for (let i = 1; i < ids.length; i++)
      expect(r.nodes.get(ids[i]!)!.y).toBeGreaterThan(r.nodes.get(ids[i - 1]!)!.y);
    expect(r.width).toBe(80);
    for (const e of r.edges) expect(e.points).toHaveLength(4);
  });

  it('keeps the main chain straight and runs a ResNet skip edge beside it', () => {
    const main = ['in', 'conv1', 'relu', 'conv2', 'add', 'out'];
    const nodes = main.map((id) => box(id));
    const edges = [...chainEdges(main), { source: 'in', target: 'add' }];
    const r = layeredLayout(nodes, edges);
    expectSound(nodes, edges, r);
    for (const id of main) expect(cx(r, id)).toBeCloseTo(cx(r, 'in'), 6);
    // The skip edge leaves the column, runs straight down, and comes back: x differs in the middle.
    const skip = r.edges[r.edges.length - 1]!.points;
    const midXs = skip.filter((_, i) => i % 2 === 0).slice(1, -1);
    expect(midXs.length).toBeGreaterThan(0);
    for (const x of midXs) expect(Math.abs(x - cx(r, 'in'))).toBeGreaterThan(40);
  });

  it('centres a fork and its join over symmetric Inception branches', () => {
    const nodes = [
      box('in'),
      box('b1'),
      box('b2a'),
      box('b2b'),
      box('b3a'),
      box('b3b'),
      box('b4'),
      box('cat'),
    ];
    const edges: LayeredEdge[] = [
      { source: 'in', target: 'b1' },
      { source: 'in', target: 'b2a' },
      { source: 'b2a', target: 'b2b' },
      { source: 'in', target: 'b3a' },
      { source: 'b3a', target: 'b3b' },
      { source: 'in', target: 'b4' },
      { source: 'b1', target: 'cat' },
      { source: 'b2b', target: 'cat' },
      { source: 'b3b', target: 'cat' },
      { source: 'b4', target: 'cat' },
    ];
    const r = layeredLayout(nodes, edges);
    expectSound(nodes, edges, r);
    const tops = ['b1', 'b2a', 'b3a', 'b4'].map((id) => cx(r, id));
    const mid = (Math.min(...tops) + Math.max(...tops)) / 2;
    expect(Math.abs(cx(r, 'in') - mid)).toBeLessThan(1);
    expect(Math.abs(cx(r, 'cat') - cx(r, 'in'))).toBeLessThan(1);
  });

  it('routes a long edge with many consumers along one shared bus', () => {
    // a feeds every later node, as in a DenseNet block.
    const ids = Array.from({ length: 10 }, (_, i) => `n${i}`);
    const nodes = ids.map((id) => box(id));
    const edges = [...chainEdges(ids)];
    for (let i = 2; i < ids.length; i++) edges.push({ source: 'n0', target: ids[i]! });
    const r = layeredLayout(nodes, edges);
    expectSound(nodes, edges, r);
    // All bus edges share the same lane: their second points coincide.
    const bus = r.edges.slice(ids.length - 1);
    for (const e of bus.slice(1)) expect(e.points[2]).toBeCloseTo(bus[0]!.points[2]!, 6);
    expect(r.width).toBeLessThan(200);
  });

  it('lays out left to right with the same guarantees', () => {
    const main = ['in', 'a', 'b', 'add'];
    const nodes = main.map((id) => box(id, 60, 30));
    const edges = [...chainEdges(main), { source: 'in', target: 'add' }];
    const r = layeredLayout(nodes, edges, { direction: 'LR' });
    expectSound(nodes, edges, r, true);
    for (const id of main) expect(r.nodes.get(id)!.y).toBeCloseTo(r.nodes.get('in')!.y, 6);
    expect(r.width).toBeGreaterThan(r.height);
  });

  it('survives cycles and self loops, and edges still start at their source', () => {
    const nodes = ['a', 'b', 'c'].map((id) => box(id));
    const edges = [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'c', target: 'a' },
      { source: 'b', target: 'b' },
    ];
    const r = layeredLayout(nodes, edges);
    expect(r.edges).toHaveLength(4);
    const c = r.nodes.get('c')!;
    const back = r.edges[2]!.points;
    // c is drawn below a, so the back edge leaves c's top centre and is flagged.
    expect(back[0]).toBeCloseTo(c.x + 40, 6);
    expect(back[1]).toBeCloseTo(c.y, 6);
    expect(r.edges.map((e) => e.reversed ?? false)).toEqual([false, false, true, false]);
  });

  it('is deterministic and handles empty and disconnected input', () => {
    expect(layeredLayout([], [])).toMatchObject({ width: 0, height: 0 });
    const nodes = ['a', 'b', 'x', 'y'].map((id) => box(id));
    const edges = [
      { source: 'a', target: 'b' },
      { source: 'x', target: 'y' },
    ];
    const r1 = layeredLayout(nodes, edges);
    const r2 = layeredLayout(nodes, edges);
    expect(JSON.stringify([...r1.nodes])).toBe(JSON.stringify([...r2.nodes]));
    expectSound(nodes, edges, r1);
  });

  it('names the bad edge or node in its errors', () => {
    expect(() => layeredLayout([box('a')], [{ source: 'a', target: 'zz' }])).toThrow(LayoutError);
    expect(() => layeredLayout([box('a')], [{ source: 'a', target: 'zz' }])).toThrow(/'zz'/);
    expect(() => layeredLayout([box('a'), box('a')], [])).toThrow(/duplicate node id 'a'/);
  });
});
