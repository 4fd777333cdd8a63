/** Per-series derived columns of a chart, cached until the data, the x type or the smoothing weight changes. */
import { isSorted } from '../lib/decimate.js';
import { smooth } from '../lib/smoothing.js';
import type { XType } from './axes.js';

/** A run's points as a chart receives them. Arrays may be longer than `n` (they grow in place). */
export interface LineSeries {
  id: string;
  color: string;
  steps: Float64Array;
  walls: Float64Array;
  values: Float64Array;
  n: number;
  /** Changes whenever the points change (appends included). */
  version: number;
}

/** What a chart draws of a series. */
export interface Prepared {
  series: LineSeries;
  xs: Float64Array;
  sorted: boolean;
  /** null when smoothing is off. */
  smoothed: Float64Array | null;
  /** Wall time of the first point (relative time origin). */
  start: number;
}

interface CacheEntry {
  key: string;
  prepared: Prepared;
}

/** Caches Prepared per series id; `prepare` recomputes only what changed. */
export class SeriesPrep {
  private readonly cache = new Map<
    string,
    CacheEntry & { xKey: string; xs: Float64Array; sorted: boolean }
  >();

  prepare(s: LineSeries, xType: XType, smoothing: number): Prepared {
    const xKey = `${s.version}:${s.n}:${xType}`;
    const key = `${xKey}:${smoothing}`;
    const hit = this.cache.get(s.id);
    if (hit && hit.key === key && hit.prepared.series === s) return hit.prepared;
    let xs: Float64Array;
    let sorted: boolean;
    if (hit && hit.xKey === xKey && hit.prepared.series === s) ({ xs, sorted } = hit);
    else {
      xs =
        xType === 'step'
          ? s.steps.subarray(0, s.n)
          : xType === 'wall'
            ? s.walls.subarray(0, s.n)
            : relative(s);
      sorted = isSorted(xs, s.n);
    }
    const smoothed = smoothing > 0 ? smooth(s.values.subarray(0, s.n), smoothing) : null;
    const prepared: Prepared = { series: s, xs, sorted, smoothed, start: s.n ? s.walls[0]! : 0 };
    this.cache.set(s.id, { key, xKey, xs, sorted, prepared });
    return prepared;
  }

  /** Drops entries of series no longer shown. */
  retain(ids: Set<string>): void {
    for (const id of this.cache.keys()) if (!ids.has(id)) this.cache.delete(id);
  }
}

/** Seconds since the series' first point. */
function relative(s: LineSeries): Float64Array {
  const out = new Float64Array(s.n);
  const t0 = s.n ? s.walls[0]! : 0;
  for (let i = 0; i < s.n; i++) out[i] = s.walls[i]! - t0;
  return out;
}
