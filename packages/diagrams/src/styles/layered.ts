/** visualkeras layered_view: one volume per layer sized by its shape, funnels between them, and a legend. */
import { geometryOf, shapeLabel } from '../layers/geometry.js';
import { LAYER_KINDS, type Layer, type LayerDiagram, type LayerKind } from '../layers/layer.js';
import { repeatBracket } from '../marks/bracket.js';
import { obliqueBox } from '../marks/oblique-box.js';
import { arcLevels, skipArc, type ArcSpec } from '../marks/skip-arc.js';
import { bool, color, DiagramOptionError, keyword, numberIn, rejectUnknown } from '../options.js';
import { Canvas, textBox } from '../svg/canvas.js';
import { el } from '../svg/element.js';
import { path } from '../svg/path.js';
import { COMMON_KEYS, layerFill, normalizeCommon, type CommonOptions } from './common.js';
import { decorate } from './frame.js';

/** How visualkeras turns a dimension into pixels. */
export type SizingMode = 'accurate' | 'balanced' | 'capped' | 'logarithmic' | 'relative';

/** Options of the layered style (visualkeras.layered_view parameters, camelCased). */
export interface LayeredOptions extends CommonOptions {
  /** Bounds and scale of the channel axis (visualkeras min_z, max_z, scale_z; defaults 12, 90, 1.5). */
  minZ?: number;
  maxZ?: number;
  scaleZ?: number;
  /** Bounds and scale of the spatial axes (min_xy, max_xy, scale_xy; defaults 12, 160, 4). */
  minXY?: number;
  maxXY?: number;
  scaleXY?: number;
  /** visualkeras sizing_mode (default 'balanced': square-root sizes within the bounds). */
  sizingMode?: SizingMode;
  /** Caps for 'capped' mode (visualkeras dimension_caps). */
  dimensionCaps?: { channels?: number; sequence?: number; general?: number };
  /** Size of the smallest layer in 'relative' mode (relative_base_size, default 20). */
  relativeBaseSize?: number;
  /** Axis that 1-D layers extend along: 'x' (depth), 'y' (height) or 'z' (width, default). */
  oneDimOrientation?: 'x' | 'y' | 'z';
  /** Layer kinds and layer indices left out (type_ignore, index_ignore). */
  typeIgnore?: LayerKind[];
  indexIgnore?: number[];
  /** Draw volumes (default true) or flat rectangles. */
  drawVolume?: boolean;
  /** Right to left (default false). */
  drawReversed?: boolean;
  /** Gap between layers (spacing, default 10) and outer padding (padding, default 10). */
  spacing?: number;
  padding?: number;
  /** Funnel lines between consecutive volumes (draw_funnel, default true), their colour and width. */
  drawFunnel?: boolean;
  connectorFill?: string;
  connectorWidth?: number;
  /** Face darkening step 0–50 (shade_step, default 10). */
  shadeStep?: number;
  /** Text under each volume: dims (show_dimension, default true) and layer names (default true). */
  showDimension?: boolean;
  showNames?: boolean;
  /** Gap between text lines (text_vspacing, default 4) and text colour (font_color). */
  textVSpacing?: number;
  fontColor?: string;
}

const KEYS = [
  ...COMMON_KEYS,
  'minZ',
  'maxZ',
  'scaleZ',
  'minXY',
  'maxXY',
  'scaleXY',
  'sizingMode',
  'dimensionCaps',
  'relativeBaseSize',
  'oneDimOrientation',
  'typeIgnore',
  'indexIgnore',
  'drawVolume',
  'drawReversed',
  'spacing',
  'padding',
  'drawFunnel',
  'connectorFill',
  'connectorWidth',
  'shadeStep',
  'showDimension',
  'showNames',
  'textVSpacing',
  'fontColor',
] as const;

interface Vol {
  layer: Layer;
  x: number;
  y: number;
  w: number;
  h: number;
  d: number;
  lines: string[];
}

