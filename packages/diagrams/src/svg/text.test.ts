import { describe, expect, it } from 'vitest';
import { fitText, superscript, textWidth } from './text.js';

describe('text metrics', () => {
  it('measures DejaVu Sans advances (digits are 0.636 em)', () => {
    expect(textWidth('0000', 10)).toBeCloseTo(25.44, 2);
    expect(textWidth('W', 10)).toBeGreaterThan(textWidth('i', 10));
    expect(textWidth('abc', 12, true)).toBeGreaterThan(textWidth('abc', 12));
    // Unknown glyphs count as 1 em so boxes err on the large side.
    expect(textWidth('漢', 10)).toBe(10);
  });

  it('shortens text with an ellipsis to fit a width', () => {
    const t = fitText('features.denseblock1.denselayer1', 10, 80);
    expect(t.endsWith('…')).toBe(true);
    expect(textWidth(t, 10)).toBeLessThanOrEqual(80);
    expect(fitText('short', 10, 80)).toBe('short');
  });

  it('writes digits as superscripts', () => {
    expect(superscript(120)).toBe('¹²⁰');
  });
});
