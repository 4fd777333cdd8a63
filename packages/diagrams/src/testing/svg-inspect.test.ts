import { describe, expect, it } from 'vitest';
import { clippedTexts, overlappingTexts, svgTexts, viewBox } from './svg-inspect.js';

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" font-size="12">\n${body}\n</svg>\n`;

describe('svg inspection', () => {
  it('finds texts with their anchored boxes', () => {
    const t = svgTexts(svg('<text x="100" y="50" text-anchor="middle" font-size="10">1@28×28</text>'));
    expect(t).toHaveLength(1);
    expect(t[0]!.text).toBe('1@28×28');
    expect(t[0]!.box.x + t[0]!.box.width / 2).toBeCloseTo(100, 6);
    expect(viewBox(svg(''))).toEqual({ x: 0, y: 0, width: 200, height: 100 });
  });

  it('reports overlapping labels and labels outside the view box', () => {
    const body =
      '<text x="10" y="20">overlap me</text>\n<text x="30" y="22">here</text>\n<text x="150" y="90">far right edge</text>';
    expect(overlappingTexts(svg(body)).map(([a, b]) => [a.text, b.text])).toEqual([['overlap me', 'here']]);
    expect(clippedTexts(svg(body)).map((t) => t.text)).toEqual(['far right edge']);
  });
});
