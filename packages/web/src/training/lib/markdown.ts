/**
 * A small Markdown parser producing a tree (never HTML): headings, paragraphs, emphasis, code, fenced
 * code, lists, block quotes, pipe tables, rules and http(s)/mailto links. Raw HTML stays literal text,
 * so rendering the tree with React cannot inject markup from a log file.
 */

/** Inline content. */
export type Inline =
  | { t: 'text'; text: string }
  | { t: 'code'; text: string }
  | { t: 'strong' | 'em' | 'del'; children: Inline[] }
  | { t: 'link'; href: string; children: Inline[] }
  | { t: 'br' };

/** Block content. */
export type Block =
  | { t: 'heading'; level: number; children: Inline[] }
  | { t: 'paragraph'; children: Inline[] }
  | { t: 'code'; lang: string; text: string }
  | { t: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { t: 'quote'; children: Block[] }
  | { t: 'table'; align: ('left' | 'center' | 'right' | null)[]; head: Inline[][]; rows: Inline[][][] }
  | { t: 'hr' };

/** Only these link targets are kept; anything else (javascript:, data:) becomes plain text. */
export function safeHref(href: string): string | null {
  const h = href.trim();
  return /^(https?:\/\/|mailto:)/i.test(h) ? h : null;
}

const INLINE =
  /(`+)([\s\S]*?[^`])\1(?!`)|\*\*([\s\S]+?)\*\*|__([\s\S]+?)__|~~([\s\S]+?)~~|\*([^\s*][\s\S]*?)\*|\b_([^\s_][\s\S]*?)_\b|\[([^\]]*)\]\(([^)\s]*)\)|<(https?:\/\/[^>\s]+)>|( {2,}|\\)\n/;

/** Parses inline Markdown. */
export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let rest = src;
  const text = (s: string) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last?.t === 'text') last.text += s;
    else out.push({ t: 'text', text: s });
  };
  while (rest) {
    const m = INLINE.exec(rest);
    if (!m) {
      text(rest);
      break;
    }
    text(rest.slice(0, m.index));
    if (m[1]) out.push({ t: 'code', text: m[2]!.replace(/^ (.*) $/, '$1') });
    else if (m[3] !== undefined || m[4] !== undefined)
      out.push({ t: 'strong', children: parseInline(m[3] ?? m[4]!) });
    else if (m[5] !== undefined) out.push({ t: 'del', children: parseInline(m[5]) });
    else if (m[6] !== undefined || m[7] !== undefined)
      out.push({ t: 'em', children: parseInline(m[6] ?? m[7]!) });
    else if (m[8] !== undefined) {
      const href = safeHref(m[9]!);
      if (href) out.push({ t: 'link', href, children: parseInline(m[8]) });
      else text(m[0]);
    } else if (m[10]) out.push({ t: 'link', href: m[10], children: [{ t: 'text', text: m[10] }] });
    else out.push({ t: 'br' });
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));

const isRule = (l: string) => /^ {0,3}([-*_])( *\1){2,} *$/.test(l);
const listItem = /^( {0,3})([-*+]|\d{1,9}[.)]) +(.*)$/;
const tableSep = /^ *\|? *:?-+:? *(\| *:?-+:? *)*\|? *$/;

/** Parses block Markdown. */
export function parseMarkdown(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  const startsBlock = (l: string) => /^ {0,3}(#{1,6} |```|~~~|>)/.test(l) || isRule(l) || listItem.test(l);
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = /^ {0,3}(```+|~~~+)\s*([\w+-]*)/.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith(fence[1]!)) body.push(lines[i++]!);
      i++;
      blocks.push({ t: 'code', lang: fence[2] ?? '', text: body.join('\n') });
      continue;
    }
    const h = /^ {0,3}(#{1,6}) +(.*?)(?: +#+)? *$/.exec(line);
    if (h) {
      blocks.push({ t: 'heading', level: h[1]!.length, children: parseInline(h[2]!) });
      i++;
      continue;
    }
    if (isRule(line)) {
      blocks.push({ t: 'hr' });
      i++;
      continue;
    }
    if (/^ {0,3}>/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && /^ {0,3}>/.test(lines[i]!)) body.push(lines[i++]!.replace(/^ {0,3}> ?/, ''));
      blocks.push({ t: 'quote', children: parseMarkdown(body.join('\n')) });
      continue;
    }
    if (
      line.includes('|') &&
      i + 1 < lines.length &&
      tableSep.test(lines[i + 1]!) &&
      lines[i + 1]!.includes('-')
    ) {
      const head = cells(line);
      const align = cells(lines[i + 1]!).map((c) =>
        c.startsWith(':') && c.endsWith(':')
          ? 'center'
          : c.endsWith(':')
            ? 'right'
            : c.startsWith(':')
              ? 'left'
              : null,
      );
      i += 2;
      const rows: Inline[][][] = [];
      while (i < lines.length && lines[i]!.includes('|') && lines[i]!.trim())
        rows.push(cells(lines[i++]!).slice(0, head.length).map(parseInline));
      blocks.push({ t: 'table', align, head: head.map(parseInline), rows });
      continue;
    }
    const li = listItem.exec(line);
    if (li) {
      const ordered = /\d/.test(li[2]!);
      const items: Block[][] = [];
      while (i < lines.length) {
        const m = listItem.exec(lines[i]!);
        if (!m || /\d/.test(m[2]!) !== ordered) break;
        const body = [m[3]!];
        i++;
        // Continuation lines: indented, or plain text right after (lazy continuation).
        // Continuation lines: indented ones (nested lists, more text), or unindented plain text.
        for (; i < lines.length; i++) {
          const next = lines[i]!;
          if (!next.trim() || (!/^ {2,}/.test(next) && startsBlock(next))) break;
          body.push(next.replace(/^ {2,4}/, ''));
        }
        items.push(parseMarkdown(body.join('\n')));
        while (i < lines.length && !lines[i]!.trim() && i + 1 < lines.length && listItem.test(lines[i + 1]!))
          i++;
      }
      blocks.push({ t: 'list', ordered, start: ordered ? parseInt(li[2]!, 10) : 1, items });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() && !(para.length && startsBlock(lines[i]!)))
      para.push(lines[i++]!.trim());
    const joined = para.join('\n');
    const setext = /\n(=+|-+)$/.exec(joined);
    if (setext)
      blocks.push({
        t: 'heading',
        level: setext[1]![0] === '=' ? 1 : 2,
        children: parseInline(joined.slice(0, setext.index)),
      });
    else blocks.push({ t: 'paragraph', children: parseInline(joined) });
  }
  return blocks;
}
