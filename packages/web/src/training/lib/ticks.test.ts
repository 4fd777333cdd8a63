/** Tick generation and number formatting. */
import { describe, expect, it } from 'vitest';
import { formatDuration, formatNumber } from './format.js';
import { linearTicks, logTicks, niceStep, timeTicks } from './ticks.js';

describe('ticks', () => {
  it('picks 1-2-5 steps', () => {
    expect(niceStep(0, 1, 5)).toBe(0.2);
    expect(niceStep(0, 1000, 4)).toBe(200);
    expect(niceStep(0, 7, 5)).toBe(1);
    expect(linearTicks(0.03, 0.31, 3)).toEqual([0.1, 0.2, 0.3]);
    expect(linearTicks(-5, 5, 4)).toEqual([-4, -2, 0, 2, 4]);
  });

  it('puts log ticks on decades, with 2 and 5 when the span is short', () => {
    expect(logTicks(-4, 0, 8)).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
    expect(logTicks(0, 2, 8)).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(logTicks(-12, 12, 5)).toEqual([1e-12, 1e-7, 1e-2, 1e3, 1e8].map((x) => Number(x.toPrecision(1))));
  });

  it('steps time axes on calendar units, aligned to the offset', () => {
    const { ticks, step } = timeTicks(0, 3 * 3600, 6);
    expect(step).toBe(1800);
    expect(ticks[1]).toBe(1800);
    expect(timeTicks(100, 7300, 4, 3600).ticks.every((t) => (t + 3600) % 1800 === 0)).toBe(true);
  });

  it('formats numbers compactly', () => {
    expect(formatNumber(1234567)).toBe('1.23M');
    expect(formatNumber(0.000012)).toBe('1.2e−5');
    expect(formatNumber(-0.5)).toBe('−0.5');
    expect(formatNumber(0.30000000000000004, 0.1)).toBe('0.3');
    expect(formatNumber(25000, 5000)).toBe('25k');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatDuration(200)).toBe('3m 20s');
    expect(formatDuration(7500)).toBe('2h 05m');
  });
});
