/** `?url=` opens start in the entry chunk, so the worker parses while the app's code is still loading. */
import { startOpen, type OpenJob } from './open-job.js';
import { bytesFromUrl } from './sources.js';
import { sharedClient } from './worker-client.js';

let early: { url: string; job: OpenJob } | null = null;

/** Starts opening `url` now. */
export function startEarlyOpen(url: string): void {
  early = { url, job: startOpen(sharedClient(), () => bytesFromUrl(url)) };
}

/** The early job for `url`, handed out once. */
export function takeEarlyOpen(url: string): OpenJob | null {
  if (early?.url !== url) return null;
  const { job } = early;
  early = null;
  return job;
}
