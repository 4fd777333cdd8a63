/** Promise-based calls to the Explain worker, with progress callbacks for long attributions. */
import type { ExplainEnvelope, ExplainReply, ExplainRequest, ExplainResults } from './protocol.js';

type Pending = {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  progress?: (done: number, total: number) => void;
};

/** A failed worker call, with the error's name (e.g. 'UnsupportedOpError', 'AbortError'). */
export class ExplainCallError extends Error {
  constructor(
    message: string,
    readonly kind: string,
  ) {
    super(message);
    this.name = 'ExplainCallError';
  }
}

/** One Explain worker. */
export class ExplainClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.worker = new Worker(new URL('./explain-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<ExplainReply>) => {
      const msg = e.data;
      const p = this.pending.get(msg.id);
      if (!p) return;
      if ('progress' in msg) {
        p.progress?.(msg.progress.done, msg.progress.total);
        return;
      }
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new ExplainCallError(msg.error.message, msg.error.name));
    };
    this.worker.onerror = (e) => {
      const err = new ExplainCallError(
        `the Explain worker failed: ${e.message || 'out of memory?'}`,
        'WorkerError',
      );
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
  }

  /** Sends a request; `transfer` buffers move to the worker. */
  call<T extends ExplainRequest['type']>(
    request: Extract<ExplainRequest, { type: T }>,
    options: { transfer?: Transferable[]; progress?: (done: number, total: number) => void } = {},
  ): Promise<ExplainResults[T]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const p: Pending = { resolve: resolve as (v: unknown) => void, reject };
      if (options.progress) p.progress = options.progress;
      this.pending.set(id, p);
      const env: ExplainEnvelope = { id, request };
      this.worker.postMessage(env, options.transfer ?? []);
    });
  }

  /** Stops the worker. */
  terminate(): void {
    this.worker.terminate();
  }
}
