/** Client copies of scalar series: fetched whole once, then only the points appended since (live updates). */
import type { LineSeries } from '../chart/series-prep.js';
import { runColor } from '../lib/colors.js';
import { fetchScalars } from './api.js';

/** A cached series; its arrays grow by doubling and are shared with charts (no copies per frame). */
export interface CachedSeries extends LineSeries {
  run: string;
  tag: string;
  /** Points the run's restart rules had removed when this copy was made. */
  purged: number;
}

const keyOf = (run: string, tag: string) => `${run}\u0000${tag}`;

function grow(a: Float64Array, need: number): Float64Array {
  if (a.length >= need) return a;
  const b = new Float64Array(Math.max(need, a.length * 2, 64));
  b.set(a);
  return b;
}

/** Scalar series by (run, tag), with subscriptions per series. */
export class ScalarCache {
  private readonly series = new Map<string, CachedSeries>();
  private readonly inflight = new Map<string, Promise<CachedSeries>>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private versions = 0;

  /** The cached copy, if any. */
  get(run: string, tag: string): CachedSeries | undefined {
    return this.series.get(keyOf(run, tag));
  }

  /** Loads (once) and returns the series. */
  load(run: string, tag: string): Promise<CachedSeries> {
    const k = keyOf(run, tag);
    const have = this.series.get(k);
    if (have) return Promise.resolve(have);
    return this.fetch(k, run, tag, false);
  }

  /** Brings a cached series up to `count` points (no-op when not cached or already there). */
  update(run: string, tag: string, count: number): Promise<unknown> {
    const k = keyOf(run, tag);
    const have = this.series.get(k);
    // Not held and not loading: nobody shows it, nothing to do. Loading: catch up after the load.
    if (!have && !this.inflight.has(k)) return Promise.resolve();
    if (have && have.n === count && !this.inflight.has(k)) return Promise.resolve();
    return this.fetch(k, run, tag, true);
  }

  /** Updates every cached series (after a reconnect, when events may have been missed). */
  refreshAll(): void {
    for (const s of this.series.values())
      void this.fetch(keyOf(s.run, s.tag), s.run, s.tag, true).catch(() => undefined);
  }

  /** Calls `fn` whenever the series changes; returns an unsubscribe function. */
  subscribe(run: string, tag: string, fn: () => void): () => void {
    const k = keyOf(run, tag);
    let set = this.listeners.get(k);
    if (!set) this.listeners.set(k, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  private fetch(k: string, run: string, tag: string, incremental: boolean): Promise<CachedSeries> {
    const running = this.inflight.get(k);
    // One request per series at a time; an update asked for meanwhile runs after it.
    if (running) return incremental ? running.then(() => this.fetch(k, run, tag, true)) : running;
    const p = this.doFetch(k, run, tag, incremental).finally(() => this.inflight.delete(k));
    this.inflight.set(k, p);
    return p;
  }

  private async doFetch(k: string, run: string, tag: string, incremental: boolean): Promise<CachedSeries> {
    const have = this.series.get(k);
    const chunk = await fetchScalars(
      run,
      tag,
      incremental && have ? { count: have.n, purged: have.purged } : undefined,
    );
    const { header } = chunk;
    let s = have;
    if (!s || header.start === 0) {
      // Whole series: keep the response's own aligned columns as they are (no copy); float32 values are
      // widened once so every series has one value type.
      s = {
        id: run,
        run,
        tag,
        color: runColor(run),
        steps: chunk.steps,
        walls: chunk.wallTimes,
        values: chunk.values instanceof Float64Array ? chunk.values : Float64Array.from(chunk.values),
        n: header.count,
        version: ++this.versions,
        purged: header.purged,
      };
    } else {
      const n = header.start + header.count;
      s = { ...s, steps: grow(s.steps, n), walls: grow(s.walls, n), values: grow(s.values, n) };
      s.steps.set(chunk.steps, header.start);
      s.walls.set(chunk.wallTimes, header.start);
      s.values.set(chunk.values, header.start);
      s.n = n;
      s.version = ++this.versions;
      s.purged = header.purged;
    }
    this.series.set(k, s);
    for (const fn of this.listeners.get(k) ?? []) fn();
    return s;
  }
}
