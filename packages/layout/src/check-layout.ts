/** Structural checks of a GraphLayout: no overlaps, frames hold their contents, edges meet their ports. */
import type { GraphLayout, LayoutItem } from './layout-graph.js';
import type { ScopeTree } from './scope-tree.js';

type Box = { x: number; y: number; width: number; height: number };

const EPS = 0.01;

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - EPS &&
    inner.y >= outer.y - EPS &&
    inner.x + inner.width <= outer.x + outer.width + EPS &&
    inner.y + inner.height <= outer.y + outer.height + EPS
  );
}

function overlap(a: Box, b: Box): boolean {
  return (
    a.x < b.x + b.width - EPS &&
    b.x < a.x + a.width - EPS &&
    a.y < b.y + b.height - EPS &&
    b.y < a.y + a.height - EPS
  );
}

/**
 * Problems found, as readable sentences (empty when the layout is sound). With `tree`, also checks
 * that every item lies inside the frames of its expanded ancestor groups. `monotonic` checks
 * that edges not flagged `reversed` only move forward along the rank axis; `avoidBoxes` (with
 * `tree`) that no edge passes through a box other than its ends and the frames around them
 * (edges flagged `reversed` are exempt).
 */
export function checkLayout(
  layout: GraphLayout,
  options: { tree?: ScopeTree; direction?: 'TB' | 'LR'; monotonic?: boolean; avoidBoxes?: boolean } = {},
): string[] {
  const problems: string[] = [];
  const byId = new Map<string, LayoutItem>();
  for (const it of layout.items) {
    if (byId.has(it.id)) problems.push(`duplicate item id ${it.id}`);
    byId.set(it.id, it);
    if (!(it.width > 0 && it.height > 0)) problems.push(`item ${it.id} has an empty box`);
    if (
      it.x < -EPS ||
      it.y < -EPS ||
      it.x + it.width > layout.width + EPS ||
      it.y + it.height > layout.height + EPS
    ) {
      problems.push(`item ${it.id} lies outside the layout bounds`);
    }
  }
  // Sweep along x: any two overlapping boxes must be a frame and something inside it.
  const sorted = layout.items.slice().sort((a, b) => a.x - b.x);
  const active: LayoutItem[] = [];
  for (const it of sorted) {
    for (let i = active.length - 1; i >= 0; i--)
      if (active[i]!.x + active[i]!.width <= it.x + EPS) active.splice(i, 1);
    for (const o of active) {
      if (!overlap(o, it)) continue;
      const nested =
        (o.kind === 'group' && o.expanded && inside(it, o)) ||
        (it.kind === 'group' && it.expanded && inside(o, it));
      if (!nested) problems.push(`items ${o.id} and ${it.id} overlap`);
    }
    active.push(it);
  }
  if (options.tree) {
    const tree = options.tree;
    for (const it of layout.items) {
      const gid =
        it.kind === 'group'
          ? (tree.groups.get(it.groupId)?.parent?.id ?? '')
          : it.nodeIndex >= 0
            ? tree.groupOfNode[it.nodeIndex]!
            : '';
      for (let g = tree.groups.get(gid); g && g.id; g = g.parent ?? undefined) {
        const frame = byId.get(`group:${g.id}`);
        if (frame && !inside(it, frame)) problems.push(`item ${it.id} sticks out of frame ${frame.id}`);
      }
    }
  }
  const lr = options.direction === 'LR';
  for (const e of layout.edges) {
    const a = byId.get(e.from);
    const b = byId.get(e.to);
    const p = e.points;
    if (!a || !b) {
      problems.push(`edge ${e.id} names a missing item`);
      continue;
    }
    if (p.length < 4) {
      problems.push(`edge ${e.id} has fewer than two points`);
      continue;
    }
    const out = (it: LayoutItem): number[] =>
      lr ? [it.x + it.width, it.y + it.height / 2] : [it.x + it.width / 2, it.y + it.height];
    const inn = (it: LayoutItem): number[] =>
      lr ? [it.x, it.y + it.height / 2] : [it.x + it.width / 2, it.y];
    const at = (i: number, q: number[]): boolean =>
      Math.abs(p[i]! - q[0]!) <= EPS && Math.abs(p[i + 1]! - q[1]!) <= EPS;
    const n = p.length;
    // A reversed edge (closing a cycle) may leave from the source's far side and enter the target's.
    if (!at(0, out(a)) && !(e.reversed && at(0, inn(a))))
      problems.push(`edge ${e.id} does not start at its source port`);
    if (!at(n - 2, inn(b)) && !(e.reversed && at(n - 2, out(b))))
      problems.push(`edge ${e.id} does not end at its target port`);
    if (e.reversed) continue;
    if (options.monotonic !== false) {
      const axis = lr ? 0 : 1;
      for (let i = axis + 2; i < n; i += 2) {
        if (p[i]! < p[i - 2]! - EPS) {
          problems.push(`edge ${e.id} goes backwards at point ${(i - axis) / 2}`);
          break;
        }
      }
    }
  }
  if (options.avoidBoxes && options.tree) problems.push(...edgesThroughBoxes(layout, byId, options.tree));
  return problems;
}

