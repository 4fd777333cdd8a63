/** Paints a graph layout: frames for open modules, boxes for layers and closed modules, routed edges. */
import type { GraphLayout, LayoutItem } from '@nnlens/layout';
import type { Shape } from '@nnlens/ir';
import { arrowMarker } from '../marks/arrow.js';
import { Canvas } from '../svg/canvas.js';
import { el } from '../svg/element.js';
import { roundedPolyline } from '../svg/path.js';
import { fitText, textWidth } from '../svg/text.js';
import type { Common } from '../styles/common.js';
import { decorate } from '../styles/frame.js';
import { shade } from '../styles/palette.js';
import { BOX, type BoxText } from './boxes.js';

/** What the painter needs besides the layout. */
export interface GraphPaint {
  common: Common;
  frames: boolean;
  edgeLabels: boolean;
  boxText(nodeIndex: number): BoxText;
  groupInfo(item: Extract<LayoutItem, { kind: 'group' }>): string[];
  rolled: Map<string, number>;
  edgeShape(valueName: string): Shape;
  title: string;
  headerHeight: number;
}

/** "64 ch · 56×56" (Netscope edge labels), or the plain shape for other ranks. */
export function edgeLabel(shape: Shape): string {
  if (!shape) return '';
  const dims = shape.slice(1).map((d) => (d === null ? '?' : String(d)));
  if (dims.length === 3) return `${dims[0]} ch · ${dims[1]}×${dims[2]}`;
  return dims.join('×');
}

/** Draws the laid-out graph; returns the SVG text. */
export function renderGraph(layout: GraphLayout, p: GraphPaint): string {
  const c = p.common;
  const canvas = new Canvas(c.idPrefix, c.fontSize);
  const frames = layout.items.filter(
    (it): it is Extract<LayoutItem, { kind: 'group' }> => it.kind === 'group' && it.expanded,
  );
  for (const f of frames) {
    if (!p.frames) continue;
    const n = p.rolled.get(f.groupId);
    // A rolled-up run looks like a stack of frames, the front one holding the copy drawn.
    if (n) {
      for (const k of [2, 1]) {
        canvas.add(
          el('rect', {
            x: f.x + 4 * k,
            y: f.y - 4 * k,
            width: f.width,
            height: f.height,
            rx: 6,
            fill: '#fbfbfb',
            stroke: '#9a9a9a',
            'stroke-dasharray': '4 3',
          }),
          'frames',
        );
      }
      canvas.include(f.x, f.y - 8, f.width + 8, f.height + 8);
    }
    canvas.add(
      el('rect', {
        x: f.x,
        y: f.y,
        width: f.width,
        height: f.height,
        rx: 6,
        fill: f.depth % 2 ? '#f4f6f8' : '#fbfbfb',
        stroke: '#9a9a9a',
        'stroke-dasharray': '4 3',
        class: 'frame',
      }),
      'frames',
    );
    canvas.include(f.x, f.y, f.width, f.height);
    const label = n ? `${f.label}  × ${n}` : f.label;
    canvas.text(f.x + 8, f.y + p.headerHeight / 2 + 4, fitText(label, 11, f.width - 16, true), {
      size: 11,
      bold: true,
      fill: '#555',
      className: 'frame-label',
    });
  }
  const marker = arrowMarker(canvas, '#555');
  for (const e of layout.edges) {
    canvas.add(
      el('path', {
        d: roundedPolyline(e.points, 6),
        fill: 'none',
        stroke: '#555',
        'stroke-width': 1.1,
        'marker-end': `url(#${marker})`,
        class: 'edge',
      }),
      'edges',
    );
    canvas.includePoints(e.points);
  }
  for (const it of layout.items) {
    if (it.kind === 'group' && it.expanded) continue;
    if (it.kind === 'group') groupBox(canvas, it, p);
    else if (it.nodeIndex < 0) ioBox(canvas, it, p);
    else nodeBox(canvas, it, p.boxText(it.nodeIndex), c);
  }
  if (p.edgeLabels) {
    for (const e of layout.edges) {
      const t = edgeLabel(p.edgeShape(e.value));
      if (!t) continue;
      const [x, y] = longestSegmentMid(e.points);
      const w = textWidth(t, 9);
      const box = { x: x + 4, y: y - 9, width: w, height: 11 };
      if (!canvas.isFree(box, 2) || overlapsItem(layout, box)) continue;
      canvas.text(x + 4, y, t, { size: 9, fill: '#666', className: 'edge-label' });
    }
  }
  decorate(canvas, c, { title: p.title, layers: [], skips: [], repeats: [], warnings: [] });
  return canvas.toSvg({ background: c.background, title: p.title });
}

