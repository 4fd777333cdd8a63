import { describe, expect, it } from 'vitest';
import { formatCount } from './format-count.js';

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [61706, '61.7 K'],
    [416520, '417 K'],
    [1814073344, '1.81 G'],
    [17563828224, '17.6 G'],
    [999_700, '1.00 M'],
    [-2500, '-2.50 K'],
    [0.25, '0.25'],
  ])('%d → %s', (n, want) => {
    expect(formatCount(n)).toBe(want);
  });
});
