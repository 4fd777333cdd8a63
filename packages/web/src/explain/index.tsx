/** The Explain page as the page list takes it: its code (and tfjs) loads on the first visit, not with the app. */
import { lazy, Suspense } from 'react';
import { looksLikeImage } from './image-decode.js';

const Page = lazy(() => import('./ExplainPage.js').then((m) => ({ default: m.ExplainPage })));

/** The page, with a spinner while its code loads. */
export function LazyExplainPage() {
  return (
    <Suspense
      fallback={
        <div className="center-stage">
          <div className="spinner" aria-label="Loading" />
        </div>
      }
    >
      <Page />
    </Suspense>
  );
}

/** The top bar's Open on this page: a model (with sidecars) to explain, or an image as the input. */
export function explainOpenFiles(files: File[]): void {
  void import('./store.js').then(({ explainStore }) => {
    const f = files[0]!;
    return files.length === 1 && looksLikeImage(f)
      ? explainStore.setImageBlob(f, f.name)
      : explainStore.openModelFiles(files);
  });
}
