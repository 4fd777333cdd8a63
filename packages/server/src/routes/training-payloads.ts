/** JSON shapes of sampled series (histograms, images, audio, text) as the training routes send them. */
import type { AudioValue, HistogramValue, ImageValue, Sample, TextValue } from '@nnlens/events';

/** Non-finite numbers become null in JSON; say so explicitly rather than rely on JSON.stringify. */
const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** A histogram step: flat k×3 buckets (left, right, count) and the writer's statistics. */
export function histogramJson(s: Sample<HistogramValue>) {
  const v = s.value;
  return {
    step: s.step,
    wallTime: s.wallTime,
    buckets: Array.from(v.buckets, (x) => num(x)),
    min: num(v.min),
    max: num(v.max),
    num: num(v.num),
    sum: num(v.sum),
  };
}

/** An image step: sizes and how many images it holds (bytes come from the blob route). */
export function imageJson(s: Sample<ImageValue>) {
  const v = s.value;
  return {
    step: s.step,
    wallTime: s.wallTime,
    width: v.width,
    height: v.height,
    format: v.format,
    count: v.blobs.length,
  };
}

/** An audio step: clip count, labels and sample rate (bytes come from the blob route). */
export function audioJson(s: Sample<AudioValue>) {
  const v = s.value;
  return {
    step: s.step,
    wallTime: s.wallTime,
    count: v.blobs.length,
    labels: v.labels,
    sampleRate: num(v.sampleRate),
    contentType: v.contentType,
  };
}

/** A text step: the string tensor's elements and shape. */
export function textJson(s: Sample<TextValue>) {
  return { step: s.step, wallTime: s.wallTime, strings: s.value.strings, shape: s.value.shape };
}

/**
 * A content type safe to send for a blob: only image/png|jpeg|gif|webp|bmp and audio/* subtypes made of
 * plain characters; anything else (a writer can put any string in Audio.content_type) is octet-stream.
 */
export function safeBlobType(t: string): string {
  if (/^image\/(png|jpeg|gif|webp|bmp)$/.test(t)) return t;
  if (/^audio\/[a-z0-9.+-]{1,40}$/.test(t)) return t;
  return 'application/octet-stream';
}
