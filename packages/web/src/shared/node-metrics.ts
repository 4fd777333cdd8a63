/** Node box geometry shared by the worker (layout sizes) and the renderers (where text goes). */

/** Fonts of the node text; the renderers use exactly these. */
export const FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
/** Op name line. */
export const OP_FONT = `600 12px ${FONT_FAMILY}`;
/** Graph input/output pills (their width comes from the layout, which allows ~7 px per character). */
export const IO_FONT = `600 11px ${FONT_FAMILY}`;
/** Attribute and shape lines. */
export const DETAIL_FONT = `400 10.5px ${FONT_FAMILY}`;

/** Vertical metrics in layout units. */
export const BOX = {
  padX: 10,
  firstLine: 18,
  lineStep: 14,
  padBottom: 8,
  minWidth: 64,
  maxWidth: 220,
  radius: 5,
};

// Average advance widths of the fonts above; text is truncated at draw time if an estimate falls short.
const OP_CHAR = 7.1;
const DETAIL_CHAR = 5.9;

/** Text lines of a node box: op name, then the optional summary and output-shape lines. */
export function nodeLines(op: string, summary: string, shape: string): string[] {
  const lines = [op];
  if (summary) lines.push(summary);
  if (shape) lines.push(shape);
  return lines;
}

/** Text width in px for a font; exact with a canvas, estimated without one. */
export type MeasureText = (text: string, font: string) => number;

/** Estimates from average advances (tests, and environments without OffscreenCanvas). */
export const estimateText: MeasureText = (text, font) =>
  text.length * (font === OP_FONT ? OP_CHAR : DETAIL_CHAR);

/** Exact measurement with an OffscreenCanvas (available in workers), cached; falls back to estimates. */
export function canvasMeasure(): MeasureText {
  if (typeof OffscreenCanvas === 'undefined') return estimateText;
  const ctx = new OffscreenCanvas(1, 1).getContext('2d');
  if (!ctx) return estimateText;
  const cache = new Map<string, number>();
  return (text, font) => {
    const key = `${font}|${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      ctx.font = font;
      w = ctx.measureText(text).width;
      cache.set(key, w);
    }
    return w;
  };
}

/** Width and height of a node box for its text lines. */
export function nodeBoxSize(
  lines: string[],
  measure: MeasureText = estimateText,
): { width: number; height: number } {
  let w = measure(lines[0]!, OP_FONT);
  for (let i = 1; i < lines.length; i++) w = Math.max(w, measure(lines[i]!, DETAIL_FONT));
  // +4: room for the accent stripe, and rounding of sub-pixel advances.
  const width = Math.ceil(Math.min(BOX.maxWidth, Math.max(BOX.minWidth, w + 2 * BOX.padX + 4)));
  const height = BOX.firstLine + (lines.length - 1) * BOX.lineStep + BOX.padBottom;
  return { width, height };
}

/** `1×64×56×56` for a known shape, `?` marks for unknown dims; '' when the rank is unknown. */
export function shapeText(dims: readonly (number | string | null)[] | null): string {
  if (dims === null) return '';
  if (dims.length === 0) return 'scalar';
  return dims.map((d) => (d === null ? '?' : String(d))).join('×');
}
