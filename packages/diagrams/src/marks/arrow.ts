/** Arrowhead markers, defined once per colour and document. */
import type { Canvas } from '../svg/canvas.js';
import { el } from '../svg/element.js';

const made = new WeakMap<Canvas, Map<string, string>>();

/** Id of a solid arrowhead marker in `color` (defined on first use). */
export function arrowMarker(canvas: Canvas, color = '#333', open = false): string {
  let byKey = made.get(canvas);
  if (!byKey) made.set(canvas, (byKey = new Map()));
  const key = `${color}|${open}`;
  let id = byKey.get(key);
  if (id) return id;
  id = canvas.id('arrow');
  byKey.set(key, id);
  canvas.def(
    el(
      'marker',
      {
        id,
        viewBox: '0 0 10 10',
        refX: 9,
        refY: 5,
        markerWidth: 7,
        markerHeight: 7,
        orient: 'auto',
        markerUnits: 'userSpaceOnUse',
      },
      el(
        'path',
        open
          ? { d: 'M1,1L9,5L1,9', fill: 'none', stroke: color, 'stroke-width': 1.5 }
          : { d: 'M0,0L10,5L0,10Z', fill: color },
      ),
    ),
  );
  return id;
}
