/** NN-SVG FCNN style: neurons and edges, edges weighted by the model's real dense weights when it has them. */
import type { LayerDiagram } from '../layers/layer.js';
import { denseMatrix } from '../layers/weights.js';
import { arrowMarker } from '../marks/arrow.js';
import { bool, color, keyword, numberIn, rejectUnknown } from '../options.js';
import { Canvas } from '../svg/canvas.js';
import { el, type SvgElement } from '../svg/element.js';
import { path } from '../svg/path.js';
import { superscript, textWidth } from '../svg/text.js';
import { COMMON_KEYS, normalizeCommon, type CommonOptions } from './common.js';
import { fcnnColumns } from './fcnn-layers.js';
import { mix } from './palette.js';

/** Options of the FCNN style (every NN-SVG FCNN control, plus ellipsis and weight sources). */
export interface FcnnOptions extends CommonOptions {
  /** Edge width, colour and opacity ∝ weight: default on when the model's weights are loaded. */
  edgeWidthProportional?: boolean;
  edgeColorProportional?: boolean;
  edgeOpacityProportional?: boolean;
  /** NN-SVG Edge Width 0–2 (default 0.5) and Edge Opacity 0–1 (default 1). */
  edgeWidth?: number;
  edgeOpacity?: number;
  /** NN-SVG Negative / Positive / Default edge colours (#0000ff / #ff0000 / #505050). */
  negativeColor?: string;
  positiveColor?: string;
  edgeColor?: string;
  /** Cubic edges with control points half-way (default false). */
  bezier?: boolean;
  /** Node Diameter 10–50 (default 20), Node Color (#ffffff), Node Border Color (#333333). */
  nodeDiameter?: number;
  nodeColor?: string;
  nodeBorderColor?: string;
  /** Layer Spacing 30–400 (default 160) and spacing between nodes 0–100 (default 20). */
  layerSpacing?: number;
  nodeSpacing?: number;
  /** 'right' (horizontal, default) or 'up' (vertical). */
  direction?: 'right' | 'up';
  /** Draw a bias unit on each non-output layer, with its own weights (default false). */
  showBias?: boolean;
  /** "Hidden Layer ∈ ℝⁿ" labels (default true). */
  showLabels?: boolean;
  /** Arrowheads: 'none' (default), 'empty' or 'solid'. */
  arrowheads?: 'none' | 'empty' | 'solid';
  /** Most nodes drawn per layer; the middle of wider layers becomes "⋮" (default 12). */
  maxNodes?: number;
  /** 'model' uses the real weights when loaded (default); 'uniform' ignores them; 'random' draws NN-SVG's random ones (seeded). */
  weights?: 'model' | 'uniform' | 'random';
  /** Seed of random weights (default 1). */
  seed?: number;
}

const KEYS = [
  ...COMMON_KEYS,
  'edgeWidthProportional',
  'edgeColorProportional',
  'edgeOpacityProportional',
  'edgeWidth',
  'edgeOpacity',
  'negativeColor',
  'positiveColor',
  'edgeColor',
  'bezier',
  'nodeDiameter',
  'nodeColor',
  'nodeBorderColor',
  'layerSpacing',
  'nodeSpacing',
  'direction',
  'showBias',
  'showLabels',
  'arrowheads',
  'maxNodes',
  'weights',
  'seed',
] as const;

/** Indices of the units drawn for a layer of n units, with null where the dots go. */
export function visibleUnits(n: number, max: number): (number | null)[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return [
    ...Array.from({ length: head }, (_, i) => i),
    null,
    ...Array.from({ length: tail }, (_, i) => n - tail + i),
  ];
}

