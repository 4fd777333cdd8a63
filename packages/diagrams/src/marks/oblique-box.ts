/** visualkeras-style box: a front face with a top and a side receding up-right at 45°. */
import type { Canvas } from '../svg/canvas.js';
import { el } from '../svg/element.js';
import { polygon } from '../svg/path.js';
import { shade } from '../styles/palette.js';

/** Geometry and paint of one box. */
export interface ObliqueBox {
  /** Top-left of the front face. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Receding depth in px (0 = flat rectangle). */
  depth: number;
  fill: string;
  /** How much darker the side and top get, 0–100 (visualkeras shade_step). */
  shadeStep: number;
  stroke: string;
  strokeWidth: number;
  className?: string;
}

/** Draws the box. */
export function obliqueBox(canvas: Canvas, b: ObliqueBox): void {
  const { x, y, width: w, height: h, depth: d } = b;
  const faces = [
    el('rect', { x, y, width: w, height: h, fill: b.fill, stroke: b.stroke, 'stroke-width': b.strokeWidth }),
  ];
  if (d > 0) {
    const k = b.shadeStep / 100;
    faces.push(
      el('path', {
        d: polygon([
          [x, y],
          [x + d, y - d],
          [x + w + d, y - d],
          [x + w, y],
        ]),
        fill: shade(b.fill, 1 - k),
        stroke: b.stroke,
        'stroke-width': b.strokeWidth,
      }),
      el('path', {
        d: polygon([
          [x + w, y],
          [x + w + d, y - d],
          [x + w + d, y + h - d],
          [x + w, y + h],
        ]),
        fill: shade(b.fill, 1 - 2 * k),
        stroke: b.stroke,
        'stroke-width': b.strokeWidth,
      }),
    );
  }
  canvas.add(el('g', { class: b.className ?? 'box' }, faces));
  canvas.include(x, y - d, w + d, h + d);
}