/** Draws the layer list as visualkeras volumes; returns the SVG text. */
export function drawLayered(d: LayerDiagram, options: LayeredOptions = {}): string {
  rejectUnknown(options, KEYS, 'layered');
  const c = normalizeCommon(options);
  const caps = options.dimensionCaps ?? {};
  const o = {
    minZ: numberIn(options.minZ, 'minZ', 12, { min: 1 }),
    maxZ: numberIn(options.maxZ, 'maxZ', 90, { min: 1 }),
    scaleZ: numberIn(options.scaleZ, 'scaleZ', 1.5, { min: 0.001 }),
    minXY: numberIn(options.minXY, 'minXY', 12, { min: 1 }),
    maxXY: numberIn(options.maxXY, 'maxXY', 160, { min: 1 }),
    scaleXY: numberIn(options.scaleXY, 'scaleXY', 4, { min: 0.001 }),
    mode: keyword(
      options.sizingMode,
      'sizingMode',
      ['accurate', 'balanced', 'capped', 'logarithmic', 'relative'] as const,
      'balanced',
    ),
    capC: numberIn(caps.channels, 'dimensionCaps.channels', Infinity, { min: 1 }),
    capS: numberIn(caps.sequence, 'dimensionCaps.sequence', Infinity, { min: 1 }),
    capG: numberIn(caps.general, 'dimensionCaps.general', Infinity, { min: 1 }),
    base: numberIn(options.relativeBaseSize, 'relativeBaseSize', 20, { min: 1 }),
    oneDim: keyword(options.oneDimOrientation, 'oneDimOrientation', ['x', 'y', 'z'] as const, 'z'),
    volume: bool(options.drawVolume, 'drawVolume', true),
    reversed: bool(options.drawReversed, 'drawReversed', false),
    spacing: numberIn(options.spacing, 'spacing', 10, { min: 0 }),
    padding: numberIn(options.padding, 'padding', 10, { min: 0 }),
    funnel: bool(options.drawFunnel, 'drawFunnel', true),
    connector: color(options.connectorFill, 'connectorFill', 'gray'),
    connectorWidth: numberIn(options.connectorWidth, 'connectorWidth', 1, { min: 0 }),
    shadeStep: numberIn(options.shadeStep, 'shadeStep', 10, { min: 0, max: 50 }),
    dims: bool(options.showDimension, 'showDimension', true),
    names: bool(options.showNames, 'showNames', true),
    vspace: numberIn(options.textVSpacing, 'textVSpacing', 4, { min: 0 }),
    fontColor: color(options.fontColor, 'fontColor', 'black'),
  };
  for (const k of options.typeIgnore ?? []) {
    if (!LAYER_KINDS.includes(k))
      throw new DiagramOptionError('typeIgnore', k, `a layer kind among ${LAYER_KINDS.join(', ')}`);
  }
  const ignored = new Set(options.typeIgnore ?? []);
  const skipIdx = new Set(options.indexIgnore ?? []);
  let layers = d.layers.filter((l, i) => !ignored.has(l.kind) && !skipIdx.has(i));
  if (o.reversed) layers = [...layers].reverse();
  const smallest = Math.max(1, Math.min(...layers.flatMap((l) => l.shape.filter((x) => x > 0))));
  const size = (n: number, axis: 'z' | 'xy', cap: number): number => {
    const [min, max, scale] = axis === 'z' ? [o.minZ, o.maxZ, o.scaleZ] : [o.minXY, o.maxXY, o.scaleXY];
    const v = Math.max(1, n);
    let px: number;
    if (o.mode === 'accurate') px = v * scale;
    else if (o.mode === 'capped') px = Math.min(v, cap) * scale;
    else if (o.mode === 'logarithmic') px = Math.log2(v + 1) * scale * (axis === 'z' ? 4 : 3);
    else if (o.mode === 'relative') px = (o.base * v) / smallest;
    else px = Math.sqrt(v) * scale * (axis === 'z' ? 2 : 2.5);
    return Math.max(min, Math.min(max, px));
  };
  const vols: Vol[] = layers.map((layer) => {
    const g = geometryOf(layer);
    let w: number, h: number, dep: number;
    if (g.form === 'maps') {
      [w, h, dep] = [
        size(g.channels, 'z', Math.min(o.capC, o.capG)),
        size(g.height, 'xy', o.capG),
        size(g.width, 'xy', o.capG) / 3,
      ];
    } else if (g.form === 'sequence') {
      [w, h, dep] = [
        size(g.width, 'z', Math.min(o.capC, o.capG)),
        size(g.length, 'xy', Math.min(o.capS, o.capG)),
        o.minXY / 3,
      ];
    } else {
      const long = g.length;
      if (o.oneDim === 'y') [w, h, dep] = [o.minZ, size(long, 'xy', o.capG), o.minXY / 3];
      else if (o.oneDim === 'x') [w, h, dep] = [o.minZ, o.minXY, size(long, 'xy', o.capG) / 3];
      else [w, h, dep] = [size(long, 'z', Math.min(o.capC, o.capG)), o.minXY, o.minXY / 3];
    }
    const lines = [o.names ? layer.name : '', o.dims ? shapeLabel(layer) : ''].filter(Boolean);
    return { layer, x: 0, y: -h / 2, w, h, d: o.volume ? dep : 0, lines };
  });
  let x = o.padding;
  for (const v of vols) {
    v.x = x;
    x += v.w + v.d + o.spacing;
  }
  const cv = new Canvas(c.idPrefix, c.fontSize);
  if (o.funnel) cv.add(el('g', { class: 'funnels' }, funnelLines(vols, o.connector, o.connectorWidth)));
  for (const v of vols) {
    obliqueBox(cv, {
      x: v.x,
      y: v.y,
      width: v.w,
      height: v.h,
      depth: v.d,
      fill: layerFill(c, v.layer),
      shadeStep: o.shadeStep,
      stroke: 'black',
      strokeWidth: 0.8,
      className: `volume kind-${v.layer.kind}`,
    });
  }
  placeTexts(cv, vols, c.fontSize - 1, o.vspace, o.fontColor);
  const idxOf = new Map(vols.map((v, i) => [v.layer.id, i]));
  const below = cv.extent().y + cv.extent().height + 6;
  for (const r of d.repeats) {
    const a = vols[idxOf.get(r.first) ?? -1];
    const b = vols[idxOf.get(r.last) ?? -1];
    if (a && b)
      repeatBracket(
        cv,
        Math.min(a.x, b.x),
        Math.max(a.x + a.w + a.d, b.x + b.w + b.d),
        below,
        r.count,
        c.fontSize - 1,
      );
  }
  if (c.skips) {
    const idx = new Map(vols.map((v, i) => [v.layer.id, i]));
    const top = Math.min(...vols.map((v) => v.y - v.d));
    const arcs: ArcSpec[] = [];
    for (const s of d.skips) {
      const a = vols[idx.get(s.from) ?? -1];
      const b = vols[idx.get(s.to) ?? -1];
      if (!a || !b) continue;
      const arc: ArcSpec = { x1: a.x + (a.w + a.d) / 2, x2: b.x + (b.w + b.d) / 2, kind: s.kind };
      if (s.via) arc.label = s.via;
      arcs.push(arc);
    }
    const levels = arcLevels(arcs, c.fontSize - 2);
    arcs.forEach((a, i) => skipArc(cv, a, top - 6, 14 + levels[i]! * (c.fontSize + 6), c.fontSize - 2));
  }
  decorate(cv, c, { ...d, layers });
  return cv.toSvg({ background: c.background, title: c.title ?? d.title, margin: Math.max(4, o.padding) });
}

