/** A legend mark: one swatch and name per layer kind, in rows that wrap at a width. */
import type { Canvas } from '../svg/canvas.js';
import { el } from '../svg/element.js';
import { textWidth } from '../svg/text.js';

/** One legend entry. */
export interface LegendEntry {
  label: string;
  fill: string;
  /** Draw a circle (for ⊕-like entries) instead of a square. */
  round?: boolean;
}

/** Draws entries from (x, y) left to right, wrapping at `maxWidth`; returns the legend's height. */
export function legend(
  canvas: Canvas,
  x: number,
  y: number,
  entries: LegendEntry[],
  maxWidth: number,
  size = 11,
): number {
  const box = size;
  const gap = 16;
  let cx = x;
  let cy = y;
  for (const e of entries) {
    const w = box + 5 + textWidth(e.label, size);
    if (cx > x && cx + w > x + maxWidth) {
      cx = x;
      cy += size + 8;
    }
    const shape = e.round
      ? el('circle', {
          cx: cx + box / 2,
          cy: cy + box / 2,
          r: box / 2,
          fill: e.fill,
          stroke: '#444',
          'stroke-width': 0.8,
        })
      : el('rect', {
          x: cx,
          y: cy,
          width: box,
          height: box,
          fill: e.fill,
          stroke: '#444',
          'stroke-width': 0.8,
        });
    canvas.add(shape, 'legend');
    canvas.include(cx, cy, box, box);
    canvas.text(cx + box + 5, cy + box * 0.85, e.label, { size, className: 'legend-label' });
    cx += w + gap;
  }
  return cy + size + 4 - y;
}
