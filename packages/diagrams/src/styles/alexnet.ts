/** NN-SVG AlexNet style: 3D tensors through our own orthographic camera, conv filters with projection pyramids. */
import { opText } from '../layers/describe.js';
import { geometryOf } from '../layers/geometry.js';
import type { Layer, LayerDiagram } from '../layers/layer.js';
import { arrowMarker } from '../marks/arrow.js';
import { repeatBracket } from '../marks/bracket.js';
import { cuboid, includeBox, projectedBounds } from '../marks/cuboid.js';
import { camera, type Camera, type Vec3 } from '../marks/projection.js';
import { arcLevels, skipArc, type ArcSpec } from '../marks/skip-arc.js';
import { bool, color, keyword, numberIn, rejectUnknown } from '../options.js';
import { Canvas } from '../svg/canvas.js';
import { el, type SvgElement } from '../svg/element.js';
import { polygon } from '../svg/path.js';
import { textWidth } from '../svg/text.js';
import { COMMON_KEYS, layerFill, normalizeCommon, type CommonOptions } from './common.js';
import { decorate } from './frame.js';
import { dimText, seededRandom } from './scale.js';

/** Options of the AlexNet style (NN-SVG AlexNet.html controls plus a camera). */
export interface AlexnetOptions extends CommonOptions {
  /** 'kind' fills tensors by layer kind; 'uniform' uses color1 like NN-SVG (default 'kind'). */
  colorBy?: 'kind' | 'uniform';
  /** NN-SVG Color 1 (tensors, #eeeeee), Color 2 (conv filters, #99ddff), Color 3 (pyramids, #ffbbbb). */
  color1?: string;
  color2?: string;
  color3?: string;
  /** Tensor and filter opacity, 0–1 (NN-SVG defaults 0.4 / 0.4; ours 0.75 / 0.6 for print). */
  tensorOpacity?: number;
  filterOpacity?: number;
  /** Gap between layers, 10–100 (default 20, in NN-SVG units of 2 px). */
  layerSpacing?: number;
  /** NN-SVG "Log Feature-Map Depth Scaling" (default true) and "Depth Size Scaling" 1–100 (default 10). */
  logDepth?: boolean;
  depthScale?: number;
  /** NN-SVG "Log Feature-Map Width Scaling" (default true) and "Width Size Scaling" 1–100 (default 10). */
  logWidth?: boolean;
  widthScale?: number;
  /** NN-SVG "Log Convolutional Filter Size Scaling" (default false) and "Convolutional Filter Scaling" 1–10 (default 1). */
  logFilter?: boolean;
  filterScale?: number;
  /** NN-SVG "Show Tensor Dimensions": H, W and C along the box edges (default false; captions show shapes). */
  showTensorDims?: boolean;
  /** NN-SVG "Show Conv Dimensions": kernel size beside each filter (default false). */
  showConvDims?: boolean;
  /** Captions under each tensor: shape and op (default true). */
  showCaptions?: boolean;
  /** Camera azimuth and elevation in degrees (defaults -35 and 25); NN-SVG's orbit control. */
  azimuth?: number;
  elevation?: number;
  /** Seed of the filter positions (NN-SVG places them at random; default 1). */
  seed?: number;
}

const KEYS = [
  ...COMMON_KEYS,
  'colorBy',
  'color1',
  'color2',
  'color3',
  'tensorOpacity',
  'filterOpacity',
  'layerSpacing',
  'logDepth',
  'depthScale',
  'logWidth',
  'widthScale',
  'logFilter',
  'filterScale',
  'showTensorDims',
  'showConvDims',
  'showCaptions',
  'azimuth',
  'elevation',
  'seed',
] as const;

/** Px per NN-SVG unit, so that the NN-SVG sliders keep their meaning at our font sizes. */
const UNIT = 2.2;

interface Slab {
  layer: Layer;
  min: Vec3;
  max: Vec3;
  /** Real height and width of maps (1 for vectors). */
  h: number;
  w: number;
  caption: string[];
}

