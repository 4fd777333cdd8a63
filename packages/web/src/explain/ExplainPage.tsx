/** The Explain page: what the network computes for an input (CNN Explainer for any model) and where it looks. */
import { useEffect, type DragEvent } from 'react';
import { AttributionPanel } from './AttributionPanel.js';
import { DetailView } from './detail/DetailView.js';
import { HyperparamWidget } from './HyperparamWidget.js';
import { looksLikeImage } from './image-decode.js';
import { NetworkOverview } from './NetworkOverview.js';
import { Predictions } from './Predictions.js';
import { Sidebar } from './Sidebar.js';
import { explainStore, useExplainState } from './store.js';
import { useReadiness } from './readiness.js';
import './explain.css';

declare global {
  interface Window {
    /** Automation hook: the Explain page's state (browser tests read heatmaps and predictions). */
    __nnlensExplain?: { state: () => ReturnType<typeof explainStore.get> };
  }
}

function startFromUrl(): void {
  const q = new URLSearchParams(location.search);
  const url = q.get('url');
  if (url && !q.get('demo')) void explainStore.openModelUrl(url);
  else void explainStore.openDemo(q.get('demo') ?? 'tinyvgg', q.get('sample') ?? undefined);
}

function onDrop(e: DragEvent): void {
  // The page takes its own drops: images become the input, anything else a model to explain.
  e.preventDefault();
  e.stopPropagation();
  const files = Array.from(e.dataTransfer.files);
  if (files.length === 1 && looksLikeImage(files[0]!))
    void explainStore.setImageBlob(files[0]!, files[0]!.name);
  else if (files.length) void explainStore.openModelFiles(files);
}

/** The page. */
export function ExplainPage() {
  const s = useExplainState();
  useEffect(() => {
    window.__nnlensExplain = { state: explainStore.get };
    if (explainStore.get().phase === 'idle') startFromUrl();
  }, []);
  useReadiness(s);
  return (
    <div
      className="ex-page"
      onDragEnter={(e) => e.stopPropagation()}
      onDragOver={(e) => (e.preventDefault(), e.stopPropagation())}
      onDrop={onDrop}
    >
      <Sidebar />
      <main className="ex-main">
        {s.phase === 'error' && s.error && (
          <div className="ex-error" role="alert" data-testid="explain-error">
            <b>{s.error.title}</b>
            <div>{s.error.message}</div>
            <div className="muted small">
              Pick a demo model on the left, or open another model (ONNX, Keras, TF.js, TFLite…) with Open.
            </div>
          </div>
        )}
        {(s.phase === 'loading' || (s.phase === 'running' && !s.run)) && (
          <div className="center-stage">
            <div className="spinner" aria-label="Loading" />
            <div className="muted">{s.message}</div>
          </div>
        )}
        {s.run && s.preprocess && (
          <>
            <Predictions />
            <NetworkOverview />
            <DetailView />
            <AttributionPanel />
            <HyperparamWidget />
          </>
        )}
      </main>
    </div>
  );
}
