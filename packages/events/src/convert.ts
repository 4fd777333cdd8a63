/** Normalisation of legacy and TF2 encodings to one shape per kind (TensorBoard's data_compat, our way). */
import type { HistoValue } from './summary.js';
import type { HistogramValue } from './types.js';

/**
 * Legacy HistogramProto → `[k,3]` buckets. Bucket i spans (limit[i-1], limit[i]]; the first left edge is
 * `min` and the last right edge `max`. Empty buckets at both ends are dropped: TF writes them with
 * ±DBL_MAX limits, which would make every chart's axis useless.
 */
export function histoToBuckets(h: HistoValue): HistogramValue {
  const k = Math.min(h.bucket.length, h.bucketLimit.length);
  let a = 0;
  let b = k;
  while (a < b && !(h.bucket[a]! > 0)) a++;
  while (b > a && !(h.bucket[b - 1]! > 0)) b--;
  const stats = { min: h.min, max: h.max, num: h.num, sum: h.sum, sumSquares: h.sumSquares };
  if (a === b) {
    // No non-empty bucket: one empty bucket at [min, max] keeps the step visible.
    return { buckets: Float64Array.of(h.min, h.max, 0), ...stats };
  }
  const out = new Float64Array((b - a) * 3);
  for (let i = a, o = 0; i < b; i++, o += 3) {
    const left = i === a ? h.min : h.bucketLimit[i - 1]!;
    const right = i === b - 1 ? h.max : h.bucketLimit[i]!;
    out[o] = Math.min(left, right);
    out[o + 1] = right;
    out[o + 2] = h.bucket[i]!;
  }
  // The writer's min can exceed the first kept bucket's lower limit only by rounding; keep edges ordered.
  if (out[0]! > out[1]!) out[0] = out[1]!;
  return { buckets: out, ...stats };
}

/** A `[k,3]` numeric tensor (TF2 histograms) → buckets; null when the shape is not `[k,3]`. */
export function tensorToBuckets(shape: number[], values: Float64Array): HistogramValue | null {
  if (shape.length !== 2 || shape[1] !== 3 || values.length !== shape[0]! * 3) return null;
  let num = 0;
  for (let i = 2; i < values.length; i += 3) num += values[i]!;
  const k = shape[0]!;
  return {
    buckets: values,
    min: k ? values[0]! : NaN,
    max: k ? values[values.length - 2]! : NaN,
    num,
    sum: NaN,
    sumSquares: NaN,
  };
}

/** VisualDL Histogram {hist[k], bin_edges[k+1]} → buckets. */
export function vdlToBuckets(hist: number[], edges: number[]): HistogramValue {
  const k = Math.min(hist.length, Math.max(edges.length - 1, 0));
  const out = new Float64Array(k * 3);
  let num = 0;
  for (let i = 0; i < k; i++) {
    out[3 * i] = edges[i]!;
    out[3 * i + 1] = edges[i + 1]!;
    out[3 * i + 2] = hist[i]!;
    num += hist[i]!;
  }
  return { buckets: out, min: k ? edges[0]! : NaN, max: k ? edges[k]! : NaN, num, sum: NaN, sumSquares: NaN };
}

/** Image format from magic bytes: 'png' | 'jpeg' | 'gif' | 'riff/wav' | 'unknown'. */
export function sniffFormat(b: Uint8Array): string {
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'gif';
  if (b.length >= 4 && b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46) return 'riff/wav';
  return 'unknown';
}

/** Width and height from a PNG or GIF header; [0, 0] when unknown. */
export function imageSize(b: Uint8Array): [number, number] {
  const f = sniffFormat(b);
  if (f === 'png' && b.length >= 24) {
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    return [dv.getUint32(16), dv.getUint32(20)];
  }
  if (f === 'gif' && b.length >= 10) return [b[6]! | (b[7]! << 8), b[8]! | (b[9]! << 8)];
  return [0, 0];
}

/** MIME type for a sniffed format. */
export function contentTypeOf(format: string): string {
  switch (format) {
    case 'png':
      return 'image/png';
    case 'jpeg':
      return 'image/jpeg';
    case 'gif':
      return 'image/gif';
    case 'riff/wav':
      return 'audio/wav';
    default:
      return 'application/octet-stream';
  }
}

/** Sample rate from a WAV (RIFF/WAVE, fmt chunk first) header; 0 when not a WAV. */
export function wavSampleRate(b: Uint8Array): number {
  if (sniffFormat(b) !== 'riff/wav' || b.length < 28) return 0;
  return (b[24]! | (b[25]! << 8) | (b[26]! << 16) | (b[27]! << 24)) >>> 0;
}
