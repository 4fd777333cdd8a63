/** The Explain page as the page list takes it: its code (and tfjs) loads on the first visit, not with the app. */
import { lazy, Suspense } from 'react';

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
