/** Colour maps for heatmaps (jet, viridis, inferno), diverging activations (RdBu), weights (BrBG) and greys. */
import type { RgbaImage } from './rgba.js';

/** Names of the built-in colour maps. */
export type ColormapName = 'jet' | 'viridis' | 'inferno' | 'rdbu' | 'brbg' | 'greys' | 'oranges';

// Stops sampled from matplotlib / ColorBrewer; colours between stops are interpolated linearly.
const STOPS: Record<Exclude<ColormapName, 'jet'>, string[]> = {
  viridis: [
    '440154',
    '482878',
    '3e4989',
    '31688e',
    '26828e',
    '1f9e89',
    '35b779',
    '6ece58',
    'b5de2b',
    'fde725',
  ],
  inferno: [
    '000004',
    '1b0c41',
    '4a0c6b',
    '781c6d',
    'a52c60',
    'cf4446',
    'ed6925',
    'fb9b06',
    'f7d13d',
    'fcffa4',
  ],
  // Diverging maps run from the negative end (t = 0) through white (t = 0.5) to the positive end.
  rdbu: [
    '67001f',
    'b2182b',
    'd6604d',
    'f4a582',
    'fddbc7',
    'f7f7f7',
    'd1e5f0',
    '92c5de',
    '4393c3',
    '2166ac',
    '053061',
  ],
  brbg: [
    '543005',
    '8c510a',
    'bf812d',
    'dfc27d',
    'f6e8c3',
    'f5f5f5',
    'c7eae5',
    '80cdc1',
    '35978f',
    '01665e',
    '003c30',
  ],
  greys: ['ffffff', 'f0f0f0', 'd9d9d9', 'bdbdbd', '969696', '737373', '525252', '252525', '000000'],
  oranges: ['fff5eb', 'fee6ce', 'fdd0a2', 'fdae6b', 'fd8d3c', 'f16913', 'd94801', 'a63603', '7f2704'],
};

const PARSED = new Map<string, number[][]>();

function stops(name: Exclude<ColormapName, 'jet'>): number[][] {
  let s = PARSED.get(name);
  if (!s) {
    s = STOPS[name].map((h) => [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)));
    PARSED.set(name, s);
  }
  return s;
}

/** The colour [r, g, b] (0–255) of t ∈ [0, 1] (clamped; NaN maps to 0). */
export function colorAt(name: ColormapName, t: number): [number, number, number] {
  const x = Number.isNaN(t) ? 0 : Math.min(1, Math.max(0, t));
  if (name === 'jet') {
    // OpenCV COLORMAP_JET / MATLAB jet: overlapping ramps of blue, green and red.
    const ch = (c: number): number => Math.round(255 * Math.min(1, Math.max(0, 1.5 - Math.abs(4 * x - c))));
    return [ch(3), ch(2), ch(1)];
  }
  const s = stops(name);
  const pos = x * (s.length - 1);
  const i = Math.min(s.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = s[i]!;
  const b = s[i + 1]!;
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as [number, number, number];
}

/** A 256-entry lookup table of a colour map (RGB triples). */
export function colorTable(name: ColormapName): Uint8Array {
  const t = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) t.set(colorAt(name, i / 255), i * 3);
  return t;
}

/** A map of values in [0, 1] (h×w) as an opaque RGBA image. */
export function colorize(
  values: ArrayLike<number>,
  width: number,
  height: number,
  name: ColormapName,
): RgbaImage {
  const lut = colorTable(name);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const v = values[i]!;
    const k = Math.round(255 * Math.min(1, Math.max(0, Number.isNaN(v) ? 0 : v))) * 3;
    data[i * 4] = lut[k]!;
    data[i * 4 + 1] = lut[k + 1]!;
    data[i * 4 + 2] = lut[k + 2]!;
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
}

/**
 * A heatmap blended over an image of the same size: opacity·colour + (1 − opacity)·image. With
 * `normalize` the result is divided by its maximum, as pytorch-grad-cam's show_cam_on_image does.
 */
export function overlay(
  image: RgbaImage,
  heat: ArrayLike<number>,
  options: { opacity?: number; colormap?: ColormapName; normalize?: boolean } = {},
): RgbaImage {
  const { width, height } = image;
  const color = colorize(heat, width, height, options.colormap ?? 'jet');
  const a = options.opacity ?? 0.5;
  const mixed = new Float32Array(width * height * 3);
  let max = 0;
  for (let i = 0; i < width * height; i++) {
    for (let k = 0; k < 3; k++) {
      const v = a * color.data[i * 4 + k]! + (1 - a) * image.data[i * 4 + k]!;
      mixed[i * 3 + k] = v;
      max = Math.max(max, v);
    }
  }
  const gain = options.normalize && max > 0 ? 255 / max : 1;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let k = 0; k < 3; k++) data[i * 4 + k] = Math.round(mixed[i * 3 + k]! * gain);
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
}
