/** Markdown to a tree: structure, and that nothing unsafe survives as markup or links. */
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown.js';

describe('markdown', () => {
  it('parses headings, emphasis, code and links', () => {
    expect(parseMarkdown('## Step 10\n- eval accuracy: **0.91**\n- eval loss: `0.42`')).toEqual([
      { t: 'heading', level: 2, children: [{ t: 'text', text: 'Step 10' }] },
      {
        t: 'list',
        ordered: false,
        start: 1,
        items: [
          [
            {
              t: 'paragraph',
              children: [
                { t: 'text', text: 'eval accuracy: ' },
                { t: 'strong', children: [{ t: 'text', text: '0.91' }] },
              ],
            },
          ],
          [
            {
              t: 'paragraph',
              children: [
                { t: 'text', text: 'eval loss: ' },
                { t: 'code', text: '0.42' },
              ],
            },
          ],
        ],
      },
    ]);
    expect(parseInline('see [docs](https://x.org/a) and *this*')).toEqual([
      { t: 'text', text: 'see ' },
      { t: 'link', href: 'https://x.org/a', children: [{ t: 'text', text: 'docs' }] },
      { t: 'text', text: ' and ' },
      { t: 'em', children: [{ t: 'text', text: 'this' }] },
    ]);
  });

  it('parses fenced code, tables with alignment, quotes and rules', () => {
    const b = parseMarkdown('```bash\necho <b>\n```\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n> quoted\n\n---');
    expect(b[0]).toEqual({ t: 'code', lang: 'bash', text: 'echo <b>' });
    expect(b[1]).toMatchObject({
      t: 'table',
      align: ['left', 'right'],
      rows: [[[{ t: 'text', text: '1' }], [{ t: 'text', text: '2' }]]],
    });
    expect(b[2]).toMatchObject({ t: 'quote', children: [{ t: 'paragraph' }] });
    expect(b[3]).toEqual({ t: 'hr' });
  });

  it('keeps raw HTML as text and drops unsafe link targets', () => {
    expect(parseMarkdown('<script>alert(1)</script>')).toEqual([
      { t: 'paragraph', children: [{ t: 'text', text: '<script>alert(1)</script>' }] },
    ]);
    expect(parseInline('[x](javascript:alert(1))')).toEqual([
      { t: 'text', text: '[x](javascript:alert(1))' },
    ]);
    expect(parseInline('[x](data:text/html,hi)')[0]).toMatchObject({ t: 'text' });
  });

  it('parses ordered lists with their start number', () => {
    expect(parseMarkdown('3. a\n4. b')[0]).toMatchObject({ t: 'list', ordered: true, start: 3 });
  });
});

it('nests indented lists and continues items over plain lines', () => {
  const [list] = parseMarkdown('- a\n  - b\n  more\n- c');
  expect(list).toMatchObject({
    t: 'list',
    items: [[{ t: 'paragraph' }, { t: 'list', items: [[{ t: 'paragraph' }]] }], [{ t: 'paragraph' }]],
  });
});
