/** One open in flight: read the bytes, hand them to the worker; started by the store or, earlier, by the entry. */
import type { WorkerResults } from '../shared/protocol.js';
import type { ModelBytes } from './sources.js';
import type { WorkerClient } from './worker-client.js';

/** Reading and parsing, as promises the store awaits in turn. */
export interface OpenJob {
  /** When reading started (performance.now()). */
  fetchAt: number;
  /** The bytes and where they came from (the bytes themselves move to the worker once read). */
  source: Promise<ModelBytes>;
  /** When the bytes were in hand, and how many there were; set once `source` resolves. */
  bytesAt: number;
  fileBytes: number;
  /** The worker's first view. */
  result: Promise<WorkerResults['open']>;
}

/** Starts reading with `read`, then opening in the worker (or a synthetic graph of `synthetic` nodes). */
export function startOpen(client: WorkerClient, read: () => Promise<ModelBytes>, synthetic = 0): OpenJob {
  const job: OpenJob = {
    fetchAt: performance.now(),
    source: read(),
    bytesAt: 0,
    fileBytes: 0,
    result: null!,
  };
  job.result = job.source.then((src) => {
    job.bytesAt = performance.now();
    job.fileBytes = src.bytes.byteLength;
    if (synthetic) return client.call({ type: 'openSynthetic', nodes: synthetic });
    const sidecars: [string, ArrayBuffer][] = [...src.sidecars];
    // The bytes move to the worker without a copy; only their length is kept here.
    return client.call({ type: 'open', name: src.name, bytes: src.bytes, sidecars }, [
      src.bytes,
      ...sidecars.map(([, b]) => b),
    ]);
  });
  // A failed read is reported through `source`; do not also report it as an unhandled rejection.
  job.result.catch(() => {});
  return job;
}
