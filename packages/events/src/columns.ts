/** Columnar storage of (step, wall time, value) points in chunks that grow geometrically and are never copied. */

const FIRST_CHUNK = 32;
const MAX_CHUNK = 65536;

interface Chunk {
  steps: Float64Array;
  walls: Float64Array;
  /** Float32 while every value is exactly a float32 (all simple_value data), widened on the first that is not. */
  values: Float32Array | Float64Array | null;
  n: number;
}

/** Plain arrays of a column set, as returned to readers. */
export interface ColumnArrays {
  steps: Float64Array;
  wallTimes: Float64Array;
  values: Float64Array;
}

/**
 * Points of one series. Chunks double from 32 up to 65,536 points, then stay that size, so memory is
 * the payload plus at most one partly filled chunk, and growth never holds two copies at once.
 * Steps are stored as float64: exact up to 2^53.
 */
export class Columns {
  private chunks: Chunk[] = [];
  private wide = false;
  length = 0;

  constructor(readonly hasValues: boolean) {}

  /** Appends a point (value ignored when the columns have no values). */
  push(step: number, wall: number, value = 0): void {
    let c = this.chunks[this.chunks.length - 1];
    if (c === undefined || c.n === c.steps.length) c = this.grow();
    const i = c.n++;
    c.steps[i] = step;
    c.walls[i] = wall;
    const v = c.values;
    if (v !== null) {
      if (v instanceof Float32Array && Math.fround(value) !== value && value === value)
        this.widen(c)[i] = value;
      else v[i] = value;
    }
    this.length++;
  }

  /** Appends [step, wall, value] from a scratch array (the allocation-free path of push). */
  pushPoint(p: Float64Array): void {
    let c = this.chunks[this.chunks.length - 1];
    if (c === undefined || c.n === c.steps.length) c = this.grow();
    const i = c.n++;
    c.steps[i] = p[0]!;
    c.walls[i] = p[1]!;
    const v = c.values!;
    if (v instanceof Float32Array && Math.fround(p[2]!) !== p[2]! && p[2] === p[2]) this.widen(c)[i] = p[2]!;
    else v[i] = p[2]!;
    this.length++;
  }

  /** Step of the last point (NaN when empty). */
  lastStep(): number {
    const c = this.chunks[this.chunks.length - 1];
    return c && c.n ? c.steps[c.n - 1]! : NaN;
  }

  /** Wall time of the last point (NaN when empty). */
  lastWall(): number {
    const c = this.chunks[this.chunks.length - 1];
    return c && c.n ? c.walls[c.n - 1]! : NaN;
  }

  /** Removes trailing points whose step is ≥ `step` (RustBoard preemption); returns how many. */
  popWhileStepAtLeast(step: number): number {
    let removed = 0;
    for (;;) {
      const c = this.chunks[this.chunks.length - 1];
      if (!c || c.n === 0 || c.steps[c.n - 1]! < step) break;
      c.n--;
      removed++;
      if (c.n === 0 && this.chunks.length > 1) this.chunks.pop();
    }
    this.length -= removed;
    return removed;
  }

  /** Removes every point whose step is ≥ `step`, keeping order (TensorBoard's purge); returns how many. */
  removeStepsFrom(step: number): number {
    // In-place compaction with a (chunk, index) write cursor that trails the read cursor.
    let wc = 0;
    let wj = 0;
    let kept = 0;
    for (const c of this.chunks) {
      for (let i = 0; i < c.n; i++) {
        const s = c.steps[i]!;
        if (s >= step) continue;
        let d = this.chunks[wc]!;
        if (wj === d.steps.length) {
          d = this.chunks[++wc]!;
          wj = 0;
        }
        if (d !== c || wj !== i) {
          d.steps[wj] = s;
          d.walls[wj] = c.walls[i]!;
          if (c.values) {
            const v = c.values[i]!;
            if (d.values instanceof Float32Array && Math.fround(v) !== v && v === v) this.widen(d)[wj] = v;
            else d.values![wj] = v;
          }
        }
        wj++;
        kept++;
      }
    }
    const removed = this.length - kept;
    if (removed > 0) this.truncate(kept);
    return removed;
  }

  /** Bytes allocated by the typed arrays. */
  byteSize(): number {
    let b = 0;
    for (const c of this.chunks) b += c.steps.byteLength + c.walls.byteLength + (c.values?.byteLength ?? 0);
    return b;
  }

  /** Step of point `i` (0 ≤ i < length). */
  stepAt(i: number): number {
    const [c, j] = this.locate(i);
    return c.steps[j]!;
  }

  /** Copies the points into contiguous arrays (values are zeros when the columns have none). */
  toArrays(from = 0, to = this.length): ColumnArrays {
    const n = Math.max(0, to - from);
    const out: ColumnArrays = {
      steps: new Float64Array(n),
      wallTimes: new Float64Array(n),
      values: new Float64Array(n),
    };
    let base = 0;
    let o = 0;
    for (const c of this.chunks) {
      const a = Math.max(from - base, 0);
      const b = Math.min(to - base, c.n);
      if (a < b) {
        out.steps.set(c.steps.subarray(a, b), o);
        out.wallTimes.set(c.walls.subarray(a, b), o);
        if (c.values) out.values.set(c.values.subarray(a, b), o);
        o += b - a;
      }
      base += c.n;
    }
    return out;
  }

  /** Calls `fn` for every point in order. */
  forEach(fn: (step: number, wall: number, value: number, i: number) => void): void {
    let k = 0;
    for (const c of this.chunks)
      for (let i = 0; i < c.n; i++) fn(c.steps[i]!, c.walls[i]!, c.values ? c.values[i]! : 0, k++);
  }

  private grow(): Chunk {
    const last = this.chunks[this.chunks.length - 1];
    const cap = last ? Math.min(last.steps.length * 2, MAX_CHUNK) : FIRST_CHUNK;
    const c: Chunk = {
      steps: new Float64Array(cap),
      walls: new Float64Array(cap),
      values: this.hasValues ? (this.wide ? new Float64Array(cap) : new Float32Array(cap)) : null,
      n: 0,
    };
    this.chunks.push(c);
    return c;
  }

  private widen(c: Chunk): Float64Array {
    const v = new Float64Array(c.steps.length);
    v.set(c.values!);
    c.values = v;
    this.wide = true;
    return v;
  }

  private locate(i: number): [Chunk, number] {
    for (const c of this.chunks) {
      if (i < c.n) return [c, i];
      i -= c.n;
    }
    throw new RangeError(`point ${i} out of range`);
  }

  private truncate(n: number): void {
    let left = n;
    let k = 0;
    for (const c of this.chunks) {
      k++;
      c.n = Math.min(c.steps.length, left);
      left -= c.n;
      if (left === 0) break;
    }
    if (this.chunks.length > 0) this.chunks.length = Math.max(1, k);
    this.length = n;
  }
}
