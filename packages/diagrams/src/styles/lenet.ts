/** NN-SVG LeNet / draw_convnet style: stacks of feature maps, filter projections, vectors, op labels. */
import { opText } from '../layers/describe.js';
import { geometryOf, shapeLabel } from '../layers/geometry.js';
import type { Layer, LayerDiagram } from '../layers/layer.js';
import { repeatBracket } from '../marks/bracket.js';
import { featureStack, stackExtent } from '../marks/feature-stack.js';
import { arcLevels, skipArc, type ArcSpec } from '../marks/skip-arc.js';
import { vectorBar } from '../marks/vector.js';
import { bool, color, keyword, numberIn, rejectUnknown } from '../options.js';
import { Canvas, type Rect } from '../svg/canvas.js';
import { el } from '../svg/element.js';
import { textWidth } from '../svg/text.js';
import { COMMON_KEYS, layerFill, normalizeCommon, type CommonOptions } from './common.js';
import { decorate } from './frame.js';
import { shade } from './palette.js';
import { seededRandom, sizeScale, type Scaling } from './scale.js';

/** Options of the LeNet style (NN-SVG LeNet.html controls and draw_convnet's omission settings). */
export interface LenetOptions extends CommonOptions {
  /** 'kind' colours maps by layer kind; 'alternate' uses color1/color2 like NN-SVG (default 'kind'). */
  colorBy?: 'kind' | 'alternate';
  /** NN-SVG Color 1 / Color 2 (defaults #e0e0e0 / #a0a0a0). */
  color1?: string;
  color2?: string;
  /** Opacity of maps and lines, NN-SVG "Filter Opacity" 0.2–1 (default 0.9). */
  opacity?: number;
  /** Border width 0.01–3 (default 1; projection lines use half). */
  borderWidth?: number;
  /** Offset between stacked maps, NN-SVG "Spacing Between Filters" 1–40 (default 6). */
  mapSpacing?: number;
  /** Gap between layers in px (default 36); spec files may set a per-layer `spacing`. */
  layerSpacing?: number;
  /** How map sides grow with H and W: 'auto' is linear up to 64 px inputs, else sqrt (default 'auto'). */
  mapScaling?: 'auto' | Scaling;
  /** Side of the largest map in px (default 110). */
  mapSize?: number;
  /** Maps drawn per stack before the middle ones become dots (draw_convnet NumConvMax, default 8). */
  maxMaps?: number;
  /** NN-SVG "Sqrt Vector Length Scaling" (default true for imported models). */
  sqrtLength?: boolean;
  /** NN-SVG "Length Size Scaling", 1–200 % (default 100). */
  lengthScale?: number;
  /** Longest vector in px; longer ones are cut and dotted (default 200). */
  maxVectorLength?: number;
  /** Show "N@H×W" above stacks and op names between them (default true). */
  showLabels?: boolean;
  /** Draw the filter patch and its projection lines (default true). */
  showFilters?: boolean;
  /** Seed of the filter positions (NN-SVG places them at random; default 1). */
  seed?: number;
}

const KEYS = [
  ...COMMON_KEYS,
  'colorBy',
  'color1',
  'color2',
  'opacity',
  'borderWidth',
  'mapSpacing',
  'layerSpacing',
  'mapScaling',
  'mapSize',
  'maxMaps',
  'sqrtLength',
  'lengthScale',
  'maxVectorLength',
  'showLabels',
  'showFilters',
  'seed',
] as const;

interface Column {
  layer: Layer;
  form: 'maps' | 'vector';
  width: number;
  height: number;
  x: number;
  y: number;
  top: string;
  ops: string[];
  front?: Rect;
}

