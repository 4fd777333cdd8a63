/**
 * Horizontal coordinates after Brandes & Köpf: four vertical alignments (up/down × left/right),
 * each compacted, then balanced. Alignment prefers real–real and dummy–dummy edges so that the
 * main chain of a network is one straight block and skip connections run straight beside it.
 */

/** What the coordinate phase needs to know about the ordered, proper layered graph. */
export interface CoordinateInput {
  layers: number[][];
  pos: Int32Array;
  rank: Int32Array;
  up: number[][];
  down: number[][];
  realCount: number;
  /** Extent of each node along the layer (width in TB). Dummies have 0. */
  extent: Float64Array;
  nodeSep: number;
  edgeSep: number;
}

/** Centre coordinate of every node along the layer axis. */
export function assignCoordinates(inp: CoordinateInput): Float64Array {
  const size = inp.pos.length;
  const marked = markType1Conflicts(inp);
  const allowed = makeAllowed(inp);
  const xs: Float64Array[] = [];
  for (const vertical of ['down', 'up'] as const) {
    for (const horizontal of ['left', 'right'] as const) {
      xs.push(oneLayout(inp, vertical, horizontal, marked, allowed));
    }
  }
  // Align the four to the narrowest, then take the average of the two medians per node.
  let smallest = 0;
  const mins: number[] = [];
  const maxs: number[] = [];
  for (let k = 0; k < 4; k++) {
    let lo = Infinity;
    let hi = -Infinity;
    const x = xs[k]!;
    for (let v = 0; v < size; v++) {
      const h = inp.extent[v]! / 2;
      if (x[v]! - h < lo) lo = x[v]! - h;
      if (x[v]! + h > hi) hi = x[v]! + h;
    }
    mins.push(lo);
    maxs.push(hi);
    if (hi - lo < maxs[smallest]! - mins[smallest]!) smallest = k;
  }
  for (let k = 0; k < 4; k++) {
    const shift = k % 2 === 0 ? mins[smallest]! - mins[k]! : maxs[smallest]! - maxs[k]!;
    const x = xs[k]!;
    for (let v = 0; v < size; v++) x[v]! += shift;
  }
  const out = new Float64Array(size);
  const four = [0, 0, 0, 0];
  for (let v = 0; v < size; v++) {
    for (let k = 0; k < 4; k++) four[k] = xs[k]![v]!;
    four.sort((a, b) => a - b);
    out[v] = (four[1]! + four[2]!) / 2;
  }
  // Balancing can rarely squeeze neighbours together: restore separation left to right.
  for (const layer of inp.layers) {
    for (let i = 1; i < layer.length; i++) {
      const a = layer[i - 1]!;
      const b = layer[i]!;
      const min = out[a]! + separation(inp, a, b);
      if (out[b]! < min) out[b] = min;
    }
  }
  return out;
}

/** Minimum centre distance of two layer neighbours. */
export function separation(inp: CoordinateInput, a: number, b: number): number {
  const da = a >= inp.realCount;
  const db = b >= inp.realCount;
  const gap = da && db ? inp.edgeSep : da || db ? (inp.edgeSep + inp.nodeSep) / 2 : inp.nodeSep;
  return (inp.extent[a]! + inp.extent[b]!) / 2 + gap;
}

const pairKey = (a: number, b: number): number => (a < b ? a * 4294967296 + b : b * 4294967296 + a);

/** Non-inner segments that cross an inner (dummy–dummy) segment may not be aligned. */
function markType1Conflicts(inp: CoordinateInput): Set<number> {
  const marked = new Set<number>();
  const dummy = (v: number): boolean => v >= inp.realCount;
  for (let i = 1; i < inp.layers.length; i++) {
    const lower = inp.layers[i]!;
    const upperLen = inp.layers[i - 1]!.length;
    let k0 = 0;
    let scan = 0;
    for (let l1 = 0; l1 < lower.length; l1++) {
      const v = lower[l1]!;
      const inner = dummy(v) ? inp.up[v]!.find(dummy) : undefined;
      if (l1 !== lower.length - 1 && inner === undefined) continue;
      const k1 = inner !== undefined ? inp.pos[inner]! : upperLen - 1;
      for (; scan <= l1; scan++) {
        const w = lower[scan]!;
        for (const u of inp.up[w]!) {
          const k = inp.pos[u]!;
          if ((k < k0 || k > k1) && !(dummy(u) && dummy(w))) marked.add(pairKey(u, w));
        }
      }
      k0 = k1;
    }
  }
  return marked;
}

/**
 * Which edges may be made vertical. A node with exactly one real neighbour on a side is on a
 * chain: it aligns with that neighbour, never with a dummy (a skip edge then runs beside the
 * chain). Otherwise all neighbours compete by median, which centres Inception-style joins.
 * A dummy continuing its bus stays aligned with the bus rather than with a tapping node.
 */
