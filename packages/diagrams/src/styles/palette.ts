/** Colours per layer kind (light tints that keep black text readable) and their legend names. */
import type { LayerKind } from '../layers/layer.js';

/** Fill colour of each kind. */
export const KIND_COLORS: Readonly<Record<LayerKind, string>> = {
  input: '#e6e6e6',
  conv: '#ffd97a',
  deconv: '#ffb38a',
  pool: '#f08f8f',
  dense: '#8fc7ef',
  attention: '#a8dba0',
  block: '#f7c58f',
  norm: '#d7b5e6',
  activation: '#ffe3a3',
  add: '#b8c4cc',
  concat: '#c3d3b8',
  flatten: '#d9cfc4',
  embedding: '#c8b8a8',
  recurrent: '#a9b4ea',
  upsample: '#9fd9d2',
  dropout: '#eeeeee',
  softmax: '#f5a9c8',
  other: '#dddddd',
};

/** Legend text of each kind. */
export const KIND_NAMES: Readonly<Record<LayerKind, string>> = {
  input: 'Input',
  conv: 'Convolution',
  deconv: 'Transposed conv',
  pool: 'Pooling',
  dense: 'Dense',
  attention: 'Attention',
  block: 'Block',
  norm: 'Normalization',
  activation: 'Activation',
  add: 'Add',
  concat: 'Concat',
  flatten: 'Flatten',
  embedding: 'Embedding',
  recurrent: 'Recurrent',
  upsample: 'Upsample',
  dropout: 'Dropout',
  softmax: 'Softmax',
  other: 'Other',
};

/** Parses #rgb / #rrggbb into [r, g, b]; other colour syntaxes give null. */
export function parseHex(color: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
  if (!m) return null;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

function hex(rgb: [number, number, number]): string {
  return (
    '#' +
    rgb
      .map((c) =>
        Math.max(0, Math.min(255, Math.round(c)))
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
  );
}

/** The colour scaled towards black (factor < 1) or white (factor > 1); non-hex colours unchanged. */
export function shade(color: string, factor: number): string {
  const rgb = parseHex(color);
  if (!rgb) return color;
  if (factor <= 1) return hex(rgb.map((c) => c * factor) as [number, number, number]);
  const t = Math.min(1, factor - 1);
  return hex(rgb.map((c) => c + (255 - c) * t) as [number, number, number]);
}

/** Linear mix of two hex colours (t = 0 → a, 1 → b). */
export function mix(a: string, b: string, t: number): string {
  const x = parseHex(a);
  const y = parseHex(b);
  if (!x || !y) return t < 0.5 ? a : b;
  return hex([0, 1, 2].map((i) => x[i]! + (y[i]! - x[i]!) * t) as [number, number, number]);
}

/** Grey levels of a colour, for a black-and-white figure. */
export function greyscale(color: string): string {
  const rgb = parseHex(color);
  if (!rgb) return color;
  const l = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
  return hex([l, l, l]);
}
