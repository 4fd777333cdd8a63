/** The Diagram page as the app's page list takes it: its code loads on the first visit, not with the app. */
import { lazy, Suspense } from 'react';

const Page = lazy(() => import('./DiagramPage.js').then((m) => ({ default: m.DiagramPage })));

/** The page, with a spinner while its code loads. */
export function LazyDiagramPage() {
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
