/** Axis ticks and labels of a line chart for its x type (step, relative or wall time) and y scale (linear or log). */
import { formatDurationTick, formatNumber, formatTimeTick } from '../lib/format.js';
import { linearTicks, logTicks, timeTicks } from '../lib/ticks.js';

/** What the horizontal axis shows. */
export type XType = 'step' | 'relative' | 'wall';

/** Ticks with their labels, in data units (log axes: the values themselves, not their logs). */
export interface AxisTicks {
  values: number[];
  labels: string[];
}

/** x ticks for about one label per 90 px. */
export function xTicks(type: XType, lo: number, hi: number, px: number): AxisTicks {
  const count = Math.max(2, Math.floor(px / 90));
  if (type === 'step') {
    // Steps are integers: no tick between two of them.
    const values = linearTicks(lo, hi, count).filter((v) => Number.isInteger(v));
    const step = values.length > 1 ? values[1]! - values[0]! : 1;
    return { values, labels: values.map((v) => formatNumber(v, step)) };
  }
  // Wall-clock ticks fall on local hours and midnights: shift the grid by the time zone's offset.
  const offset = type === 'wall' ? -new Date(lo * 1000).getTimezoneOffset() * 60 : 0;
  const { ticks, step } = timeTicks(lo, hi, count, offset);
  const fmt = type === 'wall' ? formatTimeTick : formatDurationTick;
  return { values: ticks, labels: ticks.map((t) => fmt(t, step)) };
}

/** y ticks for about one label per 40 px; `lo`/`hi` are log10 units when `log`. */
export function yTicks(lo: number, hi: number, px: number, log: boolean): AxisTicks {
  const count = Math.max(2, Math.floor(px / 40));
  if (log) {
    const values = logTicks(lo, hi, count);
    // Under a decade the ticks are linear steps: label them with the step's decimals, like a linear axis.
    const step = hi - lo < 1 && values.length > 1 ? values[1]! - values[0]! : undefined;
    return { values, labels: values.map((v) => formatNumber(v, step, 3)) };
  }
  const values = linearTicks(lo, hi, count);
  const step = values.length > 1 ? values[1]! - values[0]! : Math.abs(hi - lo) || 1;
  return { values, labels: values.map((v) => formatNumber(v, step)) };
}
