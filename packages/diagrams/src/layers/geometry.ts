/** How a layer's shape is drawn: a stack of feature maps, a vector, or a sequence (rows × width). */
import type { Layer } from './layer.js';

/** Drawable form of a shape. */
export type LayerGeometry =
  | { form: 'maps'; channels: number; height: number; width: number }
  | { form: 'vector'; length: number }
  | { form: 'sequence'; length: number; width: number };

/** The geometry of a layer's output (unknown dims count as 1 so figures still draw). */
export function geometryOf(layer: Pick<Layer, 'shape'>): LayerGeometry {
  const s = layer.shape.map((d) => (d < 0 ? 1 : d));
  if (s.length >= 3) {
    const [c, h, w] = s.length === 3 ? s : [s[s.length - 3]!, s[s.length - 2]!, s[s.length - 1]!];
    if (h === 1 && w === 1) return { form: 'vector', length: c! };
    return { form: 'maps', channels: c!, height: h!, width: w! };
  }
  if (s.length === 2)
    return s[0] === 1 ? { form: 'vector', length: s[1]! } : { form: 'sequence', length: s[0]!, width: s[1]! };
  return { form: 'vector', length: s[0] ?? 1 };
}

/** "6@28×28", "1×120", "16×64": the NN-SVG label of a layer's output. */
export function shapeLabel(layer: Pick<Layer, 'shape'>): string {
  const g = geometryOf(layer);
  const d = (n: number, i: number): string =>
    layer.shape[i] !== undefined && layer.shape[i]! < 0 ? '?' : String(n);
  if (g.form === 'maps')
    return `${d(g.channels, layer.shape.length - 3)}@${d(g.height, layer.shape.length - 2)}×${d(g.width, layer.shape.length - 1)}`;
  if (g.form === 'sequence') return `${d(g.length, 0)}×${d(g.width, 1)}`;
  return `1×${layer.shape.length && layer.shape[0]! < 0 ? '?' : g.length}`;
}