/** Draws the layer list in the AlexNet style; returns the SVG text. */
export function drawAlexnet(d: LayerDiagram, options: AlexnetOptions = {}): string {
  rejectUnknown(options, KEYS, 'alexnet');
  const c = normalizeCommon(options);
  const o = {
    colorBy: keyword(options.colorBy, 'colorBy', ['kind', 'uniform'] as const, 'kind'),
    color1: color(options.color1, 'color1', '#eeeeee'),
    color2: color(options.color2, 'color2', '#99ddff'),
    color3: color(options.color3, 'color3', '#ffbbbb'),
    tensorOpacity: numberIn(options.tensorOpacity, 'tensorOpacity', 0.75, { min: 0, max: 1 }),
    filterOpacity: numberIn(options.filterOpacity, 'filterOpacity', 0.6, { min: 0, max: 1 }),
    spacing: numberIn(options.layerSpacing, 'layerSpacing', 20, { min: 10, max: 100 }) * UNIT,
    logDepth: bool(options.logDepth, 'logDepth', true),
    depthScale: numberIn(options.depthScale, 'depthScale', 10, { min: 1, max: 100 }),
    logWidth: bool(options.logWidth, 'logWidth', true),
    widthScale: numberIn(options.widthScale, 'widthScale', 10, { min: 1, max: 100 }),
    logFilter: bool(options.logFilter, 'logFilter', false),
    filterScale: numberIn(options.filterScale, 'filterScale', 1, { min: 1, max: 10 }),
    dims: bool(options.showTensorDims, 'showTensorDims', false),
    convDims: bool(options.showConvDims, 'showConvDims', false),
    captions: bool(options.showCaptions, 'showCaptions', true),
    azimuth: numberIn(options.azimuth, 'azimuth', -35, { min: -89, max: 89 }),
    elevation: numberIn(options.elevation, 'elevation', 25, { min: -89, max: 89 }),
    seed: numberIn(options.seed, 'seed', 1, { integer: true }),
  };
  const cam = camera(o.azimuth, o.elevation);
  const canvas = new Canvas(c.idPrefix, c.fontSize);
  const size = (n: number, log: boolean, scale: number): number =>
    Math.max(3, (log ? Math.log(Math.max(1, n)) * scale : (n * scale) / 10) * UNIT);
  const capSize = c.fontSize - 1;
  // Lay slabs along x; push them apart until their captions clear each other on screen.
  const slabs: Slab[] = [];
  let x = 0;
  let prevCentre = -Infinity;
  let prevCapW = 0;
  const cosA = Math.max(0.2, Math.cos((o.azimuth * Math.PI) / 180));
  for (const layer of d.layers) {
    const g = geometryOf(layer);
    let thick: number, hgt: number, wid: number, h: number, w: number;
    if (g.form === 'vector') {
      [thick, hgt, wid, h, w] = [3 * UNIT, size(g.length, o.logWidth, o.widthScale), 3 * UNIT, 1, 1];
    } else {
      const [ch, hh, ww] = g.form === 'maps' ? [g.channels, g.height, g.width] : [g.width, g.length, 1]; // a sequence is a 1-D map with D channels
      [thick, hgt, wid, h, w] = [
        size(ch, o.logDepth, o.depthScale),
        size(hh, o.logWidth, o.widthScale),
        size(ww, o.logWidth, o.widthScale),
        hh,
        ww,
      ];
    }
    const caption = o.captions ? captionOf(layer) : [];
    const capW = Math.max(0, ...caption.map((t) => textWidth(t, capSize)));
    let min: Vec3 = [x, -hgt / 2, -wid / 2];
    let max: Vec3 = [x + thick, hgt / 2, wid / 2];
    const b = projectedBounds(cam, min, max);
    const centre = (b.x0 + b.x1) / 2;
    const need = prevCentre + (prevCapW + capW) / 2 + 14;
    if (centre < need) {
      const dx = (need - centre) / cosA;
      min = [min[0] + dx, min[1], min[2]];
      max = [max[0] + dx, max[1], max[2]];
    }
    const nb = projectedBounds(cam, min, max);
    prevCentre = (nb.x0 + nb.x1) / 2;
    prevCapW = capW;
    slabs.push({ layer, min, max, h, w, caption });
    x = max[0] + o.spacing;
  }
  const rand = seededRandom(o.seed);
  const items: { depth: number; el: SvgElement }[] = [];
  slabs.forEach((s, i) => {
    const fill = o.colorBy === 'uniform' ? o.color1 : layerFill(c, s.layer);
    items.push({
      depth: cam.depth(centreOf(s.min, s.max)),
      el: cuboid(cam, s.min, s.max, {
        fill,
        opacity: o.tensorOpacity,
        stroke: '#333',
        strokeWidth: 0.8,
        className: `tensor kind-${s.layer.kind}`,
      }),
    });
    includeBox(canvas, cam, s.min, s.max);
    const next = slabs[i + 1];
    if (next) items.push(...filterAndPyramid(cam, s, next, o, rand));
  });
  items.sort((a, b) => a.depth - b.depth);
  for (const it of items) canvas.add(it.el);
  // NN-SVG joins its dense vectors with arrows.
  const marker = arrowMarker(canvas, '#444');
  slabs.forEach((s, i) => {
    const next = slabs[i + 1];
    if (!next || geometryOf(next.layer).form !== 'vector') return;
    const [x1, y1] = cam.project([s.max[0], 0, s.max[2]]);
    const [x2, y2] = cam.project([next.min[0], 0, next.max[2]]);
    if (x2 - x1 < 8) return;
    canvas.add(
      el('line', {
        x1: x1 + 2,
        y1,
        x2: x2 - 2,
        y2,
        stroke: '#444',
        'stroke-width': 1,
        'marker-end': `url(#${marker})`,
        class: 'arrow',
      }),
    );
  });
  let lowest = -Infinity;
  let highest = Infinity;
  for (const s of slabs) {
    const b = projectedBounds(cam, s.min, s.max);
    lowest = Math.max(lowest, b.y1);
    highest = Math.min(highest, b.y0);
  }
  if (o.dims) for (const s of slabs) tensorDims(canvas, cam, s, capSize);
  if (o.convDims) convDims(canvas, cam, slabs, capSize);
  const capY = lowest + 12 + capSize;
  for (const s of slabs) {
    const b = projectedBounds(cam, s.min, s.max);
    s.caption.forEach((t, k) =>
      canvas.text((b.x0 + b.x1) / 2, capY + k * (capSize + 3), t, {
        size: capSize,
        anchor: 'middle',
        className: 'caption',
      }),
    );
  }
  drawRepeats(canvas, cam, d, slabs, capY + 2 * (capSize + 3), capSize);
  if (c.skips) {
    const idx = new Map(d.layers.map((l, i) => [l.id, i]));
    const arcs: ArcSpec[] = [];
    for (const sk of d.skips) {
      const a = slabs[idx.get(sk.from)!];
      const b = slabs[idx.get(sk.to)!];
      if (!a || !b) continue;
      const pa = projectedBounds(cam, a.min, a.max);
      const pb = projectedBounds(cam, b.min, b.max);
      const arc: ArcSpec = { x1: (pa.x0 + pa.x1) / 2, x2: (pb.x0 + pb.x1) / 2, kind: sk.kind };
      if (sk.via) arc.label = sk.via;
      arcs.push(arc);
    }
    const levels = arcLevels(arcs, capSize - 1);
    arcs.forEach((a, i) => skipArc(canvas, a, highest - 8, 16 + levels[i]! * (capSize + 8), capSize - 1));
  }
  decorate(canvas, c, d);
  return canvas.toSvg({ background: c.background, title: c.title ?? d.title });
}

