/** The training API as the page sees it: response shapes and fetch helpers that turn errors into messages. */
import type { HParamsJson } from '../lib/hparams-table.js';
import { decodeScalars, type ScalarsChunk } from '../lib/scalar-codec.js';

/** Health of one log file (paths relative to the log dir). */
export interface FileHealthJson {
  file: string;
  format: string;
  records: number;
  crcFailures: number;
  parseFailures: number;
  lengthCrcFailures: number;
  stoppedAt: number | null;
  truncatedTailBytes: number;
  dead: boolean;
}

/** A run with its files, recent problems and purges. */
export interface RunJson {
  run: string;
  startTime: number | null;
  tagCount: number;
  problemCount: number;
  purgedPoints: number;
  files: FileHealthJson[];
  problems: { code: string; file: string; offset: number; message: string; tag?: string }[];
  purges: { file: string; reason: string; step: number; tags: string[]; removed: number }[];
}

/** A (run, tag). */
export interface TagJson {
  run: string;
  tag: string;
  kind: string;
  plugin: string;
  displayName: string;
  description: string;
  count: number;
  sampled: number;
  firstStep: number | null;
  lastStep: number | null;
  lastWallTime: number | null;
}

/** One histogram step. */
export interface HistogramSampleJson {
  step: number;
  wallTime: number;
  buckets: (number | null)[];
  min: number | null;
  max: number | null;
  num: number | null;
}

/** One image step. */
export interface ImageSampleJson {
  step: number;
  wallTime: number;
  width: number;
  height: number;
  format: string;
  count: number;
}

/** One audio step. */
export interface AudioSampleJson {
  step: number;
  wallTime: number;
  count: number;
  labels: string[];
  sampleRate: number | null;
  contentType: string;
}

/** One text step. */
export interface TextSampleJson {
  step: number;
  wallTime: number;
  strings: string[];
  shape: number[];
}

/** A sampled series response. */
export interface SampledJson<T> {
  run: string;
  tag: string;
  count: number;
  samples: T[];
}

/** Sampled kinds and their sample shapes. */
export interface SampleKinds {
  histograms: HistogramSampleJson;
  images: ImageSampleJson;
  audio: AudioSampleJson;
  text: TextSampleJson;
}

/** A failed request, with the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function ok(res: Response, what: string): Promise<Response> {
  if (res.ok) return res;
  let msg = `${what}: HTTP ${res.status}`;
  try {
    const body = (await res.json()) as { error?: string };
    if (body.error) msg = body.error;
  } catch {
    // Not JSON: keep the status line.
  }
  throw new ApiError(res.status, msg);
}

const q = (params: Record<string, string | number>) =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

/** GET JSON. */
export async function getJson<T>(path: string, params: Record<string, string | number> = {}): Promise<T> {
  const qs = q(params);
  const res = await ok(await fetch(qs ? `${path}?${qs}` : path, { cache: 'no-store' }), path);
  return (await res.json()) as T;
}

/** Runs, or `configured: false` when the server has no log dirs. */
export const fetchRuns = () => getJson<{ configured: boolean; runs: RunJson[] }>('/api/training/runs');

/** Tags by plugin. */
export const fetchTags = () => getJson<{ tags: Record<string, TagJson[]> }>('/api/training/tags');

/** A scalar series (whole, or the points after `since` when the run's purge count is unchanged). */
export async function fetchScalars(
  run: string,
  tag: string,
  since?: { count: number; purged: number },
): Promise<ScalarsChunk> {
  const params: Record<string, string | number> = { run, tag };
  if (since) Object.assign(params, { since: since.count, purged: since.purged });
  const res = await ok(await fetch(`/api/training/scalars?${q(params)}`, { cache: 'no-store' }), 'scalars');
  return decodeScalars(await res.arrayBuffer());
}

/** A sampled series. */
export const fetchSampled = <K extends keyof SampleKinds>(kind: K, run: string, tag: string) =>
  getJson<SampledJson<SampleKinds[K]>>(`/api/training/${kind}`, { run, tag });

/** hparams sessions. */
export const fetchHParams = () => getJson<HParamsJson>('/api/training/hparams');

/** URL of an image or audio blob. */
export function blobUrl(run: string, tag: string, step: number, index: number): string {
  return `/api/training/blob?${q({ run, tag, step, index })}`;
}
