/** The model input tensor as a picture: min-max stretched, grey for one channel, RGB for three. */
import type { RgbaImage } from '@nnlens/runtime/pure';

/** [C,H,W] data (first sample) → RGBA, mapping [lo, hi] to [0, 255]. */
export function inputPicture(
  data: Float32Array,
  c: number,
  h: number,
  w: number,
  lo: number,
  hi: number,
): RgbaImage {
  const out = new Uint8ClampedArray(h * w * 4);
  const span = hi - lo || 1;
  const hw = h * w;
  for (let i = 0; i < hw; i++) {
    const ch = (k: number): number => Math.round((255 * (data[Math.min(k, c - 1) * hw + i]! - lo)) / span);
    out.set([ch(0), ch(c >= 3 ? 1 : 0), ch(c >= 3 ? 2 : 0), 255], i * 4);
  }
  return { width: w, height: h, data: out };
}
