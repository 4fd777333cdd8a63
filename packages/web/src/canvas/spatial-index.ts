/** A uniform grid over world coordinates: which boxes touch a rectangle, in time proportional to the answer. */

/** Boxes (by integer id) bucketed into square cells. */
export class GridIndex {
  private readonly cells = new Map<number, number[]>();
  private readonly stamp: Uint32Array;
  private epoch = 0;

  /** `capacity` bounds the ids; `cell` is the cell side in world units. */
  constructor(
    capacity: number,
    private readonly cell = 256,
  ) {
    this.stamp = new Uint32Array(Math.max(1, capacity));
  }

  // Cells are keyed by a single number; 2^20 columns covers any layout we will ever draw.
  private key(cx: number, cy: number): number {
    return cy * 1048576 + cx;
  }

  /** Adds box `id` spanning [x0,x1]×[y0,y1]. */
  insert(id: number, x0: number, y0: number, x1: number, y1: number): void {
    const c = this.cell;
    for (let cy = Math.floor(y0 / c); cy <= Math.floor(y1 / c); cy++) {
      for (let cx = Math.floor(x0 / c); cx <= Math.floor(x1 / c); cx++) {
        const k = this.key(cx, cy);
        let list = this.cells.get(k);
        if (!list) this.cells.set(k, (list = []));
        list.push(id);
      }
    }
  }

  /** Ids of boxes whose cells touch the rectangle, each once (callers test exact overlap if they care). */
  query(x0: number, y0: number, x1: number, y1: number): number[] {
    const out: number[] = [];
    if (++this.epoch === 0xffffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    const e = this.epoch;
    const c = this.cell;
    for (let cy = Math.floor(y0 / c); cy <= Math.floor(y1 / c); cy++) {
      for (let cx = Math.floor(x0 / c); cx <= Math.floor(x1 / c); cx++) {
        const list = this.cells.get(this.key(cx, cy));
        if (!list) continue;
        for (const id of list) {
          if (this.stamp[id] !== e) {
            this.stamp[id] = e;
            out.push(id);
          }
        }
      }
    }
    return out;
  }
}
