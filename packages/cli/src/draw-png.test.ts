import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { svgToPng } from './draw-png.js';

const svg = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" viewBox="0 0 200 40" font-family="DejaVu Sans, Verdana, Arial, sans-serif" font-size="16"><rect width="200" height="40" fill="white"/><text x="10" y="28">${text}</text></svg>`;

/** Pixels that are not white, in an RGBA buffer. */
function inked(s: string): number {
  const px = new Resvg(s, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render()
    .pixels;
  let n = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i]! < 200) n++;
  return n;
}

describe('PNG rendering', () => {
  it('finds a system font: labels (with ×, @, ∈ ℝ and superscripts) put ink on the image', () => {
    expect(inked(svg(''))).toBe(0);
    expect(inked(svg('16@10×10 ∈ ℝ¹²⁰'))).toBeGreaterThan(150);
  });

  it('scales with the DPI and refuses absurd values', () => {
    const png = svgToPng(svg('x'), 192);
    expect(Buffer.from(png).readUInt32BE(16)).toBe(400);
    expect(() => svgToPng(svg('x'), 5)).toThrow(/--dpi 5: expected 10–2400/);
  });
});