function centreOf(min: Vec3, max: Vec3): Vec3 {
  return [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2];
}

function captionOf(layer: Layer): string[] {
  const g = geometryOf(layer);
  const s = layer.shape.map(dimText);
  const shape =
    g.form === 'maps'
      ? `${s[s.length - 2]}×${s[s.length - 1]}×${s[s.length - 3]}`
      : g.form === 'sequence'
        ? `${s[0]}×${s[1]}`
        : (s[0] ?? '?');
  const op =
    layer.kind === 'input'
      ? 'Input'
      : layer.kind === 'block' || layer.kind === 'attention'
        ? layer.name
        : opText(layer);
  return [shape, op];
}

/** A filter box on the previous tensor and the pyramid from it to a point of the next one. */
function filterAndPyramid(
  cam: Camera,
  s: Slab,
  next: Slab,
  o: { color2: string; color3: string; filterOpacity: number; logFilter: boolean; filterScale: number },
  rand: () => number,
): { depth: number; el: SvgElement }[] {
  const k = next.layer.kernel;
  if (!k || geometryOf(s.layer).form === 'vector') return [];
  const hgt = s.max[1] - s.min[1];
  const wid = s.max[2] - s.min[2];
  const side = (kk: number, real: number, px: number): number => {
    const raw = o.logFilter
      ? Math.log(kk + 1) * o.filterScale * UNIT * 2
      : (kk / Math.max(1, real)) * px * o.filterScale;
    return Math.min(px * 0.8, Math.max(5, raw));
  };
  const fh = side(k[0], s.h, hgt);
  const fw = side(k[1], s.w, wid);
  const thick = Math.min(s.max[0] - s.min[0], 6 * UNIT);
  // NN-SVG offsets filters at random by up to ±0.4 of the tensor; ours are seeded.
  const cy = (rand() - 0.5) * 0.8 * (hgt - fh);
  const cz = (rand() - 0.5) * 0.8 * (wid - fw);
  const fmin: Vec3 = [s.max[0] - thick, cy - fh / 2, cz - fw / 2];
  const fmax: Vec3 = [s.max[0], cy + fh / 2, cz + fw / 2];
  const apex: Vec3 = [
    next.min[0],
    (cy / hgt) * (next.max[1] - next.min[1]),
    (cz / wid) * (next.max[2] - next.min[2]),
  ];
  const base: Vec3[] = [
    [fmax[0], fmin[1], fmin[2]],
    [fmax[0], fmax[1], fmin[2]],
    [fmax[0], fmax[1], fmax[2]],
    [fmax[0], fmin[1], fmax[2]],
  ];
  const tris = base.map((p, i) => {
    const q = base[(i + 1) % 4]!;
    return el('path', {
      d: polygon([cam.project(p), cam.project(q), cam.project(apex)]),
      fill: o.color3,
      'fill-opacity': 0.5,
      stroke: '#c44',
      'stroke-width': 0.6,
    });
  });
  return [
    {
      depth: cam.depth(centreOf(fmin, fmax)) + 0.01,
      el: cuboid(cam, fmin, fmax, {
        fill: o.color2,
        opacity: o.filterOpacity,
        stroke: '#246',
        strokeWidth: 0.6,
        className: 'filter',
      }),
    },
    {
      depth: cam.depth(centreOf(base[0]!, apex)),
      el: el('g', { class: 'pyramid', opacity: o.filterOpacity }, tris),
    },
  ];
}

