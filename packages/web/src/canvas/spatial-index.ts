/** A uniform grid over world coordinates: which boxes touch a rectangle, in time proportional to the answer. */

/** Boxes (by integer id) bucketed into square cells. */
export class GridIndex {
  private readonly cells = new Map<number, number[]>();
  private readonly stamp: Uint32Array;
  private epoch = 0;
  // Occupied cell range: queries are clamped to it, so a zoomed-out view does not walk empty cells.
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;
  private readonly ids: number[] = [];

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
    const cx0 = Math.floor(x0 / c);
    const cy0 = Math.floor(y0 / c);
    const cx1 = Math.floor(x1 / c);
    const cy1 = Math.floor(y1 / c);
    this.minX = Math.min(this.minX, cx0);
    this.minY = Math.min(this.minY, cy0);
    this.maxX = Math.max(this.maxX, cx1);
    this.maxY = Math.max(this.maxY, cy1);
    this.ids.push(id);
    for (let cy = cy0; cy <= cy1; cy++) {
      for (let cx = cx0; cx <= cx1; cx++) {
        const k = this.key(cx, cy);
        let list = this.cells.get(k);
        if (!list) this.cells.set(k, (list = []));
        list.push(id);
      }
    }
  }

  /** Ids of boxes whose cells touch the rectangle, each once (callers test exact overlap if they care). */
  query(x0: number, y0: number, x1: number, y1: number): number[] {
    const c = this.cell;
    const qx0 = Math.max(this.minX, Math.floor(x0 / c));
    const qy0 = Math.max(this.minY, Math.floor(y0 / c));
    const qx1 = Math.min(this.maxX, Math.floor(x1 / c));
    const qy1 = Math.min(this.maxY, Math.floor(y1 / c));
    // Everything in view (zoomed far out): no need to visit cells at all.
    if (qx0 === this.minX && qy0 === this.minY && qx1 === this.maxX && qy1 === this.maxY)
      return this.ids.slice();
    const out: number[] = [];
    if (++this.epoch === 0xffffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    const e = this.epoch;
    for (let cy = qy0; cy <= qy1; cy++) {
      for (let cx = qx0; cx <= qx1; cx++) {
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
