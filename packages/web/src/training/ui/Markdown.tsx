/** Renders the Markdown tree as React elements: text is always text, so nothing from a log file becomes markup. */
import type { ReactNode } from 'react';
import { type Block, type Inline, parseMarkdown } from '../lib/markdown.js';

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.t) {
      case 'text':
        return n.text;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'strong':
        return <strong key={i}>{inline(n.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(n.children)}</em>;
      case 'del':
        return <del key={i}>{inline(n.children)}</del>;
      case 'link':
        return (
          <a key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow">
            {inline(n.children)}
          </a>
        );
      case 'br':
        return <br key={i} />;
    }
  });
}

function block(b: Block, i: number): ReactNode {
  switch (b.t) {
    case 'heading': {
      const H = `h${Math.min(6, b.level + 2)}` as 'h3';
      return <H key={i}>{inline(b.children)}</H>;
    }
    case 'paragraph':
      return <p key={i}>{inline(b.children)}</p>;
    case 'code':
      return (
        <pre key={i}>
          <code>{b.text}</code>
        </pre>
      );
    case 'list': {
      const items = b.items.map((item, k) => <li key={k}>{item.map(block)}</li>);
      return b.ordered ? (
        <ol key={i} start={b.start}>
          {items}
        </ol>
      ) : (
        <ul key={i}>{items}</ul>
      );
    }
    case 'quote':
      return <blockquote key={i}>{b.children.map(block)}</blockquote>;
    case 'table':
      return (
        <table key={i}>
          <thead>
            <tr>
              {b.head.map((c, k) => (
                <th key={k} style={{ textAlign: b.align[k] ?? undefined }}>
                  {inline(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {b.rows.map((r, k) => (
              <tr key={k}>
                {r.map((c, j) => (
                  <td key={j} style={{ textAlign: b.align[j] ?? undefined }}>
                    {inline(c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'hr':
      return <hr key={i} />;
  }
}

/** Markdown source rendered safely. */
export function Markdown({ source }: { source: string }) {
  return <div className="markdown">{parseMarkdown(source).map(block)}</div>;
}
