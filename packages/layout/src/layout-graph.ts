/** Hierarchical layout of a model graph: collapsed groups are boxes, expanded groups are frames. */
import type { Graph, Node } from '@nnlens/ir';
import { layeredLayout, type LayeredResult } from './layered/layered-layout.js';
import { collapsedGroupSize, defaultNodeSize, ioSize } from './node-size.js';
import type { RepeatInfo, ScopeGroup, ScopeTree } from './scope-tree.js';
import { itemId, visibleGraph, type VisibleItem } from './visible.js';

/** What to show and how. */
export interface LayoutOptions {
  /** Ids of expanded groups; every other group is drawn as one box. */
  expanded: ReadonlySet<string>;
  direction?: 'TB' | 'LR';
  /** Nodes to leave out (e.g. Constant nodes feeding weights); their edges are dropped. */
  hidden?: (node: Node) => boolean;
  nodeSize?: (node: Node) => { width: number; height: number };
}

/** A placed box; x, y are the absolute top-left corner. Frames come before their contents. */
export type LayoutItem =
  | {
      kind: 'node';
      id: string;
      /** Node index, or -1 for a graph input/output. */
      nodeIndex: number;
      /** Op type for nodes, tensor name for graph inputs/outputs. */
      label: string;
      /** For graph inputs/outputs: the tensor name. */
      valueName?: string;
      io?: 'input' | 'output';
      x: number;
      y: number;
      width: number;
      height: number;
    }
  | {
      kind: 'group';
      id: string;
      groupId: string;
      label: string;
      expanded: boolean;
      nodeCount: number;
      repeat?: RepeatInfo;
      x: number;
      y: number;
      width: number;
      height: number;
      /** 0 for a top-level group. */
      depth: number;
    };

/** A routed edge between two items (see GraphLayout for how to draw points). */
export interface LayoutEdge {
  id: string;
  from: string;
  to: string;
  /** The first tensor carried. */
  value: string;
  /** Every tensor carried (several when boxes stand for groups). */
  values: string[];
  points: number[];
}

/**
 * The placed view. Edge `points` are a polyline x0,y0,x1,y1,… from the source's outgoing port
 * (bottom centre in TB, right centre in LR) to the target's incoming port (top / left centre);
 * draw straight segments, or round the corners, but pass through every point.
 */
export interface GraphLayout {
  width: number;
  height: number;
  items: LayoutItem[];
  edges: LayoutEdge[];
}

/** Height of an expanded group's label band. */
export const FRAME_HEADER = 24;
/** Inner padding of an expanded group's frame. */
export const FRAME_PAD = 12;

interface Level {
  group: ScopeGroup;
  children: VisibleItem[];
  edgeKeys: Map<string, number>;
  edges: { source: string; target: string }[];
  result?: LayeredResult;
  sizes: Map<string, { width: number; height: number }>;
  originX: number;
  originY: number;
}

function orderKey(item: VisibleItem): number {
  if (item.kind === 'node') return item.node.index;
  if (item.kind === 'group') return item.group.firstNode;
  return item.io === 'input' ? -1 : Number.MAX_SAFE_INTEGER;
}

function groupLabel(g: ScopeGroup): string {
  return g.repeat ? `${g.label} ×${g.repeat.count}` : g.label;
}

