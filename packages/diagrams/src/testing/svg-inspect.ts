/** Reads our own SVG output back (text boxes, view box) so tests can check overlaps and clipping without a DOM. */
import { overlaps, textBox, type Rect } from '../svg/canvas.js';

/** A label found in an SVG, with its estimated box. */
export interface FoundText {
  text: string;
  box: Rect;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The view box of the root element. */
export function viewBox(svg: string): Rect {
  const vb = /<svg[^>]*\sviewBox="([^"]+)"/.exec(svg)?.[1];
  if (!vb) throw new Error('svg: no viewBox');
  const [x, y, width, height] = vb.split(/\s+/).map(Number) as [number, number, number, number];
  return { x, y, width, height };
}

/** Every <text> with its box (from DejaVu metrics), using the root font size when a text sets none. */
export function svgTexts(svg: string): FoundText[] {
  const rootSize = Number(/<svg[^>]*\sfont-size="([\d.]+)"/.exec(svg)?.[1] ?? 12);
  const out: FoundText[] = [];
  for (const m of svg.matchAll(/<text(\s[^>]*)>([^<]*)<\/text>/g)) {
    const tag = m[1]!;
    const style: { size: number; anchor: 'start' | 'middle' | 'end'; bold: boolean } = {
      size: Number(attr(tag, 'font-size') ?? rootSize),
      anchor: (attr(tag, 'text-anchor') as 'middle' | 'end' | undefined) ?? 'start',
      bold: attr(tag, 'font-weight') === 'bold',
    };
    const text = unescape(m[2]!);
    out.push({ text, box: textBox(Number(attr(tag, 'x')), Number(attr(tag, 'y')), text, style) });
  }
  return out;
}

/** Pairs of labels whose boxes overlap (each shrunk by `slack` px to forgive rounding). */
export function overlappingTexts(svg: string, slack = 0.5): [FoundText, FoundText][] {
  const texts = svgTexts(svg).sort((a, b) => a.box.x - b.box.x);
  const out: [FoundText, FoundText][] = [];
  for (let i = 0; i < texts.length; i++) {
    const a = texts[i]!;
    for (let j = i + 1; j < texts.length && texts[j]!.box.x < a.box.x + a.box.width; j++) {
      const b = texts[j]!;
      if (overlaps(a.box, b.box, -slack)) out.push([a, b]);
    }
  }
  return out;
}

/** Labels that stick out of the view box (would be clipped). */
export function clippedTexts(svg: string): FoundText[] {
  const vb = viewBox(svg);
  return svgTexts(svg).filter(
    (t) =>
      t.box.x < vb.x ||
      t.box.y < vb.y ||
      t.box.x + t.box.width > vb.x + vb.width ||
      t.box.y + t.box.height > vb.y + vb.height,
  );
}