function makeAllowed(inp: CoordinateInput): (a: number, b: number) => boolean {
  const size = inp.pos.length;
  const realUp = new Int32Array(size);
  const realDown = new Int32Array(size);
  const dummyDown = new Int32Array(size);
  for (let v = 0; v < size; v++) {
    for (const u of inp.up[v]!) if (u < inp.realCount) realUp[v]!++;
    for (const w of inp.down[v]!) {
      if (w < inp.realCount) realDown[v]!++;
      else dummyDown[v]!++;
    }
  }
  return (x, y) => {
    const [a, b] = inp.rank[x]! < inp.rank[y]! ? [x, y] : [y, x];
    const ra = a < inp.realCount;
    const rb = b < inp.realCount;
    if (ra === rb) return true;
    if (ra) return realDown[a] !== 1;
    return dummyDown[a] === 0 && realUp[b] !== 1;
  };
}

function oneLayout(
  inp: CoordinateInput,
  vertical: 'down' | 'up',
  horizontal: 'left' | 'right',
  marked: Set<number>,
  allowed: (a: number, b: number) => boolean,
): Float64Array {
  const size = inp.pos.length;
  const flip = horizontal === 'right';
  let layers = flip ? inp.layers.map((l) => l.slice().reverse()) : inp.layers;
  if (vertical === 'up') layers = layers.slice().reverse();
  const pos = new Int32Array(size);
  for (const l of layers) for (let i = 0; i < l.length; i++) pos[l[i]!] = i;
  const prev = vertical === 'down' ? inp.up : inp.down;
  const root = new Int32Array(size);
  const align = new Int32Array(size);
  for (let v = 0; v < size; v++) root[v] = align[v] = v;
  const cand: number[] = [];
  for (let i = 1; i < layers.length; i++) {
    let r = -1;
    for (const v of layers[i]!) {
      cand.length = 0;
      for (const u of prev[v]!) if (allowed(u, v)) cand.push(u);
      if (cand.length === 0) continue;
      if (cand.length > 1) cand.sort((a, b) => pos[a]! - pos[b]!);
      const d = cand.length;
      for (let m = Math.floor((d - 1) / 2); m <= Math.ceil((d - 1) / 2); m++) {
        if (align[v] !== v) break;
        const u = cand[m]!;
        if (r < pos[u]! && !marked.has(pairKey(u, v))) {
          align[u] = v;
          root[v] = root[u]!;
          align[v] = root[v]!;
          r = pos[u]!;
        }
      }
    }
  }
  const x = compact(inp, layers, root);
  if (flip) for (let v = 0; v < size; v++) x[v] = -x[v]!;
  return x;
}

/** Places blocks as far left as their layer neighbours allow, then pulls unconstrained ones right. */
function compact(inp: CoordinateInput, layers: number[][], root: Int32Array): Float64Array {
  const size = root.length;
  const src: number[] = [];
  const dst: number[] = [];
  const wt: number[] = [];
  for (const l of layers) {
    for (let i = 1; i < l.length; i++) {
      src.push(root[l[i - 1]!]!);
      dst.push(root[l[i]!]!);
      wt.push(separation(inp, l[i - 1]!, l[i]!));
    }
  }
  const indeg = new Int32Array(size);
  const first = new Int32Array(size).fill(-1);
  const next = new Int32Array(src.length);
  for (let e = 0; e < src.length; e++) {
    indeg[dst[e]!]!++;
    next[e] = first[src[e]!]!;
    first[src[e]!] = e;
  }
  const order: number[] = [];
  for (let v = 0; v < size; v++) if (root[v] === v && indeg[v] === 0) order.push(v);
  for (let h = 0; h < order.length; h++) {
    const b = order[h]!;
    for (let e = first[b]!; e >= 0; e = next[e]!) if (--indeg[dst[e]!]! === 0) order.push(dst[e]!);
  }
  const bx = new Float64Array(size);
  for (const b of order) {
    for (let e = first[b]!; e >= 0; e = next[e]!) {
      const t = dst[e]!;
      if (bx[b]! + wt[e]! > bx[t]!) bx[t] = bx[b]! + wt[e]!;
    }
  }
  for (let h = order.length - 1; h >= 0; h--) {
    const b = order[h]!;
    let m = Infinity;
    for (let e = first[b]!; e >= 0; e = next[e]!) m = Math.min(m, bx[dst[e]!]! - wt[e]!);
    if (m !== Infinity && m > bx[b]!) bx[b] = m;
  }
  const x = new Float64Array(size);
  for (let v = 0; v < size; v++) x[v] = bx[root[v]!]!;
  return x;
}