/** True when segment p→q passes through the inside of box b (shrunk by 1 px). */
function segmentHitsBox(px: number, py: number, qx: number, qy: number, b: Box): boolean {
  const x0 = b.x + 1;
  const x1 = b.x + b.width - 1;
  const y0 = b.y + 1;
  const y1 = b.y + b.height - 1;
  let t0 = 0;
  let t1 = 1;
  const dx = qx - px;
  const dy = qy - py;
  // Liang–Barsky clipping against the four sides.
  for (const [p, q] of [
    [-dx, px - x0],
    [dx, x1 - px],
    [-dy, py - y0],
    [dy, y1 - py],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** Edges crossing a box that is neither an endpoint nor a frame around one. */
function edgesThroughBoxes(layout: GraphLayout, byId: Map<string, LayoutItem>, tree: ScopeTree): string[] {
  const problems: string[] = [];
  const BAND = 256;
  const bands = new Map<number, LayoutItem[]>();
  for (const it of layout.items) {
    for (let k = Math.floor(it.y / BAND); k <= Math.floor((it.y + it.height) / BAND); k++) {
      let l = bands.get(k);
      if (!l) bands.set(k, (l = []));
      l.push(it);
    }
  }
  const frames = (id: string): string[] => {
    const it = byId.get(id)!;
    const gid =
      it.kind === 'group'
        ? (tree.groups.get(it.groupId)?.parent?.id ?? '')
        : it.nodeIndex >= 0
          ? tree.groupOfNode[it.nodeIndex]!
          : '';
    const out: string[] = [];
    for (let g = tree.groups.get(gid); g; g = g.parent ?? undefined) if (g.id) out.push(`group:${g.id}`);
    return out;
  };
  for (const e of layout.edges) {
    // Edges closing a cycle through a frame are routed against the flow and may cut across.
    if (e.reversed) continue;
    const allowed = new Set([e.from, e.to, ...frames(e.from), ...frames(e.to)]);
    const p = e.points;
    let hit: string | null = null;
    for (let i = 0; i + 3 < p.length && !hit; i += 2) {
      const lo = Math.floor(Math.min(p[i + 1]!, p[i + 3]!) / BAND);
      const hi = Math.floor(Math.max(p[i + 1]!, p[i + 3]!) / BAND);
      for (let k = lo; k <= hi && !hit; k++) {
        for (const b of bands.get(k) ?? []) {
          if (allowed.has(b.id)) continue;
          if (segmentHitsBox(p[i]!, p[i + 1]!, p[i + 2]!, p[i + 3]!, b)) {
            hit = b.id;
            break;
          }
        }
      }
    }
    if (hit) problems.push(`edge ${e.id} passes through ${hit}`);
  }
  return problems;
}
