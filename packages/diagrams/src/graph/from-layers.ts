/** The graph style for a layer list (spec files): one box per layer, chained, with the skips as extra edges. */
import { layeredLayout, type GraphLayout } from '@nnlens/layout';
import { opText } from '../layers/describe.js';
import type { LayerDiagram } from '../layers/layer.js';
import { bool, keyword, rejectUnknown } from '../options.js';
import { COMMON_KEYS, normalizeCommon } from '../styles/common.js';
import { boxSize, compact, type BoxText } from './boxes.js';
import type { GraphOptions } from './draw-graph.js';
import { renderGraph } from './render-graph.js';

const KEYS = [
  ...COMMON_KEYS,
  'direction',
  'showShapes',
  'showLayerNames',
  'showActivations',
  'showParams',
  'edgeLabels',
] as const;

/** Draws a layer list as plot_model-like boxes; returns the SVG text. */
export function drawGraphOfLayers(d: LayerDiagram, options: GraphOptions = {}): string {
  rejectUnknown(options, KEYS, 'graph (for a layer list)');
  const c = normalizeCommon(options);
  const dir = keyword(options.direction, 'direction', ['TB', 'LR', 'BT', 'RL'] as const, 'TB');
  const shapes = bool(options.showShapes, 'showShapes', true);
  const names = bool(options.showLayerNames, 'showLayerNames', true);
  const acts = bool(options.showActivations, 'showActivations', true);
  const params = bool(options.showParams, 'showParams', false);
  const texts: BoxText[] = d.layers.map((l) => {
    const op = opText(l) + (acts && l.activation ? ` · ${l.activation}` : '');
    const rows: [string, string][] = [];
    if (shapes) rows.push(['input', `[${l.inShape.join(',')}]`], ['output', `[${l.shape.join(',')}]`]);
    if (params && l.params) rows.push(['params', compact(l.params)]);
    return { kind: l.kind, header: names ? `${l.name} : ${op}` : op, rows };
  });
  const nodes = d.layers.map((l, i) => ({ id: l.id, ...boxSize(texts[i]!) }));
  const edges = d.layers.slice(1).map((l, i) => ({ source: d.layers[i]!.id, target: l.id }));
  if (c.skips) for (const s of d.skips) edges.push({ source: s.from, target: s.to });
  const lr = dir === 'LR' || dir === 'RL';
  const res = layeredLayout(nodes, edges, { direction: lr ? 'LR' : 'TB' });
  const layout: GraphLayout = {
    width: res.width,
    height: res.height,
    items: d.layers.map((l, i) => ({
      kind: 'node' as const,
      id: l.id,
      nodeIndex: i,
      label: l.name,
      ...res.nodes.get(l.id)!,
      width: nodes[i]!.width,
      height: nodes[i]!.height,
    })),
    edges: res.edges.map((e, i) => ({
      id: `e${i}`,
      from: e.source,
      to: e.target,
      value: '',
      values: [],
      points: e.points,
    })),
  };
  if (dir === 'BT' || dir === 'RL') {
    const flipY = dir === 'BT';
    const size = flipY ? layout.height : layout.width;
    for (const it of layout.items) {
      if (flipY) it.y = size - it.y - it.height;
      else it.x = size - it.x - it.width;
    }
    for (const e of layout.edges)
      for (let k = flipY ? 1 : 0; k < e.points.length; k += 2) e.points[k] = size - e.points[k]!;
  }
  return renderGraph(layout, {
    common: c,
    frames: false,
    edgeLabels: bool(options.edgeLabels, 'edgeLabels', false),
    boxText: (i) => texts[i]!,
    groupInfo: () => [],
    rolled: new Map(),
    edgeShape: () => null,
    title: c.title ?? d.title,
    headerHeight: 0,
  });
}
