/** Occlusion (Zeiler & Fergus; captum Occlusion semantics): the score drop when a window of all channels is blanked. */
import type { HostTensor } from '../host.js';
import type { Session } from '../session.js';
import { sampleScores, type BatchOptions } from './batches.js';

/** Options of occlusion(). */
export interface OcclusionOptions extends BatchOptions {
  /** Window [h, w] (default 1/8 of the input, at least 1). */
  window?: [number, number];
  /** Stride [h, w] (default half the window). */
  stride?: [number, number];
  /** Value written into the window (default 0, in model-input space). */
  baseline?: number;
  /** The input is [1, H, W, C] (channels-last models). */
  channelsLast?: boolean;
}

/** Start offsets of windows along one axis: 0, s, 2s, … (ceil((D−w)/s)+1 of them; the last may be cropped). */
export function windowStarts(size: number, win: number, stride: number): number[] {
  const n = Math.ceil(Math.max(0, size - win) / stride) + 1;
  return Array.from({ length: n }, (_, i) => i * stride);
}

/** attr(p) = mean over windows covering p of y_c(x) − y_c(x with the window blanked); [H, W]. */
export async function occlusion(
  session: Session,
  x: HostTensor,
  target: number,
  opts: OcclusionOptions = {},
): Promise<{ map: Float32Array; windows: number; score: number }> {
  if (x.shape.length !== 4) throw new RangeError(`occlusion needs a [1,C,H,W] input, got [${x.shape}]`);
  const cl = opts.channelsLast === true;
  const [, c, h, w] = (cl ? [x.shape[0], x.shape[3], x.shape[1], x.shape[2]] : x.shape) as [
    number,
    number,
    number,
    number,
  ];
  const win = opts.window ?? [Math.max(1, Math.round(h / 8)), Math.max(1, Math.round(w / 8))];
  const stride = opts.stride ?? [Math.max(1, Math.floor(win[0] / 2)), Math.max(1, Math.floor(win[1] / 2))];
  const baseline = opts.baseline ?? 0;
  const boxes: [number, number, number, number][] = [];
  for (const r0 of windowStarts(h, win[0], stride[0])) {
    for (const c0 of windowStarts(w, win[1], stride[1]))
      boxes.push([r0, Math.min(r0 + win[0], h), c0, Math.min(c0 + win[1], w)]);
  }
  const xs = x.data as Float32Array;
  // Sample 0 is the unoccluded input; sample k+1 blanks box k.
  const make = (i: number, out: Float32Array): void => {
    out.set(xs);
    if (i === 0) return;
    const [r0, r1, c0, c1] = boxes[i - 1]!;
    if (cl) for (let r = r0; r < r1; r++) out.fill(baseline, (r * w + c0) * c, (r * w + c1) * c);
    else
      for (let ch = 0; ch < c; ch++)
        for (let r = r0; r < r1; r++) out.fill(baseline, (ch * h + r) * w + c0, (ch * h + r) * w + c1);
  };
  const scores = await sampleScores(session, x.shape, boxes.length + 1, make, target, opts);
  const y0 = scores[0]!;
  const total = new Float64Array(h * w);
  const count = new Float64Array(h * w);
  boxes.forEach(([r0, r1, c0, c1], k) => {
    const delta = y0 - scores[k + 1]!;
    for (let r = r0; r < r1; r++) {
      for (let q = c0; q < c1; q++) {
        total[r * w + q] += delta;
        count[r * w + q] += 1;
      }
    }
  });
  return {
    map: Float32Array.from(total, (t, i) => (count[i] ? t / count[i]! : 0)),
    windows: boxes.length,
    score: y0,
  };
}
