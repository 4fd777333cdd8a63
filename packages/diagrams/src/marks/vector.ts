/** A dense layer as a thin slanted bar (NN-SVG LeNet vectors), broken by dots when it is too long. */
import type { Canvas, Rect } from '../svg/canvas.js';
import { el } from '../svg/element.js';
import { polygon } from '../svg/path.js';

/** Geometry and paint of one vector. */
export interface VectorSpec {
  /** Top-left of the bar's front face. */
  x: number;
  y: number;
  width: number;
  length: number;
  /** Slant of the bar's depth, in px (0 = flat). */
  depth: number;
  /** True when the real length was capped: the middle is cut and dotted. */
  broken: boolean;
  fill: string;
  stroke: string;
  strokeWidth: number;
  opacity: number;
}

/** Draws the bar; returns its front face. */
export function vectorBar(canvas: Canvas, v: VectorSpec): Rect {
  const parts = v.broken
    ? [
        [v.y, v.y + v.length * 0.42],
        [v.y + v.length * 0.58, v.y + v.length],
      ]
    : [[v.y, v.y + v.length]];
  const children = [];
  for (const [y0, y1] of parts as [number, number][]) {
    if (v.depth > 0) {
      children.push(
        el('path', {
          d: polygon([
            [v.x, y0],
            [v.x + v.depth, y0 - v.depth],
            [v.x + v.width + v.depth, y0 - v.depth],
            [v.x + v.width + v.depth, y1 - v.depth],
            [v.x + v.width, y1],
            [v.x, y1],
          ]),
          fill: v.fill,
          stroke: v.stroke,
          'stroke-width': v.strokeWidth,
        }),
      );
      children.push(
        el('path', {
          d: polygon([
            [v.x + v.width, y0],
            [v.x + v.width + v.depth, y0 - v.depth],
            [v.x + v.width + v.depth, y1 - v.depth],
            [v.x + v.width, y1],
          ]),
          fill: 'black',
          'fill-opacity': 0.12,
          stroke: v.stroke,
          'stroke-width': v.strokeWidth,
        }),
      );
    }
    children.push(
      el('rect', {
        x: v.x,
        y: y0,
        width: v.width,
        height: y1 - y0,
        fill: v.fill,
        stroke: v.stroke,
        'stroke-width': v.strokeWidth,
      }),
    );
  }
  if (v.broken) {
    for (const t of [0.46, 0.5, 0.54]) {
      children.push(el('circle', { cx: v.x + v.width / 2, cy: v.y + v.length * t, r: 1.4, fill: '#222' }));
    }
  }
  canvas.add(el('g', { class: 'vector', opacity: v.opacity < 1 ? v.opacity : undefined }, children));
  canvas.include(v.x, v.y - v.depth, v.width + v.depth, v.length + v.depth);
  return { x: v.x, y: v.y, width: v.width, height: v.length };
}
