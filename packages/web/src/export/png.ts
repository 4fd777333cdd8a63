/** The whole graph as a PNG at 2× (scaled down to stay within what browsers can allocate). */
import { drawScene } from '../canvas/draw.js';
import type { Scene } from '../canvas/scene.js';

/** Largest side and area of the exported bitmap; Chromium fails above ~16k px per side or ~268 M px. */
export const PNG_MAX_SIDE = 16384;
export const PNG_MAX_PIXELS = 120e6;

/** Scale factor for a graph of w×h world units: 2, or less so the bitmap stays within the caps. */
export function pngScale(w: number, h: number, preferred = 2): number {
  return Math.min(preferred, PNG_MAX_SIDE / w, PNG_MAX_SIDE / h, Math.sqrt(PNG_MAX_PIXELS / (w * h)));
}

/** Renders the scene and encodes it as PNG. */
export async function sceneToPng(scene: Scene, margin = 20): Promise<Blob> {
  const w = scene.width + 2 * margin;
  const h = scene.height + 2 * margin;
  const s = pngScale(w, h);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(w * s));
  canvas.height = Math.max(1, Math.round(h * s));
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error(`cannot allocate a ${canvas.width}×${canvas.height} canvas for the PNG`);
  drawScene(ctx, scene, {
    width: w,
    height: h,
    dpr: s,
    view: { x: margin, y: margin, k: 1 },
    selected: new Set(),
    highlightEdges: new Set(),
    hover: -1,
    detail: 'full',
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))),
      'image/png',
    ),
  );
}
