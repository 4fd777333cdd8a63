/** Splits each visible edge into per-level hops: out of frames via out-ports, across, into frames via in-ports. */
import type { LayeredNode } from './layered/layered-layout.js';
import type { ScopeGroup } from './scope-tree.js';
import { itemId, type VisibleEdge, type VisibleGraph, type VisibleItem } from './visible.js';

/** One expanded group (or the root) and the flat graph laid out inside it. */
export interface Level {
  group: ScopeGroup;
  children: VisibleItem[];
  /** Zero-size port boxes where edges cross the frame, pinned to its first / last rank. */
  ports: LayeredNode[];
  edges: { source: string; target: string }[];
  edgeKeys: Map<string, number>;
}

/** How one visible edge is drawn: a route in each level it passes through, outermost in the middle. */
export interface Hop {
  level: Level;
  edge: number;
  /** 'up' leaves the level's frame, 'down' enters it, 'across' is the innermost common level. */
  kind: 'up' | 'across' | 'down';
}

/** Port ids, keyed by the edge's source item so that one tensor crosses a frame once. */
export const portId = {
  in: (source: string): string => `port:in:${source}`,
  out: (source: string): string => `port:out:${source}`,
};

function orderKey(item: VisibleItem): number {
  if (item.kind === 'node') return item.node.index;
  if (item.kind === 'group') return item.group.firstNode;
  return item.io === 'input' ? -1 : Number.MAX_SAFE_INTEGER;
}

/** Levels of the view (root first) and the hops of every visible edge, in edge order. */
export function planLevels(
  vis: VisibleGraph,
  root: ScopeGroup,
): { levels: Map<ScopeGroup, Level>; hops: Hop[][] } {
  const levels = new Map<ScopeGroup, Level>();
  const levelOf = (g: ScopeGroup): Level => {
    let l = levels.get(g);
    if (!l) {
      l = { group: g, children: [], ports: [], edges: [], edgeKeys: new Map() };
      levels.set(g, l);
    }
    return l;
  };
  levelOf(root);
  for (const item of vis.items.values()) {
    levelOf(item.container).children.push(item);
    if (item.kind === 'group' && item.expanded) levelOf(item.group);
  }
  for (const l of levels.values()) l.children.sort((a, b) => orderKey(a) - orderKey(b));
  const addEdge = (level: Level, source: string, target: string): number => {
    const key = `${source}\n${target}`;
    let k = level.edgeKeys.get(key);
    if (k === undefined) {
      k = level.edges.length;
      level.edgeKeys.set(key, k);
      level.edges.push({ source, target });
    }
    return k;
  };
  const portKeys = new Set<string>();
  const addPort = (level: Level, id: string, pin: 'first' | 'last'): void => {
    const key = `${level.group.id}\n${id}`;
    if (portKeys.has(key)) return;
    portKeys.add(key);
    level.ports.push({ id, width: 0, height: 0, pin });
  };
  const parentItem = (it: VisibleItem): VisibleItem => vis.items.get(itemId.group(it.container))!;
  const hops = vis.edges.map((e: VisibleEdge): Hop[] => {
    let a = vis.items.get(e.from)!;
    let b = vis.items.get(e.to)!;
    const up: VisibleItem[] = [];
    const down: VisibleItem[] = [];
    while (a.container.depth > b.container.depth) {
      up.push(a);
      a = parentItem(a);
    }
    while (b.container.depth > a.container.depth) {
      down.push(b);
      b = parentItem(b);
    }
    while (a.container !== b.container) {
      up.push(a);
      a = parentItem(a);
      down.push(b);
      b = parentItem(b);
    }
    const out: Hop[] = [];
    for (const it of up) {
      const level = levelOf(it.container);
      addPort(level, portId.out(e.from), 'last');
      out.push({ level, edge: addEdge(level, it.id, portId.out(e.from)), kind: 'up' });
    }
    const across = levelOf(a.container);
    out.push({ level: across, edge: addEdge(across, a.id, b.id), kind: 'across' });
    for (let i = down.length - 1; i >= 0; i--) {
      const level = levelOf(down[i]!.container);
      addPort(level, portId.in(e.from), 'first');
      out.push({ level, edge: addEdge(level, portId.in(e.from), down[i]!.id), kind: 'down' });
    }
    return out;
  });
  return { levels, hops };
}
