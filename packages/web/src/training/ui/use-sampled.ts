/** Loads a sampled series (histograms, images, audio, text) when its card is in view, again when its count changes. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchSampled, type SampledJson, type SampleKinds } from '../data/api.js';
import { beginWork } from '../data/readiness.js';

const cache = new Map<string, { count: number; data: Promise<SampledJson<unknown>> }>();

function load<K extends keyof SampleKinds>(
  kind: K,
  run: string,
  tag: string,
  count: number,
): Promise<SampledJson<SampleKinds[K]>> {
  const key = `${kind}\u0000${run}\u0000${tag}`;
  const hit = cache.get(key);
  if (hit && hit.count === count) return hit.data as Promise<SampledJson<SampleKinds[K]>>;
  const data = fetchSampled(kind, run, tag);
  cache.set(key, { count, data });
  data.catch(() => cache.delete(key));
  return data;
}

/**
 * The series once loaded, an error message, and `drawn()`: the card calls it when the data is on
 * screen, which ends the card's part in the page's "pending" state.
 */
export function useSampled<K extends keyof SampleKinds>(
  kind: K,
  run: string,
  tag: string,
  count: number,
  inView: boolean,
): { data: SampledJson<SampleKinds[K]> | null; error: string; drawn: () => void } {
  const [data, setData] = useState<SampledJson<SampleKinds[K]> | null>(null);
  const [error, setError] = useState('');
  const done = useRef<(() => void) | null>(null);
  const loaded = useRef(false);
  useEffect(() => {
    if (!inView) return;
    let alive = true;
    // Only the first load holds the page in "pending"; live refreshes redraw in place.
    if (!loaded.current) done.current ??= beginWork();
    load(kind, run, tag, count)
      .then((d) => {
        if (!alive) return;
        loaded.current = true;
        setData(d);
      })
      .catch((e: unknown) => {
        if (!alive) return;
        setError(e instanceof Error ? e.message : String(e));
        done.current?.();
        done.current = null;
      });
    return () => {
      alive = false;
    };
  }, [kind, run, tag, count, inView]);
  useEffect(
    () => () => {
      done.current?.();
      done.current = null;
    },
    [],
  );
  const drawn = useCallback(() => {
    done.current?.();
    done.current = null;
  }, []);
  return { data, error, drawn };
}
