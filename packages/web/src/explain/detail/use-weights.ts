/** Fetches (once per model) the weights of a layer's node from the worker, for conv and dense detail views. */
import { useEffect, useState } from 'react';
import type { WeightsResult } from '../protocol.js';
import { explainStore } from '../store.js';

const cache = new WeakMap<object, Map<string, Promise<WeightsResult>>>();

/** The layer's weights, null while loading, or an error message. */
export function useWeights(value: string | null): WeightsResult | string | null {
  const [w, setW] = useState<WeightsResult | string | null>(null);
  const summary = explainStore.get().summary;
  useEffect(() => {
    setW(null);
    if (!value || !summary) return;
    let byModel = cache.get(summary);
    if (!byModel) cache.set(summary, (byModel = new Map()));
    let p = byModel.get(value);
    if (!p) byModel.set(value, (p = explainStore.client().call({ type: 'weights', value })));
    let live = true;
    p.then(
      (r) => live && setW(r),
      (e: unknown) => live && setW(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [value, summary]);
  return w;
}
