/** Reservoir sampling that always keeps the latest item (TensorBoard's semantics) with a deterministic RNG. */

/** One kept sample with its position in time. */
export interface Sample<T> {
  step: number;
  wallTime: number;
  value: T;
}

// mulberry32: tiny, fast, good enough for sampling; seeded per reservoir so runs are reproducible.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A uniform sample of at most `capacity` items of a stream, where the most recent item is always kept
 * (so the newest image or histogram is always visible). capacity 0 means "keep everything".
 */
export class Reservoir<T> {
  readonly items: Sample<T>[] = [];
  /** Items offered so far (estimated after a purge, as TensorBoard does). */
  seen = 0;
  private readonly random: () => number;

  constructor(
    readonly capacity: number,
    seed = 0,
  ) {
    this.random = rng(seed);
  }

  /** Offers an item; returns the item it displaced, if any, so callers can account memory. */
  add(item: Sample<T>): Sample<T> | undefined {
    const items = this.items;
    let dropped: Sample<T> | undefined;
    if (this.capacity === 0 || items.length < this.capacity) items.push(item);
    else {
      const r = Math.floor(this.random() * (this.seen + 1));
      if (r < this.capacity) {
        dropped = items.splice(r, 1)[0];
        items.push(item);
      } else {
        dropped = items[items.length - 1];
        items[items.length - 1] = item;
      }
    }
    this.seen++;
    return dropped;
  }

  /** Keeps only items for which `keep` is true; scales `seen` by the surviving fraction. */
  filter(keep: (s: Sample<T>) => boolean): Sample<T>[] {
    const before = this.items.length;
    const removed: Sample<T>[] = [];
    let w = 0;
    for (const it of this.items) {
      if (keep(it)) this.items[w++] = it;
      else removed.push(it);
    }
    this.items.length = w;
    if (removed.length) this.seen = before ? Math.round((this.seen * w) / before) : 0;
    return removed;
  }
}
