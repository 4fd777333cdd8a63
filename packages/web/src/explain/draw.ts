/** Canvas helpers of the Explain page: feature maps, RGB inputs and heatmap overlays drawn at native size. */
import { colorTable, mapImage, type ColormapName, type RgbaImage } from '@nnlens/runtime/pure';

/** Sizes a canvas to w×h pixels and puts RGBA pixels into it. */
export function putRgba(canvas: HTMLCanvasElement, img: RgbaImage): void {
  if (canvas.width !== img.width) canvas.width = img.width;
  if (canvas.height !== img.height) canvas.height = img.height;
  const data = img.data instanceof Uint8ClampedArray ? img.data : new Uint8ClampedArray(img.data);
  canvas
    .getContext('2d')!
    .putImageData(new ImageData(data as Uint8ClampedArray<ArrayBuffer>, img.width, img.height), 0, 0);
}

/** Draws channel `c` of an [1,C,H,W] activation with a symmetric diverging range. */
export function drawMap(
  canvas: HTMLCanvasElement,
  data: Float32Array,
  c: number,
  h: number,
  w: number,
  range: number,
  cmap: ColormapName = 'rdbu',
): void {
  putRgba(canvas, mapImage(data, c * h * w, h, w, range, cmap));
}

/** Draws an h×w map of values in [0, 1] with a sequential colour map (heatmaps). */
export function drawHeat(
  canvas: HTMLCanvasElement,
  heat: ArrayLike<number>,
  h: number,
  w: number,
  cmap: ColormapName,
): void {
  const lut = colorTable(cmap);
  const data = new Uint8ClampedArray(h * w * 4);
  for (let i = 0; i < h * w; i++) {
    const k = Math.round(255 * Math.min(1, Math.max(0, heat[i]!))) * 3;
    data.set([lut[k]!, lut[k + 1]!, lut[k + 2]!, 255], i * 4);
  }
  putRgba(canvas, { width: w, height: h, data });
}

/** A grey map of one channel of a [1,C,H,W] tensor with a fixed [lo, hi] range (input channels). */
export function drawGrey(
  canvas: HTMLCanvasElement,
  data: Float32Array,
  c: number,
  h: number,
  w: number,
  lo: number,
  hi: number,
): void {
  const out = new Uint8ClampedArray(h * w * 4);
  const span = hi - lo || 1;
  for (let i = 0; i < h * w; i++) {
    const v = Math.round((255 * (data[c * h * w + i]! - lo)) / span);
    out.set([v, v, v, 255], i * 4);
  }
  putRgba(canvas, { width: w, height: h, data: out });
}

/** Compact number text: 3 significant digits, exponent for tiny/huge values. */
export function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-3) return x.toExponential(digits - 1);
  return Number(x.toPrecision(digits)).toString();
}