function nodeBox(canvas: Canvas, it: Extract<LayoutItem, { kind: 'node' }>, t: BoxText, c: Common): void {
  const fill = c.colors[t.kind];
  canvas.add(
    el(
      'g',
      { class: `box kind-${t.kind}` },
      el('rect', {
        x: it.x,
        y: it.y,
        width: it.width,
        height: it.height,
        rx: 4,
        fill: 'white',
        stroke: shade(fill, 0.6),
        'stroke-width': 1,
      }),
      el('rect', { x: it.x, y: it.y, width: it.width, height: BOX.headerH, rx: 4, fill }),
      t.rows.length > 0 &&
        el('path', {
          d: `M${it.x},${it.y + BOX.headerH}h${it.width}`,
          fill: 'none',
          stroke: shade(fill, 0.6),
          'stroke-width': 0.8,
        }),
    ),
    'boxes',
  );
  canvas.include(it.x, it.y, it.width, it.height);
  canvas.text(
    it.x + it.width / 2,
    it.y + 15.5,
    fitText(t.header, BOX.header, it.width - 8, true),
    { size: BOX.header, bold: true, anchor: 'middle', className: 'box-header' },
    'boxtext',
  );
  const labelW = Math.max(0, ...t.rows.map(([l]) => textWidth(l, BOX.row)));
  t.rows.forEach(([label, value], k) => {
    const y = it.y + BOX.headerH + 4 + (k + 1) * BOX.rowH - 4;
    canvas.text(
      it.x + BOX.padX,
      y,
      label,
      { size: BOX.row, fill: '#666', className: 'box-label' },
      'boxtext',
    );
    const x = it.x + BOX.padX + labelW + BOX.labelGap;
    canvas.text(
      x,
      y,
      fitText(value, BOX.row, it.x + it.width - BOX.padX - x),
      { size: BOX.row, className: 'box-value' },
      'boxtext',
    );
  });
}

function groupBox(canvas: Canvas, it: Extract<LayoutItem, { kind: 'group' }>, p: GraphPaint): void {
  const n = p.rolled.get(it.groupId);
  if (n) {
    for (const k of [2, 1])
      canvas.add(
        el('rect', {
          x: it.x + 3 * k,
          y: it.y - 3 * k,
          width: it.width,
          height: it.height,
          rx: 6,
          fill: '#f3e3cf',
          stroke: '#a4865f',
        }),
        'boxes',
      );
    canvas.include(it.x, it.y - 6, it.width + 6, it.height + 6);
  }
  canvas.add(
    el('rect', {
      x: it.x,
      y: it.y,
      width: it.width,
      height: it.height,
      rx: 6,
      fill: '#f7e9d7',
      stroke: '#a4865f',
      class: 'group',
    }),
    'boxes',
  );
  canvas.include(it.x, it.y, it.width, it.height);
  const label = n ? `${it.label} × ${n}` : it.label;
  const info = p.groupInfo(it);
  const lines = [label, ...info].slice(0, Math.max(1, Math.floor((it.height - 6) / 13)));
  const top = it.y + it.height / 2 - ((lines.length - 1) * 13) / 2 + 4;
  lines.forEach((t, k) =>
    canvas.text(
      it.x + it.width / 2,
      top + k * 13,
      fitText(t, k ? 10 : 11, it.width - 10, k === 0),
      {
        size: k ? 10 : 11,
        bold: k === 0,
        anchor: 'middle',
        fill: k ? '#555' : undefined,
        className: k ? 'group-info' : 'group-label',
      },
      'boxtext',
    ),
  );
}

function ioBox(canvas: Canvas, it: Extract<LayoutItem, { kind: 'node' }>, p: GraphPaint): void {
  canvas.add(
    el('rect', {
      x: it.x,
      y: it.y,
      width: it.width,
      height: it.height,
      rx: it.height / 2,
      fill: '#eef3f8',
      stroke: '#7d93ab',
      class: `io io-${it.io}`,
    }),
    'boxes',
  );
  canvas.include(it.x, it.y, it.width, it.height);
  void p;
  canvas.text(
    it.x + it.width / 2,
    it.y + it.height / 2 + 4,
    fitText(it.label, 11, it.width - 12),
    { size: 11, anchor: 'middle', className: 'io-label' },
    'boxtext',
  );
}

function longestSegmentMid(pts: number[]): [number, number] {
  let best = 0;
  let at: [number, number] = [pts[0]!, pts[1]!];
  for (let i = 2; i < pts.length; i += 2) {
    const len = Math.hypot(pts[i]! - pts[i - 2]!, pts[i + 1]! - pts[i - 1]!);
    if (len > best) [best, at] = [len, [(pts[i]! + pts[i - 2]!) / 2, (pts[i + 1]! + pts[i - 1]!) / 2]];
  }
  return at;
}

function overlapsItem(
  layout: GraphLayout,
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return layout.items.some(
    (it) =>
      !(it.kind === 'group' && it.expanded) &&
      b.x < it.x + it.width &&
      it.x < b.x + b.width &&
      b.y < it.y + it.height &&
      it.y < b.y + b.height,
  );
}