/** Draws the layer list in the LeNet style; returns the SVG text. */
export function drawLenet(d: LayerDiagram, options: LenetOptions = {}): string {
  rejectUnknown(options, KEYS, 'lenet');
  const c = normalizeCommon(options);
  const o = {
    colorBy: keyword(options.colorBy, 'colorBy', ['kind', 'alternate'] as const, 'kind'),
    color1: color(options.color1, 'color1', '#e0e0e0'),
    color2: color(options.color2, 'color2', '#a0a0a0'),
    opacity: numberIn(options.opacity, 'opacity', 0.9, { min: 0.2, max: 1 }),
    border: numberIn(options.borderWidth, 'borderWidth', 1, { min: 0.01, max: 3 }),
    mapSpacing: numberIn(options.mapSpacing, 'mapSpacing', 6, { min: 1, max: 40 }),
    layerSpacing: numberIn(options.layerSpacing, 'layerSpacing', 36, { min: 0, max: 400 }),
    mapScaling: keyword(options.mapScaling, 'mapScaling', ['auto', 'linear', 'sqrt', 'log'] as const, 'auto'),
    mapSize: numberIn(options.mapSize, 'mapSize', 110, { min: 10, max: 1000 }),
    maxMaps: numberIn(options.maxMaps, 'maxMaps', 8, { min: 2, max: 64, integer: true }),
    sqrtLength: bool(options.sqrtLength, 'sqrtLength', true),
    lengthScale: numberIn(options.lengthScale, 'lengthScale', 100, { min: 1, max: 200 }),
    maxVector: numberIn(options.maxVectorLength, 'maxVectorLength', 200, { min: 20, max: 2000 }),
    labels: bool(options.showLabels, 'showLabels', true),
    filters: bool(options.showFilters, 'showFilters', true),
    seed: numberIn(options.seed, 'seed', 1, { integer: true }),
  };
  const canvas = new Canvas(c.idPrefix, c.fontSize);
  const geoms = d.layers.map((l) => geometryOf(l));
  const largest = Math.max(
    1,
    ...geoms.map((g) =>
      g.form === 'maps'
        ? Math.max(g.height, g.width)
        : g.form === 'sequence'
          ? Math.max(g.length, g.width)
          : 1,
    ),
  );
  const mode: Scaling = o.mapScaling === 'auto' ? (largest <= 64 ? 'linear' : 'sqrt') : o.mapScaling;
  const side = sizeScale(mode, largest, o.mapSize, 6);
  const vlen = (n: number): number =>
    Math.max(12, (o.sqrtLength ? Math.sqrt(n) * 6 : n) * (o.lengthScale / 100));
  const labelSize = c.fontSize;
  const opSize = c.fontSize - 1;
  const cols: Column[] = d.layers.map((layer, i) => {
    const g = geoms[i]!;
    const ops = i === 0 ? [] : opLines(layer);
    const top = shapeLabel(layer);
    if (g.form === 'vector') {
      const len = Math.min(o.maxVector, vlen(g.length));
      return { layer, form: 'vector', width: 10, height: len, x: 0, y: 0, top, ops };
    }
    const [h, w, n] = g.form === 'maps' ? [g.height, g.width, g.channels] : [g.length, g.width, 1];
    const ext = stackExtent({
      width: side(w),
      height: side(h),
      count: n,
      maxMaps: o.maxMaps,
      offset: o.mapSpacing,
    });
    return { layer, form: 'maps', width: ext.width, height: ext.height, x: 0, y: 0, top, ops };
  });
  // Columns go left to right; gaps grow until neither the shape labels above nor the op labels below collide.
  const opW = (col: Column): number => Math.max(0, ...col.ops.map((t) => textWidth(t, opSize)));
  const topW = (col: Column): number => (o.labels ? textWidth(col.top, labelSize) : 0);
  let prevOpCentre = -Infinity;
  cols.forEach((col, i) => {
    if (i === 0) return;
    const prev = cols[i - 1]!;
    const right = prev.x + prev.width;
    let left = right + o.layerSpacing;
    const topGap = (topW(prev) + topW(col)) / 2 + 12;
    left = Math.max(left, prev.x + prev.width / 2 + topGap - col.width / 2);
    if (o.labels && col.ops.length) {
      const need = prevOpCentre + (opW(cols[i - 1]!) + opW(col)) / 2 + 12;
      left = Math.max(left, 2 * need - right, right + opW(col) * 0.6);
      prevOpCentre = (right + left) / 2;
    }
    col.x = left;
  });
  const tallest = Math.max(...cols.map((col) => col.height));
  for (const col of cols) col.y = -col.height / 2;
  // Paint back to front so projection lines pass over earlier stacks and under later ones.
  const rand = seededRandom(o.seed);
  cols.forEach((col, i) => {
    const fill = layerFill(c, col.layer);
    const fills: [string, string] =
      o.colorBy === 'alternate' ? [o.color1, o.color2] : [fill, shade(fill, 0.85)];
    const g = geoms[i]!;
    if (col.form === 'vector') {
      const n = g.form === 'vector' ? g.length : 1;
      col.front = vectorBar(canvas, {
        x: col.x,
        y: col.y,
        width: col.width,
        length: col.height,
        depth: 5,
        broken: vlen(n) > o.maxVector,
        fill: fills[0],
        stroke: 'black',
        strokeWidth: o.border,
        opacity: o.opacity,
      });
    } else {
      const [h, w, n] =
        g.form === 'maps'
          ? [g.height, g.width, g.channels]
          : g.form === 'sequence'
            ? [g.length, g.width, 1]
            : [1, 1, 1];
      col.front = featureStack(canvas, {
        x: col.x,
        y: col.y,
        width: side(w),
        height: side(h),
        count: n,
        maxMaps: o.maxMaps,
        offset: o.mapSpacing,
        fills,
        stroke: 'black',
        strokeWidth: o.border,
        opacity: o.opacity,
        className: `stack kind-${col.layer.kind}`,
      });
    }
    if (i > 0 && o.filters) projection(canvas, cols[i - 1]!, col, rand, o.border / 2, o.opacity);
  });
  if (o.labels) {
    const topY = -tallest / 2 - 10;
    for (const col of cols)
      canvas.text(col.x + col.width / 2, topY, col.top, {
        size: labelSize,
        anchor: 'middle',
        className: 'shape-label',
      });
    const opY = tallest / 2 + 10 + opSize;
    cols.forEach((col, i) => {
      if (i === 0 || !col.ops.length) return;
      const prev = cols[i - 1]!;
      const cx = (prev.x + prev.width + col.x) / 2;
      col.ops.forEach((t, k) =>
        canvas.text(cx, opY + k * (opSize + 3), t, { size: opSize, anchor: 'middle', className: 'op-label' }),
      );
    });
  }
  const below = tallest / 2 + (o.labels ? 10 + 2 * (opSize + 3) + 6 : 10);
  drawRepeats(canvas, d, cols, below, opSize);
  if (c.skips) drawSkips(canvas, d, cols, -tallest / 2 - (o.labels ? 10 + labelSize + 6 : 8), labelSize - 2);
  decorate(canvas, c, d);
  return canvas.toSvg({ background: c.background, title: c.title ?? d.title });
}

