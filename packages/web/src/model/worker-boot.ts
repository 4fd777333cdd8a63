/** Creates the model worker once; the tiny boot entry calls this before the app's code has even loaded. */

declare global {
  interface Window {
    __nnlensWorker?: Worker;
  }
}

/** The page's model worker, started on first call. */
export function bootWorker(): Worker {
  return (window.__nnlensWorker ??= new Worker(new URL('../worker.ts', import.meta.url), { type: 'module' }));
}

/** Hands the started worker to its client (once); a later client gets a fresh worker. */
export function takeWorker(): Worker {
  const w = bootWorker();
  delete window.__nnlensWorker;
  return w;
}
