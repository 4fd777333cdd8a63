/** plot_model / torchview style: boxes with name, op and shapes, laid out in ranks, modules as frames or boxes. */
import type { ModelAnalysis } from '@nnlens/analysis';
import { formatShape, type Model } from '@nnlens/ir';
import { FRAME_HEADER, layoutGraph, type GraphLayout, type LayoutItem } from '@nnlens/layout';
import type { Unit } from '../layers/units.js';
import { bool, DiagramOptionError, keyword, numberIn, rejectUnknown } from '../options.js';
import { COMMON_KEYS, normalizeCommon, type CommonOptions } from '../styles/common.js';
import { boxSize, unitBox, type BoxContent, type BoxText } from './boxes.js';
import { deriveGraph, type DerivedGraph } from './derived.js';
import { renderGraph } from './render-graph.js';

/** Options of the graph style (Keras plot_model, torchview draw_graph and Netscope equivalents). */
export interface GraphOptions extends CommonOptions {
  /** Rank direction (plot_model rankdir, torchview graph_dir; default 'TB'). */
  direction?: 'TB' | 'LR' | 'BT' | 'RL';
  /** Module levels drawn open (torchview depth); 'auto' opens as many as fit in maxNodes boxes (default). */
  depth?: number | 'auto';
  /** Box budget of the automatic depth (default 60). */
  maxNodes?: number;
  /** Draw a run of identical blocks once, "× n" (torchview roll; default true). */
  rollRepeats?: boolean;
  /** Draw open modules as dashed frames (plot_model / torchview expand_nested; default true). */
  expandNested?: boolean;
  /** Rows of each box (plot_model show_shapes, show_dtype, show_layer_names, show_layer_activations, show_trainable→params). */
  showShapes?: boolean;
  showDtype?: boolean;
  showLayerNames?: boolean;
  showActivations?: boolean;
  showParams?: boolean;
  /** Netscope-style "C ch · H×W" labels on edges (default false). */
  edgeLabels?: boolean;
  /** plot_model layer_range: the first and last layer drawn, as names or regular expressions. */
  layerRange?: [string, string];
}

const KEYS = [
  ...COMMON_KEYS,
  'direction',
  'depth',
  'maxNodes',
  'rollRepeats',
  'expandNested',
  'showShapes',
  'showDtype',
  'showLayerNames',
  'showActivations',
  'showParams',
  'edgeLabels',
  'layerRange',
] as const;

function unitParams(analysis: ModelAnalysis): (u: Unit) => number {
  return (u) => {
    let p = 0;
    for (const n of u.anchor ? [...u.pre, u.anchor, ...u.folded] : [])
      p += analysis.nodeCosts.get(n)?.params ?? 0;
    return p;
  };
}

function rangeFilter(
  range: [string, string] | undefined,
  units: { name: string; index: number }[],
): ((u: Unit, name: string) => boolean) | undefined {
  if (!range) return undefined;
  if (!Array.isArray(range) || range.length !== 2 || range.some((r) => typeof r !== 'string')) {
    throw new DiagramOptionError('layerRange', range, 'two layer names or regular expressions');
  }
  const match = (pattern: string) => {
    let re: RegExp;
    try {
      re = new RegExp(pattern);
    } catch {
      throw new DiagramOptionError('layerRange', pattern, 'a valid regular expression');
    }
    return (name: string) => name === pattern || re.test(name);
  };
  const [a, b] = range.map(match) as [(n: string) => boolean, (n: string) => boolean];
  const first = units.find((u) => a(u.name));
  const last = [...units].reverse().find((u) => b(u.name));
  if (!first) throw new DiagramOptionError('layerRange', range[0], 'the name of a layer of the model');
  if (!last) throw new DiagramOptionError('layerRange', range[1], 'the name of a layer of the model');
  return (u) => u.anchor !== null && u.anchor.index >= first.index && u.anchor.index <= last.index;
}

/** Depth that keeps the number of visible boxes within `max`. */
function autoDepth(dg: DerivedGraph, max: number): number {
  let deepest = 0;
  for (const g of dg.tree.groups.values()) deepest = Math.max(deepest, g.depth);
  for (let d = deepest; d > 0; d--) {
    let count = 0;
    dg.tree.groupOfNode.forEach((id) => {
      if ((id ? dg.tree.groups.get(id)!.depth : 0) <= d) count++;
    });
    for (const g of dg.tree.groups.values()) if (g.depth === d + 1) count++;
    if (count <= max) return d;
  }
  return 0;
}

