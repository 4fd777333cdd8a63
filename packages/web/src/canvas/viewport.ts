/** The pan/zoom transform: screen = world × k + (x, y). */

/** A view transform. */
export interface Viewport {
  x: number;
  y: number;
  k: number;
}

/** Zoom limits. */
export const MIN_ZOOM = 0.002;
export const MAX_ZOOM = 4;

/** World point under a screen point. */
export function toWorld(v: Viewport, sx: number, sy: number): [number, number] {
  return [(sx - v.x) / v.k, (sy - v.y) / v.k];
}

/** Zooms by `factor` keeping the world point under (sx, sy) fixed. */
export function zoomAt(v: Viewport, factor: number, sx: number, sy: number): Viewport {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k * factor));
  const [wx, wy] = toWorld(v, sx, sy);
  return { k, x: sx - wx * k, y: sy - wy * k };
}

/** The view that shows the whole [0,w]×[0,h] world inside a screen of sw×sh with a margin, never above maxK. */
export function fitView(w: number, h: number, sw: number, sh: number, margin = 32, maxK = 1): Viewport {
  const k = Math.max(
    MIN_ZOOM,
    Math.min(maxK, (sw - 2 * margin) / Math.max(w, 1), (sh - 2 * margin) / Math.max(h, 1)),
  );
  return { k, x: (sw - w * k) / 2, y: Math.max(margin, (sh - h * k) / 2) };
}

/** The view centred on world point (wx, wy) at zoom k. */
export function centreOn(wx: number, wy: number, k: number, sw: number, sh: number): Viewport {
  return { k, x: sw / 2 - wx * k, y: sh / 2 - wy * k };
}

/** Visible world rectangle [x0, y0, x1, y1]. */
export function visibleWorld(v: Viewport, sw: number, sh: number): [number, number, number, number] {
  return [-v.x / v.k, -v.y / v.k, (sw - v.x) / v.k, (sh - v.y) / v.k];
}

/** Interpolates two views (for animated moves): zoom geometrically, move the screen centre's world point linearly. */
export function lerpView(a: Viewport, b: Viewport, t: number, sw: number, sh: number): Viewport {
  const k = a.k * Math.pow(b.k / a.k, t);
  const ax = (sw / 2 - a.x) / a.k;
  const ay = (sh / 2 - a.y) / a.k;
  const bx = (sw / 2 - b.x) / b.k;
  const by = (sh / 2 - b.y) / b.k;
  return centreOn(ax + (bx - ax) * t, ay + (by - ay) * t, k, sw, sh);
}
