import { describe, expect, it } from 'vitest';
import { el, escapeXml, num, renderSvg } from './element.js';
import { path, roundedPolyline } from './path.js';

describe('svg element', () => {
  it('rounds numbers to 3 decimals without negative zero or trailing zeros', () => {
    expect(num(1.23456)).toBe('1.235');
    expect(num(-0.0001)).toBe('0');
    expect(num(2.5)).toBe('2.5');
    expect(num(100)).toBe('100');
    expect(() => num(NaN)).toThrow(/non-finite/);
  });

  it('escapes text and attributes', () => {
    expect(escapeXml('a<b & "c">')).toBe('a&lt;b &amp; &quot;c&quot;&gt;');
  });

  it('pretty-prints one element per line and keeps text on the tag line', () => {
    const svg = renderSvg(
      el(
        'svg',
        { width: 10.00049 },
        el('g', { class: 'a', skip: undefined }, el('text', { x: 1 }, 'A & B')),
        false,
        null,
      ),
    );
    expect(svg).toBe('<svg width="10">\n  <g class="a">\n    <text x="1">A &amp; B</text>\n  </g>\n</svg>\n');
  });

  it('builds path data with rounded coordinates and rounded corners', () => {
    expect(path().M(0, 0).L(1.00001, 2.3333333).Z().d).toBe('M0,0L1,2.333Z');
    const d = roundedPolyline([0, 0, 0, 10, 10, 10], 4);
    expect(d).toBe('M0,0L0,6Q0,10,4,10L10,10');
  });
});
