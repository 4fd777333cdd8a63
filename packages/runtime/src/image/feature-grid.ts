/** Feature maps as pictures: CNN Explainer's colour ranges (per unit, per layer, global) and grids of maps. */
import type { HostTensor } from '../host.js';
import { colorTable, type ColormapName } from './colormap.js';
import type { RgbaImage } from './rgba.js';

/** Which values share one colour range: each map alone, the whole layer, or every layer. */
export type ScaleMode = 'unit' | 'layer' | 'global';

/** max |x| over data[from, to). */
export function absMax(data: ArrayLike<number>, from = 0, to = data.length): number {
  let m = 0;
  for (let i = from; i < to; i++) {
    const v = Math.abs(Number(data[i]));
    if (v > m && Number.isFinite(v)) m = v;
  }
  return m;
}

/** Symmetric range of each channel of a [1,C,H,W] (or [1,N]) tensor under a scale mode. */
export function channelRanges(t: HostTensor, mode: ScaleMode, globalRange = 0): number[] {
  const c = t.shape.length === 4 ? t.shape[1]! : 1;
  const per = t.data.length / Math.max(1, t.shape[0] ?? 1) / c;
  if (mode === 'global') return new Array<number>(c).fill(globalRange || absMax(t.data));
  if (mode === 'layer') return new Array<number>(c).fill(absMax(t.data, 0, c * per));
  return Array.from({ length: c }, (_, k) => absMax(t.data, k * per, (k + 1) * per));
}

/**
 * One h×w map as RGBA, values mapped to t = ½ + v/(2·range) on a diverging map (negative red, zero
 * white, positive blue, as CNN Explainer draws activations).
 */
export function mapImage(
  data: ArrayLike<number>,
  offset: number,
  h: number,
  w: number,
  range: number,
  cmap: ColormapName = 'rdbu',
): RgbaImage {
  const lut = colorTable(cmap);
  const out = new Uint8ClampedArray(h * w * 4);
  const r = range > 0 ? range : 1;
  for (let i = 0; i < h * w; i++) {
    const t = 0.5 + Number(data[offset + i]) / (2 * r);
    const k = Math.round(255 * Math.min(1, Math.max(0, Number.isNaN(t) ? 0.5 : t))) * 3;
    out.set([lut[k]!, lut[k + 1]!, lut[k + 2]!, 255], i * 4);
  }
  return { width: w, height: h, data: out };
}

/** Options of featureGrid(). */
export interface GridOptions {
  mode?: ScaleMode;
  /** Range used in 'global' mode. */
  globalRange?: number;
  colormap?: ColormapName;
  /** Pixels per map cell edge (maps are scaled up with nearest neighbour). Default: maps at least 48 px. */
  cell?: number;
  /** Gap between maps in pixels (default 4). */
  gap?: number;
  /** Maps per row (default ⌈√C⌉). */
  columns?: number;
  /** Draw at most this many channels (default 256). */
  limit?: number;
}

/** Every channel of a [1,C,H,W] activation side by side on a white sheet. */
export function featureGrid(t: HostTensor, options: GridOptions = {}): RgbaImage {
  if (t.shape.length !== 4) throw new RangeError(`a feature grid needs [N,C,H,W], got [${t.shape}]`);
  const [, c0, h, w] = t.shape as [number, number, number, number];
  const c = Math.min(c0, options.limit ?? 256);
  const ranges = channelRanges(t, options.mode ?? 'unit', options.globalRange);
  const scale = options.cell ?? Math.max(1, Math.ceil(48 / Math.max(h, w)));
  const gap = options.gap ?? 4;
  const cols = options.columns ?? Math.ceil(Math.sqrt(c));
  const rows = Math.ceil(c / cols);
  const [cw, ch] = [w * scale, h * scale];
  const width = cols * cw + (cols + 1) * gap;
  const height = rows * ch + (rows + 1) * gap;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let k = 0; k < c; k++) {
    const img = mapImage(t.data, k * h * w, h, w, ranges[k]!, options.colormap);
    const x0 = gap + (k % cols) * (cw + gap);
    const y0 = gap + Math.floor(k / cols) * (ch + gap);
    for (let y = 0; y < ch; y++) {
      for (let x = 0; x < cw; x++) {
        const s = (Math.floor(y / scale) * w + Math.floor(x / scale)) * 4;
        data.set(img.data.subarray(s, s + 4), ((y0 + y) * width + x0 + x) * 4);
      }
    }
  }
  return { width, height, data };
}
