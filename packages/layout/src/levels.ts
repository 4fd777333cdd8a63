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

/** Port ids: out-ports per inner source; in-ports per outside source, or per inner target. */
export const portId = {
  in: (source: string): string => `port:in:${source}`,
  into: (target: string): string => `port:into:${target}`,
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
  const paths = vis.edges.map((e: VisibleEdge) => {
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
    return { a, b, up, down };
  });
  // Items each outside source reaches inside each frame: a source feeding several items enters
  // through its own port (its edges then share one bus inside); sources feeding a single item
  // share that item's port, so a Concat of many outside tensors does not widen its frame.
  const fanIn = new Map<string, Set<string>>();
  paths.forEach(({ down }, i) => {
    for (const it of down) {
      const key = `${it.container.id}\n${vis.edges[i]!.from}`;
      let set = fanIn.get(key);
      if (!set) fanIn.set(key, (set = new Set()));
      set.add(it.id);
    }
  });
  const hops = paths.map(({ a, b, up, down }, i): Hop[] => {
    const e = vis.edges[i]!;
    const out: Hop[] = [];
    for (const it of up) {
      const level = levelOf(it.container);
      addPort(level, portId.out(e.from), 'last');
      out.push({ level, edge: addEdge(level, it.id, portId.out(e.from)), kind: 'up' });
    }
    const across = levelOf(a.container);
    out.push({ level: across, edge: addEdge(across, a.id, b.id), kind: 'across' });
    for (let k = down.length - 1; k >= 0; k--) {
      const it = down[k]!;
      const level = levelOf(it.container);
      const shared = fanIn.get(`${it.container.id}\n${e.from}`)!.size === 1;
      const port = shared ? portId.into(it.id) : portId.in(e.from);
      addPort(level, port, 'first');
      out.push({ level, edge: addEdge(level, port, it.id), kind: 'down' });
    }
    return out;
  });
  return { levels, hops };
}
