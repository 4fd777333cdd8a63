/** A stack of feature maps (NN-SVG LeNet / draw_convnet), with dots standing for maps left out. */
import type { Canvas, Rect } from '../svg/canvas.js';
import { el } from '../svg/element.js';

/** Geometry and paint of one stack. */
export interface StackSpec {
  /** Top-left corner of the back map. */
  x: number;
  y: number;
  /** Map width and height in px. */
  width: number;
  height: number;
  /** Number of maps in the layer. */
  count: number;
  /** Most maps drawn; beyond it the middle ones become dots. */
  maxMaps: number;
  /** Offset between consecutive maps, down and right. */
  offset: number;
  fills: [string, string];
  stroke: string;
  strokeWidth: number;
  opacity: number;
  className?: string;
}

/** Size of a stack's drawing and how many map slots it uses. */
export function stackExtent(s: Pick<StackSpec, 'width' | 'height' | 'count' | 'maxMaps' | 'offset'>): {
  width: number;
  height: number;
  slots: number;
} {
  const slots = Math.max(1, Math.min(s.count, s.maxMaps));
  const extra = s.count > s.maxMaps ? 2 : 0;
  const span = (slots - 1 + extra) * s.offset;
  return { width: s.width + span, height: s.height + span, slots };
}

/** Draws the stack and returns the front map's box. */
export function featureStack(canvas: Canvas, s: StackSpec): Rect {
  const { slots } = stackExtent(s);
  const omitted = s.count > s.maxMaps;
  // Left-out maps sit in the middle: two extra slots hold the dots.
  const cut = omitted ? Math.floor(slots / 2) : slots;
  const maps: SvgRect[] = [];
  let k = 0;
  for (let i = 0; i < slots; i++) {
    if (omitted && i === cut) {
      for (let dot = 1; dot <= 3; dot++) {
        const t = (k - 1 + (dot * 3) / 4) * s.offset;
        maps.push({ dot: true, x: s.x + t - s.offset * 0.35, y: s.y + t - s.offset * 0.35 });
      }
      k += 2;
    }
    maps.push({ dot: false, x: s.x + k * s.offset, y: s.y + k * s.offset, fill: s.fills[i % 2]! });
    k++;
  }
  const children = maps.map((m) =>
    m.dot
      ? el('circle', { cx: m.x, cy: m.y, r: Math.max(1, Math.min(1.8, s.offset / 4)), fill: '#222' })
      : el('rect', {
          x: m.x,
          y: m.y,
          width: s.width,
          height: s.height,
          fill: m.fill,
          stroke: s.stroke,
          'stroke-width': s.strokeWidth,
        }),
  );
  canvas.add(
    el('g', { class: s.className ?? 'stack', opacity: s.opacity < 1 ? s.opacity : undefined }, children),
  );
  const front = maps.filter((m) => !m.dot).pop()!;
  const ext = stackExtent(s);
  canvas.include(s.x, s.y, ext.width, ext.height);
  return { x: front.x, y: front.y, width: s.width, height: s.height };
}

type SvgRect = { dot: true; x: number; y: number } | { dot: false; x: number; y: number; fill: string };
