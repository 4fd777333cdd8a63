/** Map post-processing exactly as pytorch-grad-cam does it: min-max scaling, ReLU, half-pixel bilinear resize. */

const f = Math.fround;

/** (x − min x) / (1e-7 + max(x − min x)) in float32, like pytorch-grad-cam's scale_cam_image; constant maps become 0. */
export function minmax(x: ArrayLike<number>): Float32Array {
  const out = new Float32Array(x.length);
  let min = Infinity;
  for (let i = 0; i < x.length; i++) min = Math.min(min, x[i]!);
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) {
    out[i] = f(x[i]! - min);
    max = Math.max(max, out[i]!);
  }
  const d = f(1e-7 + max);
  for (let i = 0; i < out.length; i++) out[i] = f(out[i]! / d);
  return out;
}

/** max(x, 0) element-wise. */
export function relu(x: ArrayLike<number>): Float32Array {
  return Float32Array.from(x, (v) => (v > 0 ? v : 0));
}

/**
 * Bilinear resize of an h×w map to H×W with half-pixel centres and edge clamping (OpenCV INTER_LINEAR
 * on float data = torch interpolate(align_corners=False)).
 */
export function resizeBilinear(
  src: ArrayLike<number>,
  h: number,
  w: number,
  H: number,
  W: number,
): Float32Array {
  const out = new Float32Array(H * W);
  const axis = (n: number, N: number): { i0: Int32Array; i1: Int32Array; t: Float64Array } => {
    const i0 = new Int32Array(N);
    const i1 = new Int32Array(N);
    const t = new Float64Array(N);
    const scale = n / N;
    for (let o = 0; o < N; o++) {
      const s = Math.max((o + 0.5) * scale - 0.5, 0);
      const a = Math.min(Math.floor(s), n - 1);
      i0[o] = a;
      i1[o] = Math.min(a + 1, n - 1);
      t[o] = Math.min(s - a, 1);
    }
    return { i0, i1, t };
  };
  const ys = axis(h, H);
  const xs = axis(w, W);
  for (let y = 0; y < H; y++) {
    const r0 = ys.i0[y]! * w;
    const r1 = ys.i1[y]! * w;
    const ty = ys.t[y]!;
    for (let x = 0; x < W; x++) {
      const c0 = xs.i0[x]!;
      const c1 = xs.i1[x]!;
      const tx = xs.t[x]!;
      const top = src[r0 + c0]! * (1 - tx) + src[r0 + c1]! * tx;
      const bottom = src[r1 + c0]! * (1 - tx) + src[r1 + c1]! * tx;
      out[y * W + x] = top * (1 - ty) + bottom * ty;
    }
  }
  return out;
}

/** Per-pixel max over channels of |x| for a [C,H,W] (first sample) array. */
export function absMaxOverChannels(x: ArrayLike<number>, c: number, hw: number): Float32Array {
  const out = new Float32Array(hw);
  for (let k = 0; k < c; k++)
    for (let i = 0; i < hw; i++) out[i] = Math.max(out[i]!, Math.abs(x[k * hw + i]!));
  return out;
}

/** Per-pixel sum over channels of |x| for a [C,H,W] array. */
export function absSumOverChannels(x: ArrayLike<number>, c: number, hw: number): Float32Array {
  const acc = new Float64Array(hw);
  for (let k = 0; k < c; k++) for (let i = 0; i < hw; i++) acc[i] += Math.abs(x[k * hw + i]!);
  return Float32Array.from(acc);
}

/**
 * Sum of x[start .. start+n) in float32 with NumPy's pairwise summation (8-way unrolled blocks of ≤ 128).
 * Grad-CAM++'s α divides by 2G² + (ΣA)G³, which nearly cancels for some negative G: matching NumPy's
 * rounding of ΣA is what makes α reproducible there.
 */
export function numpySum32(x: ArrayLike<number>, start: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res = f(res + x[start + i]!);
    return res;
  }
  if (n <= 128) {
    const r = new Array<number>(8);
    for (let j = 0; j < 8; j++) r[j] = f(x[start + j]!);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] = f(r[j]! + x[start + i + j]!);
    let res = f(f(f(r[0]! + r[1]!) + f(r[2]! + r[3]!)) + f(f(r[4]! + r[5]!) + f(r[6]! + r[7]!)));
    for (; i < n; i++) res = f(res + x[start + i]!);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return f(numpySum32(x, start, n2) + numpySum32(x, start + n2, n - n2));
}
