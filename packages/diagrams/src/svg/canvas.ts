/** A drawing surface: collects elements, defs and their extent, then writes one SVG document. */
import { el, renderSvg, type AttrValue, type SvgElement } from './element.js';
import { ASCENT, DESCENT, FONT_FAMILY, textWidth } from './text.js';

/** Axis-aligned box. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How a label is drawn. */
export interface TextStyle {
  size?: number;
  anchor?: 'start' | 'middle' | 'end';
  bold?: boolean;
  fill?: string;
  italic?: boolean;
  /** Class name for styling and for tests that find labels. */
  className?: string;
}

/** The box a text occupies (from the metrics), used for bounds and overlap checks. */
export function textBox(x: number, y: number, s: string, style: TextStyle = {}): Rect {
  const size = style.size ?? 12;
  const w = textWidth(s, size, style.bold);
  const x0 = style.anchor === 'middle' ? x - w / 2 : style.anchor === 'end' ? x - w : x;
  return { x: x0, y: y - ASCENT * size, width: w, height: (ASCENT + DESCENT) * size };
}

/** Collects marks. Layers (`group`) keep z-order explicit: later groups paint over earlier ones. */
export class Canvas {
  private readonly layers = new Map<string, SvgElement[]>();
  private readonly defs: SvgElement[] = [];
  private readonly idCounts = new Map<string, number>();
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;
  /** Every label drawn, with its box: styles use them to avoid collisions. */
  readonly texts: { text: string; box: Rect }[] = [];

  constructor(
    readonly idPrefix = 'nn',
    readonly fontSize = 12,
  ) {}

  /** A document-unique id such as `nn-marker-1`, numbered in creation order. */
  id(kind: string): string {
    const n = (this.idCounts.get(kind) ?? 0) + 1;
    this.idCounts.set(kind, n);
    return `${this.idPrefix}-${kind}-${n}`;
  }

  /** Grows the drawing's extent to include a box. */
  include(x: number, y: number, width = 0, height = 0): void {
    this.minX = Math.min(this.minX, x, x + width);
    this.minY = Math.min(this.minY, y, y + height);
    this.maxX = Math.max(this.maxX, x, x + width);
    this.maxY = Math.max(this.maxY, y, y + height);
  }

  /** Grows the extent to include points x0,y0,x1,y1,… . */
  includePoints(points: readonly number[]): void {
    for (let i = 0; i < points.length; i += 2) this.include(points[i]!, points[i + 1]!);
  }

  /** The drawing's extent so far. */
  extent(): Rect {
    if (!Number.isFinite(this.minX)) return { x: 0, y: 0, width: 0, height: 0 };
    return { x: this.minX, y: this.minY, width: this.maxX - this.minX, height: this.maxY - this.minY };
  }

  /** Adds an element to a named layer (created on first use, painted in creation order). */
  add(element: SvgElement, layer = 'main'): void {
    let list = this.layers.get(layer);
    if (!list) this.layers.set(layer, (list = []));
    list.push(element);
  }

  /** Adds a definition (marker, gradient) once. */
  def(element: SvgElement): void {
    this.defs.push(element);
  }

  /** Draws a single-line label and records its box. */
  text(x: number, y: number, s: string, style: TextStyle = {}, layer = 'labels'): Rect {
    const box = textBox(x, y, s, { size: this.fontSize, ...style });
    this.include(box.x, box.y, box.width, box.height);
    this.texts.push({ text: s, box });
    const attrs: Record<string, AttrValue> = {
      x,
      y,
      'font-size': style.size !== undefined && style.size !== this.fontSize ? style.size : undefined,
      'text-anchor': style.anchor && style.anchor !== 'start' ? style.anchor : undefined,
      'font-weight': style.bold ? 'bold' : undefined,
      'font-style': style.italic ? 'italic' : undefined,
      fill: style.fill,
      class: style.className,
    };
    this.add(el('text', attrs, s), layer);
    return box;
  }

  /** True when `box` (grown by `pad`) overlaps no label drawn so far. */
  isFree(box: Rect, pad = 1): boolean {
    return this.texts.every((t) => !overlaps(t.box, box, pad));
  }

  /** The whole document: extent plus `margin`, optional background, title for accessibility. */
  toSvg(
    options: { margin?: number; background?: string | null; title?: string; scale?: number } = {},
  ): string {
    const m = options.margin ?? 16;
    if (!Number.isFinite(this.minX)) this.include(0, 0, 1, 1);
    const x = Math.floor(this.minX - m);
    const y = Math.floor(this.minY - m);
    const w = Math.ceil(this.maxX + m) - x;
    const h = Math.ceil(this.maxY + m) - y;
    const scale = options.scale ?? 1;
    const body: SvgElement[] = [];
    if (options.title) body.push(el('title', {}, options.title));
    if (this.defs.length) body.push(el('defs', {}, this.defs));
    if (options.background) body.push(el('rect', { x, y, width: w, height: h, fill: options.background }));
    for (const [name, list] of this.layers) body.push(el('g', { class: name }, list));
    const root = el(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        width: w * scale,
        height: h * scale,
        viewBox: `${x} ${y} ${w} ${h}`,
        'font-family': FONT_FAMILY,
        'font-size': this.fontSize,
      },
      body,
    );
    return renderSvg(root);
  }
}

/** True when two boxes, each grown by `pad`, intersect. */
export function overlaps(a: Rect, b: Rect, pad = 0): boolean {
  return (
    a.x - pad < b.x + b.width + pad &&
    b.x - pad < a.x + a.width + pad &&
    a.y - pad < b.y + b.height + pad &&
    b.y - pad < a.y + a.height + pad
  );
}
