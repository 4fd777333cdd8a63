/** Text measurement without a DOM: DejaVu Sans advance widths, the font every renderer is asked for. */
import { BOLD_WIDTHS, REGULAR_WIDTHS } from './font-metrics.js';

/** The font stack written into every SVG; DejaVu Sans is what the metrics describe. */
export const FONT_FAMILY = 'DejaVu Sans, Verdana, Arial, sans-serif';

/** Ascent and descent of DejaVu Sans, in em, for text bounding boxes. */
export const ASCENT = 0.76;
export const DESCENT = 0.24;

/** Width in px of `text` at `size` px; unknown characters count as a wide glyph so boxes err large. */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? BOLD_WIDTHS : REGULAR_WIDTHS;
  let w = 0;
  for (const ch of text) w += table[ch] ?? 1;
  return w * size;
}

/** Baseline y that centres a line of text of `size` px on `cy` (DejaVu's digits and capitals). */
export function centredBaseline(cy: number, size: number): number {
  return cy + size * 0.36;
}

/** Shortens `text` with an ellipsis so it fits `maxWidth` px. */
export function fitText(text: string, size: number, maxWidth: number, bold = false): string {
  if (textWidth(text, size, bold) <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (textWidth(text.slice(0, mid) + '…', size, bold) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + '…';
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Digits as Unicode superscripts ("ℝ¹²⁰"), which every renderer draws without tspans. */
export function superscript(n: number | string): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!);
}
