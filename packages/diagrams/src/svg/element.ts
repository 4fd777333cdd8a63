/** A tiny immutable SVG tree and its deterministic, pretty-printed serialisation. */

/** Attribute values; numbers are rounded to 3 decimals when written, undefined ones are omitted. */
export type AttrValue = string | number | undefined;

/** One element: tag, attributes in insertion order, children (elements or text). */
export interface SvgElement {
  tag: string;
  attrs: Record<string, AttrValue>;
  children: (SvgElement | string)[];
}

/** Builds an element; nullish and `false` children are dropped so marks can be composed with `&&`. */
export function el(
  tag: string,
  attrs: Record<string, AttrValue> = {},
  ...children: (SvgElement | string | null | undefined | false | (SvgElement | string)[])[]
): SvgElement {
  const out: (SvgElement | string)[] = [];
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) out.push(...c);
    else out.push(c);
  }
  return { tag, attrs, children: out };
}

/** A number with at most 3 decimals, no trailing zeros and no negative zero (stable across platforms). */
export function num(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`svg: non-finite number ${n}`);
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text and attribute values for XML. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

function attrText(attrs: Record<string, AttrValue>): string {
  let s = '';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    s += ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`;
  }
  return s;
}

function write(node: SvgElement, indent: string, out: string[]): void {
  const open = `${indent}<${node.tag}${attrText(node.attrs)}`;
  if (node.children.length === 0) {
    out.push(`${open}/>`);
    return;
  }
  // Text-only elements stay on one line so whitespace never leaks into rendered labels.
  if (node.children.every((c) => typeof c === 'string')) {
    out.push(`${open}>${node.children.map((c) => escapeXml(c as string)).join('')}</${node.tag}>`);
    return;
  }
  out.push(`${open}>`);
  for (const c of node.children) {
    if (typeof c === 'string') out.push(`${indent}  ${escapeXml(c)}`);
    else write(c, `${indent}  `, out);
  }
  out.push(`${indent}</${node.tag}>`);
}

/** Serialises a tree: one element per line, two-space indent, trailing newline. */
export function renderSvg(root: SvgElement): string {
  const out: string[] = [];
  write(root, '', out);
  return out.join('\n') + '\n';
}