/** NN-SVG's tensor dimensions: H on the near vertical edge, W on the near depth edge, C on the near width edge. */
function tensorDims(canvas: Canvas, cam: Camera, s: Slab, size: number): void {
  const g = geometryOf(s.layer);
  if (g.form !== 'maps') return;
  const [x0, y0, z0] = s.min;
  const [x1, y1, z1] = s.max;
  const spots: [Vec3, string, 'end' | 'middle', number, number][] = [
    [[x0, (y0 + y1) / 2, z1], String(g.height), 'end', -4, 4],
    [[x0, y0, (z0 + z1) / 2], String(g.width), 'end', -4, 10],
    [[(x0 + x1) / 2, y0, z1], String(g.channels), 'middle', 0, size + 4],
  ];
  for (const [p, t, anchor, dx, dy] of spots) {
    const [sx, sy] = cam.project(p);
    const box = {
      x: anchor === 'end' ? sx + dx - textWidth(t, size) : sx - textWidth(t, size) / 2,
      y: sy + dy - size,
      width: textWidth(t, size),
      height: size * 1.2,
    };
    if (canvas.isFree(box, 2))
      canvas.text(sx + dx, sy + dy, t, { size, anchor, fill: '#333', className: 'dim' });
  }
}

function convDims(canvas: Canvas, cam: Camera, slabs: Slab[], size: number): void {
  slabs.forEach((s, i) => {
    const k = slabs[i + 1]?.layer.kernel;
    if (!k || geometryOf(s.layer).form === 'vector') return;
    const [sx, sy] = cam.project([s.max[0], s.max[1], s.max[2]]);
    const t = `${k[0]}×${k[1]}`;
    const box = { x: sx + 2, y: sy - 4 - size, width: textWidth(t, size), height: size * 1.2 };
    if (canvas.isFree(box, 2)) canvas.text(sx + 2, sy - 4, t, { size, fill: '#246', className: 'conv-dim' });
  });
}

function drawRepeats(
  canvas: Canvas,
  cam: Camera,
  d: LayerDiagram,
  slabs: Slab[],
  y: number,
  size: number,
): void {
  const idx = new Map(d.layers.map((l, i) => [l.id, i]));
  for (const r of d.repeats) {
    const a = slabs[idx.get(r.first)!];
    const b = slabs[idx.get(r.last)!];
    if (!a || !b) continue;
    const x1 = projectedBounds(cam, a.min, a.max).x0;
    const x2 = projectedBounds(cam, b.min, b.max).x1;
    repeatBracket(canvas, x1, x2, y, r.count, size);
  }
}
