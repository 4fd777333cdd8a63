import { describe, expect, it } from 'vitest';
import { pngScale } from './png-export.js';

describe('PNG scale', () => {
  it('uses the wanted scale for ordinary figures', () => {
    expect(pngScale(2000, 400, 3)).toBe(3);
  });

  it('shrinks to stay within the bitmap limits', () => {
    expect(pngScale(500, 3000, 8)).toBeCloseTo(16384 / 3000);
    const s = pngScale(9000, 9000, 2);
    expect(9000 * 9000 * s * s).toBeLessThanOrEqual(120e6 + 1);
  });
});
