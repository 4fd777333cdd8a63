/** Responses the inline script in index.html started before the app loaded; each is handed out once. */

interface Prefetch {
  url?: string;
  response?: Promise<Response>;
  models?: Promise<Response>;
}

declare global {
  interface Window {
    __nnlensPrefetch?: Prefetch;
  }
}

/** The early response for `url`, if the page started one. */
export function takePrefetched(url: string): Promise<Response> | null {
  const p = window.__nnlensPrefetch;
  if (!p?.response || p.url !== url) return null;
  const r = p.response;
  delete p.response;
  return r;
}

/** The early `/api/models` response, if the page started one. */
export function takePrefetchedModels(): Promise<Response> | null {
  const p = window.__nnlensPrefetch;
  if (!p?.models) return null;
  const r = p.models;
  delete p.models;
  return r;
}
