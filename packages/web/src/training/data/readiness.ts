/**
 * The Training page's automation contract: data-nnlens-state is "pending" while the current dashboard
 * view loads or draws, and "ready" once every card in view has drawn its data (cards out of view load
 * lazily and do not count).
 */

let pending = 0;
let loaded = false;
let timer = 0;

declare global {
  interface Window {
    /** performance.now() when the Training view last became ready (navigation start = 0). */
    __nnlensTrainingReadyAt?: number;
  }
}

function set(state: string): void {
  if (state === 'ready' && document.documentElement.dataset.nnlensState !== 'ready')
    window.__nnlensTrainingReadyAt = performance.now();
  document.documentElement.dataset.nnlensState = state;
}

function settle(): void {
  clearTimeout(timer);
  if (!loaded || pending > 0) return;
  // Cards that just mounted register on their first effect/observer callback: give them two frames.
  timer = window.setTimeout(() => {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (loaded && pending === 0) set('ready');
      }),
    );
  }, 30);
}

/** A view change (page open, dashboard switch, filter) starts a new pending period. */
export function viewChanged(): void {
  set('pending');
  settle();
}

/** The run and tag listing is in (or failed: then the page shows its message and is "ready"). */
export function listingLoaded(ok = true): void {
  loaded = true;
  if (!ok) set('error');
  else settle();
}

/** A card starts loading; call the returned function once it has drawn (idempotent). */
export function beginWork(): () => void {
  pending++;
  set('pending');
  clearTimeout(timer);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    pending--;
    settle();
  };
}

/** Leaving the page. */
export function resetReadiness(): void {
  clearTimeout(timer);
  pending = 0;
  loaded = false;
}
