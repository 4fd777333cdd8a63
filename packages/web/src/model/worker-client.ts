/** Promise-based calls to the model worker. */
import type { ReplyEnvelope, WorkerFailure, WorkerRequest, WorkerResults } from '../shared/protocol.js';

/** A failed worker call, with the worker's failure kind. */
export class WorkerCallError extends Error {
  readonly kind: WorkerFailure['kind'];
  readonly missingFile: string | undefined;
  constructor(f: WorkerFailure) {
    super(f.message);
    this.name = 'WorkerCallError';
    this.kind = f.kind;
    this.missingFile = f.missingFile;
  }
}

declare global {
  interface Window {
    __nnlensWorker?: Worker;
  }
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** One worker; requests are answered in order of completion, matched by id. */
export class WorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    // Adopt the worker index.html started before the app loaded (production builds), else start one.
    const early = window.__nnlensWorker;
    delete window.__nnlensWorker;
    this.worker = early ?? new Worker(new URL('../worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<ReplyEnvelope>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if (e.data.ok) p.resolve(e.data.result);
      else p.reject(new WorkerCallError(e.data.error));
    };
    this.worker.onerror = (e) => {
      // A crash (e.g. out of memory) fails every call in flight rather than leaving them hanging.
      const err = new WorkerCallError({
        message: `model worker failed: ${e.message || 'unknown error'}`,
        kind: 'internal',
      });
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
  }

  /** Sends a request; buffers listed in `transfer` move to the worker. */
  call<T extends WorkerRequest['type']>(
    request: Extract<WorkerRequest, { type: T }>,
    transfer: Transferable[] = [],
  ): Promise<WorkerResults[T]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, request }, transfer);
    });
  }

  /** Stops the worker. */
  terminate(): void {
    this.worker.terminate();
  }
}

let shared: WorkerClient | null = null;

/** The page's one worker client, started on first call (the entry calls this before the app loads). */
export function sharedClient(): WorkerClient {
  return (shared ??= new WorkerClient());
}
