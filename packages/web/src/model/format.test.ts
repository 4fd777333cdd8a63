import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatStat, percent, withCommas } from './format.js';

describe('format', () => {
  it('counts with SI suffixes and three significant digits', () => {
    expect(formatCount(7978856)).toBe('7.98 M');
    expect(formatCount(2834000000)).toBe('2.83 G');
    expect(formatCount(512)).toBe('512');
    expect(formatCount(NaN)).toBe('—');
  });
  it('bytes, commas, percentages, statistics', () => {
    expect(formatBytes(32_200_000)).toBe('32.2 MB');
    expect(formatBytes(900)).toBe('900 B');
    expect(withCommas(1234567)).toBe('1,234,567');
    expect(percent(1, 3)).toBe('33%');
    expect(percent(1, 5000)).toBe('<0.1%');
    expect(percent(1, 0)).toBe('');
    expect(percent(0, 10)).toBe('');
    expect(formatStat(0.000012345)).toBe('1.234e-5');
    expect(formatStat(-0.12345678)).toBe('-0.1235');
  });
});