/** Draws the model graph; returns the SVG text. */
export function drawGraph(model: Model, analysis: ModelAnalysis, options: GraphOptions = {}): string {
  rejectUnknown(options, KEYS, 'graph');
  const c = normalizeCommon(options);
  const dir = keyword(options.direction, 'direction', ['TB', 'LR', 'BT', 'RL'] as const, 'TB');
  const content: BoxContent = {
    names: bool(options.showLayerNames, 'showLayerNames', true),
    shapes: bool(options.showShapes, 'showShapes', true),
    dtype: bool(options.showDtype, 'showDtype', false),
    params: bool(options.showParams, 'showParams', false),
    activations: bool(options.showActivations, 'showActivations', true),
  };
  const maxNodes = numberIn(options.maxNodes, 'maxNodes', 60, { min: 1, integer: true });
  const frames = bool(options.expandNested, 'expandNested', true);
  const params = unitParams(analysis);
  const keep = rangeFilter(
    options.layerRange,
    model.graph.nodes.map((n) => ({ name: n.name, index: n.index })),
  );
  const dg = deriveGraph(model.graph, bool(options.rollRepeats, 'rollRepeats', true), params, keep);
  const depth =
    options.depth === undefined || options.depth === 'auto'
      ? autoDepth(dg, maxNodes)
      : numberIn(options.depth, 'depth', 0, { min: 0, integer: true });
  const expanded = new Set<string>();
  for (const g of dg.tree.groups.values()) if (g.depth <= depth) expanded.add(g.id);
  const texts = new Map<number, BoxText>();
  const textOf = (i: number): BoxText => {
    let t = texts.get(i);
    if (!t) texts.set(i, (t = unitBox(dg.unitOf[i]!, shortName(dg, i), params(dg.unitOf[i]!), content)));
    return t;
  };
  const layout = layoutGraph(dg.graph, dg.tree, {
    expanded,
    direction: dir === 'LR' || dir === 'RL' ? 'LR' : 'TB',
    nodeSize: (n) => boxSize(textOf(n.index)),
  });
  mirror(layout, dir);
  // Closed modules show what comes out of them; their size is fixed by the layout, so one line.
  const groupInfo = (item: Extract<LayoutItem, { kind: 'group' }>): string[] => {
    const g = dg.tree.groups.get(item.groupId);
    const nodes = g ? collect(g) : [];
    const last = nodes[nodes.length - 1];
    return last === undefined ? [] : [formatShape(dg.unitOf[last]!.shapeValue.shape)];
  };
  return renderGraph(layout, {
    common: c,
    frames,
    edgeLabels: bool(options.edgeLabels, 'edgeLabels', false),
    boxText: textOf,
    groupInfo,
    rolled: dg.rolled,
    edgeShape: (valueName) => dg.graph.values.get(valueName)?.shape ?? null,
    title: c.title ?? model.graph.name,
    headerHeight: FRAME_HEADER,
  });
}

function collect(g: { nodes: number[]; children: { nodes: number[]; children: unknown[] }[] }): number[] {
  const out = [...g.nodes];
  for (const ch of g.children) out.push(...collect(ch as typeof g));
  return out.sort((a, b) => a - b);
}

/** The box name: the node's own module, or its op instance for functional ops ('Add_1'). */
function shortName(dg: DerivedGraph, i: number): string {
  const n = dg.graph.nodes[i]!;
  const parts = n.name.split('/').filter(Boolean);
  if (parts.length < 2) return parts[0] ?? n.op;
  const gid = dg.tree.groupOfNode[i];
  const label = gid ? dg.tree.groups.get(gid)?.label : undefined;
  const module = parts[parts.length - 2]!;
  return module === label ? parts[parts.length - 1]! : module;
}

/** BT and RL are TB and LR mirrored. */
function mirror(layout: GraphLayout, dir: 'TB' | 'LR' | 'BT' | 'RL'): void {
  if (dir === 'TB' || dir === 'LR') return;
  const flipY = dir === 'BT';
  const size = flipY ? layout.height : layout.width;
  for (const it of layout.items) {
    if (flipY) it.y = size - it.y - it.height;
    else it.x = size - it.x - it.width;
  }
  for (const e of layout.edges) {
    for (let k = flipY ? 1 : 0; k < e.points.length; k += 2) e.points[k] = size - e.points[k]!;
  }
}
