/** Tells automation when the Explain page is fully drawn: data-nnlens-state = ready (or error / pending). */
import { useEffect } from 'react';
import { METHODS } from '@nnlens/runtime/pure';
import type { ExplainState } from './store.js';

/** Sets the document's state from the store's: ready once the run is drawn and no attribution is running. */
export function useReadiness(s: ExplainState): void {
  const running = METHODS.some((m) => s.methods[m].status === 'running');
  const ready = s.phase === 'ready' && !!s.run && !running;
  const state = s.phase === 'error' ? 'error' : ready ? 'ready' : 'pending';
  useEffect(() => {
    const root = document.documentElement;
    if (state !== 'ready') {
      root.dataset.nnlensState = state;
      return;
    }
    // Two frames: React has committed and the canvases have painted.
    let id = requestAnimationFrame(() => {
      id = requestAnimationFrame(() => (root.dataset.nnlensState = 'ready'));
    });
    return () => cancelAnimationFrame(id);
  }, [state, s.runVersion, s.selected]);
}