/** Lays out the visible part of `graph` for the expanded groups of `options`. */
export function layoutGraph(graph: Graph, tree: ScopeTree, options: LayoutOptions): GraphLayout {
  const vis = visibleGraph(graph, tree, options.expanded, options.hidden);
  const nodeSize = options.nodeSize ?? defaultNodeSize;
  const levels = new Map<ScopeGroup, Level>();
  const levelOf = (g: ScopeGroup): Level => {
    let l = levels.get(g);
    if (!l) {
      l = {
        group: g,
        children: [],
        edgeKeys: new Map(),
        edges: [],
        sizes: new Map(),
        originX: 0,
        originY: 0,
      };
      levels.set(g, l);
    }
    return l;
  };
  levelOf(tree.root);
  for (const item of vis.items.values()) {
    levelOf(item.container).children.push(item);
    if (item.kind === 'group' && item.expanded) levelOf(item.group);
  }
  for (const l of levels.values()) l.children.sort((a, b) => orderKey(a) - orderKey(b));
  // Each edge is laid out in the innermost level holding both ends (or their enclosing frames).
  const edgeLevel = vis.edges.map((e) => {
    let a = vis.items.get(e.from)!;
    let b = vis.items.get(e.to)!;
    const up = (it: VisibleItem): VisibleItem => vis.items.get(itemId.group(it.container))!;
    while (a.container.depth > b.container.depth) a = up(a);
    while (b.container.depth > a.container.depth) b = up(b);
    while (a.container !== b.container) {
      a = up(a);
      b = up(b);
    }
    const level = levelOf(a.container);
    const key = `${a.id}\n${b.id}`;
    let k = level.edgeKeys.get(key);
    if (k === undefined) {
      k = level.edges.length;
      level.edgeKeys.set(key, k);
      level.edges.push({ source: a.id, target: b.id });
    }
    return { level, index: k, a: a.id, b: b.id };
  });
  const direction = options.direction ?? 'TB';
  const measure = (l: Level): { width: number; height: number } => {
    const nodes = l.children.map((it) => {
      let size: { width: number; height: number };
      if (it.kind === 'node') size = nodeSize(it.node);
      else if (it.kind === 'io') size = ioSize(it.valueName);
      else if (!it.expanded) size = collapsedGroupSize(groupLabel(it.group));
      else {
        const inner = measure(levels.get(it.group)!);
        const label = collapsedGroupSize(groupLabel(it.group)).width;
        size = {
          width: Math.max(inner.width + 2 * FRAME_PAD, label),
          height: inner.height + FRAME_HEADER + FRAME_PAD,
        };
      }
      l.sizes.set(it.id, size);
      return { id: it.id, width: size.width, height: size.height };
    });
    l.result = layeredLayout(nodes, l.edges, { direction });
    return { width: l.result.width, height: l.result.height };
  };
  const top = measure(levels.get(tree.root)!);
  const items: LayoutItem[] = [];
  const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
  const place = (l: Level, ox: number, oy: number): void => {
    l.originX = ox;
    l.originY = oy;
    for (const it of l.children) {
      const p = l.result!.nodes.get(it.id)!;
      const size = l.sizes.get(it.id)!;
      const box = { x: ox + p.x, y: oy + p.y, width: size.width, height: size.height };
      boxes.set(it.id, box);
      if (it.kind === 'node') {
        items.push({ kind: 'node', id: it.id, nodeIndex: it.node.index, label: it.node.op, ...box });
      } else if (it.kind === 'io') {
        items.push({
          kind: 'node',
          id: it.id,
          nodeIndex: -1,
          label: it.valueName,
          valueName: it.valueName,
          io: it.io,
          ...box,
        });
      } else {
        const g = it.group;
        const item: LayoutItem = {
          kind: 'group',
          id: it.id,
          groupId: g.id,
          label: g.label,
          expanded: it.expanded,
          nodeCount: g.nodeCount,
          ...box,
          depth: g.depth - 1,
        };
        if (g.repeat) item.repeat = g.repeat;
        items.push(item);
        if (it.expanded) {
          const inner = levels.get(g)!.result!;
          place(levels.get(g)!, box.x + (box.width - inner.width) / 2, box.y + FRAME_HEADER);
        }
      }
    }
  };
  place(levels.get(tree.root)!, 0, 0);
  const lr = direction === 'LR';
  const portOut = (id: string): [number, number] => {
    const b = boxes.get(id)!;
    return lr ? [b.x + b.width, b.y + b.height / 2] : [b.x + b.width / 2, b.y + b.height];
  };
  const portIn = (id: string): [number, number] => {
    const b = boxes.get(id)!;
    return lr ? [b.x, b.y + b.height / 2] : [b.x + b.width / 2, b.y];
  };
  const edges: LayoutEdge[] = vis.edges.map((e, i) => {
    const { level, index, a, b } = edgeLevel[i]!;
    const route = level.result!.edges[index]!.points;
    const points: number[] = [];
    if (a !== e.from) points.push(...portOut(e.from));
    for (let k = 0; k < route.length; k += 2)
      points.push(route[k]! + level.originX, route[k + 1]! + level.originY);
    if (b !== e.to) points.push(...portIn(e.to));
    return {
      id: `${e.from}->${e.to}`,
      from: e.from,
      to: e.to,
      value: e.values[0]!,
      values: e.values,
      points,
    };
  });
  return { width: top.width, height: top.height, items, edges };
}