/** Two short lines naming the op that makes a layer from the one before ("Conv", "5×5, ReLU"). */
function opLines(layer: Layer): string[] {
  if (layer.caption) return layer.caption.split('\n').slice(0, 2);
  const first =
    layer.kind === 'block' || layer.kind === 'attention'
      ? layer.name
      : opText({ ...layer, kernel: undefined, stride: undefined });
  const detail = [
    layer.kind === 'block' || layer.kind === 'attention'
      ? layer.op
      : opText(layer).slice(first.length).trim(),
    layer.activation,
  ]
    .filter(Boolean)
    .join(', ');
  return detail ? [first, detail] : [first];
}

/** The filter patch on the previous stack and the lines from it to one point of this layer. */
function projection(
  canvas: Canvas,
  prev: Column,
  col: Column,
  rand: () => number,
  width: number,
  opacity: number,
): void {
  const a = prev.front!;
  const b = col.front!;
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    el('line', { x1, y1, x2, y2, stroke: 'black', 'stroke-width': width });
  const lines = [];
  const g = geometryOf(prev.layer);
  if (prev.form === 'maps' && col.form === 'maps' && col.layer.kernel && g.form !== 'vector') {
    const [kh, kw] = col.layer.kernel;
    const [h, w] = g.form === 'maps' ? [g.height, g.width] : [g.length, g.width];
    // The patch has the kernel's true size on the map's pixel scale, but stays visible.
    const fw = Math.min(a.width * 0.6, Math.max(4, (kw / w) * a.width));
    const fh = Math.min(a.height * 0.6, Math.max(4, (kh / h) * a.height));
    const u = 0.1 + rand() * 0.8;
    const v = 0.1 + rand() * 0.8;
    const fx = a.x + u * (a.width - fw);
    const fy = a.y + v * (a.height - fh);
    const tx = b.x + (0.1 + u * 0.8) * b.width;
    const ty = b.y + (0.1 + v * 0.8) * b.height;
    canvas.add(
      el('rect', {
        x: fx,
        y: fy,
        width: fw,
        height: fh,
        fill: '#555',
        'fill-opacity': 0.35,
        stroke: 'black',
        'stroke-width': width,
        class: 'filter',
      }),
    );
    lines.push(
      line(fx, fy, tx, ty),
      line(fx + fw, fy, tx, ty),
      line(fx, fy + fh, tx, ty),
      line(fx + fw, fy + fh, tx, ty),
    );
  } else {
    lines.push(line(a.x + a.width, a.y, b.x, b.y), line(a.x + a.width, a.y + a.height, b.x, b.y + b.height));
  }
  canvas.add(el('g', { class: 'projection', opacity: opacity < 1 ? opacity : undefined }, lines));
}

function drawSkips(canvas: Canvas, d: LayerDiagram, cols: Column[], base: number, labelSize: number): void {
  const index = new Map(d.layers.map((l, i) => [l.id, i]));
  const arcs: ArcSpec[] = [];
  for (const s of d.skips) {
    const a = cols[index.get(s.from)!];
    const b = cols[index.get(s.to)!];
    if (!a || !b) continue;
    const arc: ArcSpec = { x1: a.x + a.width / 2, x2: b.x + b.width / 2, kind: s.kind };
    if (s.via) arc.label = s.via;
    arcs.push(arc);
  }
  const levels = arcLevels(arcs, labelSize);
  arcs.forEach((a, i) => skipArc(canvas, a, base, 16 + levels[i]! * (labelSize + 8), labelSize));
}

function drawRepeats(canvas: Canvas, d: LayerDiagram, cols: Column[], y: number, size: number): void {
  const index = new Map(d.layers.map((l, i) => [l.id, i]));
  for (const r of d.repeats) {
    const a = cols[index.get(r.first)!];
    const b = cols[index.get(r.last)!];
    if (!a || !b) continue;
    // The bracket covers the ops that make the repeated layers (their labels sit left of each stack).
    const i = index.get(r.first)!;
    const prev = cols[i - 1];
    const x1 = prev ? (prev.x + prev.width + a.x) / 2 - 20 : a.x;
    const x2 = b.x + b.width;
    repeatBracket(canvas, x1, x2, y, r.count, size);
  }
}