/** Draws the dense part of the layer list as neurons and edges; returns the SVG text. */
export function drawFcnn(d: LayerDiagram, options: FcnnOptions = {}): string {
  rejectUnknown(options, KEYS, 'fcnn');
  const c = normalizeCommon(options);
  const source = keyword(options.weights, 'weights', ['model', 'uniform', 'random'] as const, 'model');
  const cols = fcnnColumns(d);
  // Resolve each column's incoming weights; missing data falls back to uniform edges, with a warning.
  const mats = cols.map((col, i) => {
    if (i === 0 || source !== 'model') return undefined;
    if (!col.weights) return undefined;
    const m = denseMatrix(col.weights);
    if (typeof m === 'string') {
      d.warnings.push(`fcnn: edges into '${col.name}' drawn uniform: ${m}`);
      return undefined;
    }
    return m;
  });
  const real = mats.some((m) => m !== undefined) || source === 'random';
  const o = {
    widthProp: bool(options.edgeWidthProportional, 'edgeWidthProportional', real),
    colorProp: bool(options.edgeColorProportional, 'edgeColorProportional', real),
    opacityProp: bool(options.edgeOpacityProportional, 'edgeOpacityProportional', false),
    edgeWidth: numberIn(options.edgeWidth, 'edgeWidth', 0.5, { min: 0, max: 2 }),
    edgeOpacity: numberIn(options.edgeOpacity, 'edgeOpacity', 1, { min: 0, max: 1 }),
    neg: color(options.negativeColor, 'negativeColor', '#0000ff'),
    pos: color(options.positiveColor, 'positiveColor', '#ff0000'),
    edgeColor: color(options.edgeColor, 'edgeColor', '#505050'),
    bezier: bool(options.bezier, 'bezier', false),
    diameter: numberIn(options.nodeDiameter, 'nodeDiameter', 20, { min: 10, max: 50 }),
    nodeColor: color(options.nodeColor, 'nodeColor', '#ffffff'),
    nodeBorder: color(options.nodeBorderColor, 'nodeBorderColor', '#333333'),
    layerSpacing: numberIn(options.layerSpacing, 'layerSpacing', 160, { min: 30, max: 400 }),
    nodeSpacing: numberIn(options.nodeSpacing, 'nodeSpacing', 20, { min: 0, max: 100 }),
    up: keyword(options.direction, 'direction', ['right', 'up'] as const, 'right') === 'up',
    bias: bool(options.showBias, 'showBias', false),
    labels: bool(options.showLabels, 'showLabels', true),
    arrows: keyword(options.arrowheads, 'arrowheads', ['none', 'empty', 'solid'] as const, 'none'),
    maxNodes: numberIn(options.maxNodes, 'maxNodes', 12, { min: 3, max: 200, integer: true }),
    seed: numberIn(options.seed, 'seed', 1, { integer: true }),
  };
  const canvas = new Canvas(c.idPrefix, c.fontSize);
  const r = o.diameter / 2;
  const step = o.diameter + o.nodeSpacing;
  const labelOf = (i: number): string =>
    `${i === 0 ? 'Input' : i === cols.length - 1 ? 'Output' : 'Hidden'} Layer ∈ ℝ${superscript(cols[i]!.units)}`;
  // Horizontal layers must leave room for the labels under them.
  const widest = o.labels && !o.up ? Math.max(...cols.map((_, i) => textWidth(labelOf(i), c.fontSize))) : 0;
  const spacing = Math.max(o.layerSpacing, widest + 12);
  const slots = cols.map((col, i) => {
    const vis: (number | 'bias' | null)[] = visibleUnits(col.units, o.maxNodes);
    if (o.bias && i < cols.length - 1) vis.unshift('bias');
    return vis;
  });
  const pos = (layer: number, slot: number): [number, number] => {
    const n = slots[layer]!.length;
    const along = layer * spacing;
    const across = (slot - (n - 1) / 2) * step;
    return o.up ? [across, -along] : [along, across];
  };
  const rand = mulberry(o.seed);
  const edges: SvgElement[] = [];
  const marker =
    o.arrows === 'none' ? undefined : `url(#${arrowMarker(canvas, o.edgeColor, o.arrows === 'empty')})`;
  for (let l = 1; l < cols.length; l++) {
    const m = mats[l];
    const pairs: { a: number; b: number; w: number }[] = [];
    slots[l - 1]!.forEach((u, a) => {
      if (u === null) return;
      slots[l]!.forEach((v, b) => {
        if (v === null || v === 'bias') return;
        let w = 1;
        if (source === 'random') w = rand() * 2 - 1;
        else if (m) w = u === 'bias' ? (m.bias?.(v) ?? 0) : m.at(u, v);
        pairs.push({ a, b, w });
      });
    });
    const maxAbs = Math.max(1e-12, ...pairs.map((p) => Math.abs(p.w)));
    // Strong weights last, so they are drawn over the faint ones.
    pairs.sort((p, q) => Math.abs(p.w) - Math.abs(q.w) || p.a - q.a || p.b - q.b);
    for (const p of pairs) {
      const t = Math.abs(p.w) / maxAbs;
      const [x1, y1] = pos(l - 1, p.a);
      const [x2, y2] = pos(l, p.b);
      const [sx, sy, ex, ey] = o.up ? [x1, y1 - r, x2, y2 + r] : [x1 + r, y1, x2 - r, y2];
      const dpath = o.bezier
        ? o.up
          ? path()
              .M(sx, sy)
              .C(sx, (sy + ey) / 2, ex, (sy + ey) / 2, ex, ey).d
          : path()
              .M(sx, sy)
              .C((sx + ex) / 2, sy, (sx + ex) / 2, ey, ex, ey).d
        : path().M(sx, sy).L(ex, ey).d;
      edges.push(
        el('path', {
          d: dpath,
          fill: 'none',
          stroke: o.colorProp ? mix('#d0d0d0', p.w < 0 ? o.neg : o.pos, t) : o.edgeColor,
          'stroke-width': o.widthProp ? Math.max(0.15, o.edgeWidth * 3 * t) : o.edgeWidth,
          'stroke-opacity': o.opacityProp ? Math.max(0.05, t) : o.edgeOpacity < 1 ? o.edgeOpacity : undefined,
          'marker-end': marker,
        }),
      );
    }
  }
  canvas.add(el('g', { class: 'edges' }, edges));
  const nodes: SvgElement[] = [];
  slots.forEach((vis, l) => {
    vis.forEach((u, s) => {
      const [x, y] = pos(l, s);
      canvas.include(x - r, y - r, 2 * r, 2 * r);
      if (u === null) {
        for (const k of [-1, 0, 1]) {
          const [dx, dy] = o.up ? [k * r * 0.7, 0] : [0, k * r * 0.7];
          nodes.push(el('circle', { cx: x + dx, cy: y + dy, r: Math.max(1.5, r / 7), fill: '#333' }));
        }
        return;
      }
      nodes.push(
        el('circle', {
          cx: x,
          cy: y,
          r,
          fill: u === 'bias' ? '#f2f2f2' : o.nodeColor,
          stroke: o.nodeBorder,
          'stroke-width': 1,
          'stroke-dasharray': u === 'bias' ? '3 2' : undefined,
          class: u === 'bias' ? 'bias' : 'node',
        }),
      );
      if (u === 'bias')
        canvas.text(x, y + c.fontSize * 0.35, '+1', {
          size: c.fontSize - 2,
          anchor: 'middle',
          className: 'bias-label',
        });
    });
  });
  canvas.add(el('g', { class: 'nodes' }, nodes), 'main');
  if (o.labels) {
    const ext = canvas.extent();
    cols.forEach((_, l) => {
      const [x, y] = pos(l, 0);
      if (o.up)
        canvas.text(ext.x + ext.width + 12, y + c.fontSize * 0.35, labelOf(l), { className: 'layer-label' });
      else
        canvas.text(x, ext.y + ext.height + 10 + c.fontSize, labelOf(l), {
          anchor: 'middle',
          className: 'layer-label',
        });
    });
  }
  if (c.title)
    canvas.text(canvas.extent().x, canvas.extent().y - 14, c.title, {
      size: c.fontSize + 4,
      bold: true,
      className: 'title',
    });
  return canvas.toSvg({ background: c.background, title: c.title ?? d.title });
}

/** NN-SVG draws uniform random weights in [-1, 1]; ours are repeatable. */
function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
