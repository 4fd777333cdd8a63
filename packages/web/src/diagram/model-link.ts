/** Whether a share link carries the open model: `?url=` models do; the server's own models get a `?url=` added. */
import { useEffect, useState } from 'react';
import { modelStore } from '../app/model-context.js';
import { listServerModels } from '../model/sources.js';
import type { ModelView } from '../shared/view-model.js';

/** 'linked': the URL opens the model again; 'local': a file from this computer, the link has only the settings. */
export type ModelLink = 'linked' | 'local' | null;

/** The URL of a server model's file, as the app's `?url=` takes it. */
export function serverModelUrl(id: string): string {
  return `/api/models/${encodeURIComponent(id)}/file`;
}

/** The link state of the open model, adding `?url=` when the model is one the server offers. */
export function useModelLink(model: ModelView | null): ModelLink {
  const [link, setLink] = useState<ModelLink>(null);
  useEffect(() => {
    if (!model) return setLink(null);
    if (new URLSearchParams(location.search).has('url')) return setLink('linked');
    // Local files cannot be fetched again; URL and server sources can (they fetch sidecar files).
    if (!modelStore.canFetchSidecars()) return setLink('local');
    let live = true;
    void listServerModels().then((list) => {
      if (!live) return;
      const m = list.find((x) => x.name === model.info.fileName);
      if (!m) return setLink('local');
      const q = new URLSearchParams(location.search);
      q.set('url', serverModelUrl(m.id));
      history.replaceState(history.state, '', `${location.pathname}?${q}${location.hash}`);
      setLink('linked');
    });
    return () => {
      live = false;
    };
  }, [model]);
  return link;
}
