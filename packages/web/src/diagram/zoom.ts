/** Pan and zoom of the figure preview: a translation and a scale, with the figure's top-left at (x, y). */

/** The preview transform: screen = figure × k + (x, y). */
export interface View {
  x: number;
  y: number;
  k: number;
}

/** Smallest and largest scale. */
export const MIN_SCALE = 0.02;
export const MAX_SCALE = 16;

const clamp = (k: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, k));

/** The figure centred in the box, as large as fits with `margin` around it, never above `maxFit` (small figures stay crisp). */
export function fitView(
  figure: { width: number; height: number },
  box: { width: number; height: number },
  margin = 24,
  maxFit = 1.5,
): View {
  const w = Math.max(1, figure.width);
  const h = Math.max(1, figure.height);
  const k = clamp(
    Math.min(maxFit, Math.max(1, box.width - 2 * margin) / w, Math.max(1, box.height - 2 * margin) / h),
  );
  return { x: (box.width - w * k) / 2, y: (box.height - h * k) / 2, k };
}

/** Zooms by `factor` keeping the screen point `at` over the same figure point. */
export function zoomAt(v: View, factor: number, at: { x: number; y: number }): View {
  const k = clamp(v.k * factor);
  const f = k / v.k;
  return { k, x: at.x - (at.x - v.x) * f, y: at.y - (at.y - v.y) * f };
}

/** The zoom factor of a wheel event's delta (pixels; trackpads send many small ones). */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const px = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-Math.max(-200, Math.min(200, px)) * 0.0015);
}
