/** A bracket under a run of repeated layers with its "× n" count. */
import type { Canvas } from '../svg/canvas.js';
import { el } from '../svg/element.js';
import { path } from '../svg/path.js';

/** Draws a bracket from x1 to x2 hanging at y, with the count under it. */
export function repeatBracket(
  canvas: Canvas,
  x1: number,
  x2: number,
  y: number,
  count: number,
  size: number,
): void {
  canvas.add(
    el('path', {
      d: path()
        .M(x1, y)
        .L(x1, y + 6)
        .L(x2, y + 6)
        .L(x2, y).d,
      fill: 'none',
      stroke: '#555',
      'stroke-width': 1,
      class: 'repeat',
    }),
  );
  canvas.include(x1, y, x2 - x1, 6);
  canvas.text((x1 + x2) / 2, y + 8 + size, `× ${count}`, {
    size,
    anchor: 'middle',
    bold: true,
    className: 'repeat-label',
  });
}
