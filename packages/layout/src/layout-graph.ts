/** Hierarchical layout of a model graph: collapsed groups are boxes, expanded groups are frames. */
import type { Graph, Node } from '@nnlens/ir';
import { layeredLayout, type LayeredResult } from './layered/layered-layout.js';
import { planLevels, type Level } from './levels.js';
import { collapsedGroupSize, defaultNodeSize, ioSize } from './node-size.js';
import type { RepeatInfo, ScopeGroup, ScopeTree } from './scope-tree.js';
import { itemId, visibleGraph } from './visible.js';

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
  /** Set when the edge runs against the flow (it closes a cycle in this view): it may leave its source's top and enter its target's bottom. */
  reversed?: true;
}

/**
 * The placed view. Edge `points` are a polyline x0,y0,x1,y1,… from the source's outgoing port
 * (bottom centre in TB, right centre in LR) to the target's incoming port (top / left centre);
 * draw straight segments (optionally with rounded corners) through every point. Edges that
 * cross a frame pass its border where the frame's own layout placed a port for them.
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

type Box = { x: number; y: number; width: number; height: number };

interface Placed {
  result: LayeredResult;
  sizes: Map<string, { width: number; height: number }>;
  originX: number;
  originY: number;
}

function groupLabel(g: ScopeGroup): string {
  return g.repeat ? `${g.label} ×${g.repeat.count}` : g.label;
}

/** Lays out the visible part of `graph` for the expanded groups of `options`. */
export function layoutGraph(graph: Graph, tree: ScopeTree, options: LayoutOptions): GraphLayout {
  const vis = visibleGraph(graph, tree, options.expanded, options.hidden);
  const { levels, hops } = planLevels(vis, tree.root);
  const nodeSize = options.nodeSize ?? defaultNodeSize;
  const direction = options.direction ?? 'TB';
  const lr = direction === 'LR';
  const placed = new Map<Level, Placed>();
  const measure = (l: Level): LayeredResult => {
    const sizes = new Map<string, { width: number; height: number }>();
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
      sizes.set(it.id, size);
      const pin = it.kind === 'io' ? (it.io === 'input' ? 'first' : 'last') : undefined;
      return pin ? { id: it.id, ...size, pin } : { id: it.id, ...size };
    });
    const result = layeredLayout([...nodes, ...l.ports], l.edges, { direction });
    placed.set(l, { result, sizes, originX: 0, originY: 0 });
    return result;
  };
  const top = measure(levels.get(tree.root)!);
  const items: LayoutItem[] = [];
  const boxes = new Map<string, Box>();
  const place = (l: Level, ox: number, oy: number): void => {
    const p = placed.get(l)!;
    p.originX = ox;
    p.originY = oy;
    for (const it of l.children) {
      const at = p.result.nodes.get(it.id)!;
      const box = { x: ox + at.x, y: oy + at.y, ...p.sizes.get(it.id)! };
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
          const inner = levels.get(g)!;
          const r = placed.get(inner)!.result;
          place(inner, box.x + (box.width - r.width) / 2, box.y + FRAME_HEADER);
        }
      }
    }
  };
  place(levels.get(tree.root)!, 0, 0);
  const edges: LayoutEdge[] = vis.edges.map((e, i) => {
    const pts: number[] = [];
    let prev: Level | null = null;
    let prevKind: string | null = null;
    let reversed = false;
    for (const hop of hops[i]!) {
      const p = placed.get(hop.level)!;
      const routed = p.result.edges[hop.edge]!;
      const route = routed.points;
      if (routed.reversed) reversed = true;
      let start = 0;
      if (prev && prevKind === 'up') {
        // Leaving a frame: from its out-port straight across the frame's far border.
        const frame = boxes.get(itemId.group(prev.group))!;
        const [qx, qy] = [pts[pts.length - 2]!, pts[pts.length - 1]!];
        pts.push(...(lr ? [frame.x + frame.width, qy] : [qx, frame.y + frame.height]));
        start = 2;
      } else if (hop.kind === 'down') {
        // Entering a frame: swap its centre for the in-port's spot on the near border.
        const frame = boxes.get(itemId.group(hop.level.group))!;
        pts.length -= 2;
        const px = route[0]! + p.originX;
        const py = route[1]! + p.originY;
        pts.push(...(lr ? [frame.x, py] : [px, frame.y]));
      }
      for (let k = start; k < route.length; k += 2)
        pts.push(route[k]! + p.originX, route[k + 1]! + p.originY);
      prev = hop.level;
      prevKind = hop.kind;
    }
    const edge: LayoutEdge = {
      id: `${e.from}->${e.to}`,
      from: e.from,
      to: e.to,
      value: e.values[0]!,
      values: e.values,
      points: pts,
    };
    if (reversed) edge.reversed = true;
    return edge;
  });
  return { width: top.width, height: top.height, items, edges };
}