function funnelLines(vols: Vol[], stroke: string, width: number) {
  const out = [];
  for (let i = 1; i < vols.length; i++) {
    const a = vols[i - 1]!;
    const b = vols[i]!;
    const seg = (x1: number, y1: number, x2: number, y2: number) =>
      el('line', { x1, y1, x2, y2, stroke, 'stroke-width': width });
    out.push(
      seg(a.x + a.w, a.y, b.x, b.y),
      seg(a.x + a.w, a.y + a.h, b.x, b.y + b.h),
      seg(a.x + a.w + a.d, a.y - a.d, b.x + b.d, b.y - b.d),
      seg(a.x + a.w + a.d, a.y + a.h - a.d, b.x + b.d, b.y + b.h - b.d),
    );
  }
  return out;
}

/** Text blocks under the volumes; a block that would touch its neighbour drops to the next row (visualkeras alternates rows the same way). */
function placeTexts(cv: Canvas, vols: Vol[], size: number, vspace: number, fill: string): void {
  const bottom = Math.max(...vols.map((v) => v.y + v.h));
  const lineH = size + vspace;
  const rows: number[] = [];
  for (const v of vols) {
    if (!v.lines.length) continue;
    const cx = v.x + (v.w + v.d) / 2;
    const boxes = (row: number) =>
      v.lines.map((t, k) =>
        textBox(cx, bottom + 10 + size + (row * v.lines.length + k) * lineH, t, { size, anchor: 'middle' }),
      );
    let row = 0;
    while (!boxes(row).every((b) => cv.isFree(b, 8))) row++;
    rows.push(row);
    if (row > 0) {
      const y0 = bottom + 4;
      const y1 = bottom + 10 + row * v.lines.length * lineH;
      cv.add(el('path', { d: path().M(cx, y0).L(cx, y1).d, stroke: '#aaa', 'stroke-width': 0.6 }), 'labels');
    }
    v.lines.forEach((t, k) =>
      cv.text(cx, bottom + 10 + size + (row * v.lines.length + k) * lineH, t, {
        size,
        anchor: 'middle',
        fill: fill === 'black' ? undefined : fill,
        className: 'volume-label',
      }),
    );
  }
}
