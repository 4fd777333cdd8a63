/** Draw-ready data of a laid-out graph: boxes with their text, edges with labels, and spatial indexes. */
import { BOX, nodeLines } from '../shared/node-metrics.js';
import type { OpCategory } from '../shared/op-category.js';
import type { GraphView, GroupView, LayoutView } from '../shared/view-model.js';
import { GridIndex } from './spatial-index.js';

/** A box to draw: an op node or a graph input/output. */
export interface SceneNode {
  id: string;
  /** Node index in the graph; -1 for an input/output box. */
  nodeIndex: number;
  /** Value index for an input/output box, else -1. */
  valueIndex: number;
  kind: 'op' | 'input' | 'output';
  category: OpCategory;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
}

/** A group: an expanded frame or a collapsed box. */
export interface SceneGroup {
  id: string;
  groupId: string;
  expanded: boolean;
  depth: number;
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  nodeCount: number;
  repeat: number;
  /** Position in the run of repeats, from 0. */
  repeatIndex: number;
}

/** An edge route. */
export interface SceneEdge {
  id: string;
  from: string;
  to: string;
  /** Value index of the tensor it carries, -1 if unknown. */
  valueIndex: number;
  label: string;
  points: number[];
  bezier: boolean;
}

/** Height of an expanded group's header band (the layout package's FRAME_HEADER). */
export const GROUP_HEADER = 24;

/** Everything the renderers need for one layout. */
export interface Scene {
  width: number;
  height: number;
  nodes: SceneNode[];
  groups: SceneGroup[];
  edges: SceneEdge[];
  nodeIndex: GridIndex;
  groupIndex: GridIndex;
  edgeIndex: GridIndex;
  /** Scene node position by layout item id. */
  nodeById: Map<string, number>;
  groupById: Map<string, number>;
  /** Scene node position by graph node index. */
  nodeByGraphIndex: Map<number, number>;
  /** Edges touching each item id. */
  edgesOf: Map<string, number[]>;
  /** Boxes that stand for nodes: op nodes plus collapsed groups (inputs/outputs not counted). */
  drawnNodeCount: number;
}

function edgeBox(points: number[]): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < points.length; i += 2) {
    x0 = Math.min(x0, points[i]!);
    x1 = Math.max(x1, points[i]!);
    y0 = Math.min(y0, points[i + 1]!);
    y1 = Math.max(y1, points[i + 1]!);
  }
  return [x0, y0, x1, y1];
}

/** Builds the scene of a graph view for a layout. */
export function buildScene(graph: GraphView, layout: LayoutView): Scene {
  const valueByName = new Map<string, number>();
  graph.values.forEach((v, i) => valueByName.set(v.name, i));
  const groupsById = new Map<string, GroupView>(graph.groups.map((g) => [g.id, g]));
  const nodes: SceneNode[] = [];
  const groups: SceneGroup[] = [];
  for (const it of layout.items) {
    if (it.kind === 'node') {
      if (it.nodeIndex >= 0) {
        const n = graph.nodes[it.nodeIndex]!;
        const out = n.outputs.find((o) => o >= 0);
        const shape = out === undefined ? '' : graph.values[out]!.shape;
        nodes.push({
          id: it.id,
          nodeIndex: it.nodeIndex,
          valueIndex: -1,
          kind: 'op',
          category: n.category,
          x: it.x,
          y: it.y,
          w: it.width,
          h: it.height,
          lines: nodeLines(n.op, n.summary, shape),
        });
      } else {
        const vi = valueByName.get(it.valueName ?? '') ?? -1;
        const v = vi >= 0 ? graph.values[vi] : undefined;
        const kind = it.io ?? (v && v.graphOutput && !v.graphInput ? 'output' : 'input');
        // Pills hold one line: the tensor name (its shape is on the edge label).
        nodes.push({
          id: it.id,
          nodeIndex: -1,
          valueIndex: vi,
          kind,
          category: 'io',
          x: it.x,
          y: it.y,
          w: it.width,
          h: it.height,
          lines: [it.valueName ?? '?'],
        });
      }
    } else {
      const g = groupsById.get(it.groupId);
      groups.push({
        id: it.id,
        groupId: it.groupId,
        expanded: it.expanded,
        depth: it.depth,
        x: it.x,
        y: it.y,
        w: it.width,
        h: it.height,
        label: g?.label || it.groupId,
        nodeCount: g?.nodeCount ?? 0,
        repeat: g?.repeat ?? 1,
        repeatIndex: g?.repeatIndex ?? 0,
      });
    }
  }
  // Parents first, so frames nest back to front.
  groups.sort((a, b) => a.depth - b.depth || Number(a.expanded === false) - Number(b.expanded === false));

  const edges: SceneEdge[] = layout.edges.map((e) => {
    const vi = valueByName.get(e.value) ?? -1;
    return {
      id: e.id,
      from: e.from,
      to: e.to,
      valueIndex: vi,
      label: vi >= 0 ? graph.values[vi]!.shape : '',
      points: e.points,
      bezier: layout.curve === 'bezier',
    };
  });

  const nodeIndex = new GridIndex(nodes.length);
  const groupIndex = new GridIndex(groups.length, 512);
  const edgeIndex = new GridIndex(edges.length);
  const nodeById = new Map<string, number>();
  const groupById = new Map<string, number>();
  const nodeByGraphIndex = new Map<number, number>();
  const edgesOf = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    nodeIndex.insert(i, n.x, n.y, n.x + n.w, n.y + n.h);
    nodeById.set(n.id, i);
    if (n.nodeIndex >= 0) nodeByGraphIndex.set(n.nodeIndex, i);
  });
  groups.forEach((g, i) => {
    groupIndex.insert(i, g.x, g.y, g.x + g.w, g.y + g.h);
    groupById.set(g.id, i);
  });
  edges.forEach((e, i) => {
    if (e.points.length >= 4) {
      const [x0, y0, x1, y1] = edgeBox(e.points);
      edgeIndex.insert(i, x0, y0, x1, y1);
    }
    for (const end of [e.from, e.to]) {
      let list = edgesOf.get(end);
      if (!list) edgesOf.set(end, (list = []));
      list.push(i);
    }
  });
  return {
    width: layout.width,
    height: layout.height,
    nodes,
    groups,
    edges,
    nodeIndex,
    groupIndex,
    edgeIndex,
    nodeById,
    groupById,
    nodeByGraphIndex,
    edgesOf,
    drawnNodeCount: nodes.filter((n) => n.kind === 'op').length + groups.filter((g) => !g.expanded).length,
  };
}

/** Box radius, re-exported for the renderers. */
export const NODE_RADIUS = BOX.radius;
