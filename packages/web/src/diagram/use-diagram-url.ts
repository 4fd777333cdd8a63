/** Page start-up: settings from the URL hash (and back/forward), and the `?url=` model opened if nothing is. */
import { useEffect } from 'react';
import { modelStore } from '../app/model-context.js';
import { diagramStore } from './diagram-store.js';

/** Runs once per mount of the Diagram page. */
export function useDiagramUrl(): void {
  useEffect(() => {
    diagramStore.adoptUrl();
    const url = new URLSearchParams(location.search).get('url');
    // The Model page opens `?url=` when it mounts; a link straight to the Diagram page must do it here.
    if (url && modelStore.get().status.kind === 'idle') void modelStore.openUrl(url);
    const onNav = (): void => diagramStore.adoptUrl();
    window.addEventListener('hashchange', onNav);
    window.addEventListener('popstate', onNav);
    return () => {
      window.removeEventListener('hashchange', onNav);
      window.removeEventListener('popstate', onNav);
    };
  }, []);
}
