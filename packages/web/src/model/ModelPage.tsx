/** The Model page: opens what the URL or the server offers, then shows graph and side panel. */
import { useDeferredValue, useEffect, useState } from 'react';
import type { GraphView, ModelView } from '../shared/view-model.js';
import { modelStore, useModelState } from '../app/model-context.js';
import { EmptyState } from './EmptyState.js';
import { ErrorCard } from './ErrorCard.js';
import { GraphPane } from './GraphPane.js';
import { SidePanel } from './SidePanel.js';
import { listServerModels, type ServerModel } from './sources.js';
import type { Selection } from './store.js';

/**
 * The panel renders a beat after the graph: a newly opened model is drawn first (what the user waits
 * for), then its summary fills in. An empty panel of the same width keeps the canvas size stable.
 */
function DeferredSidePanel(props: { model: ModelView; graph: GraphView; selection: Selection }) {
  const deferred = useDeferredValue(props, null);
  if (!deferred) return <aside className="side-panel" aria-busy="true" />;
  return <SidePanel model={deferred.model} graph={deferred.graph} selection={deferred.selection} />;
}

let started = false;

/** First open: `?url=` wins, else the server's first model; otherwise the start screen. */
function useInitialModel(): ServerModel[] {
  const [models, setModels] = useState<ServerModel[]>([]);
  useEffect(() => {
    modelStore.warmUp();
    const params = new URLSearchParams(location.search);
    const url = params.get('url');
    const synthetic = Number(params.get('synthetic'));
    // Another page (e.g. Diagram) may have opened the model already: never load it twice.
    if (modelStore.get().status.kind !== 'idle') started = true;
    if (!started && url) {
      started = true;
      void modelStore.openUrl(url);
    } else if (!started && synthetic > 0) {
      started = true;
      void modelStore.openSynthetic(Math.min(synthetic, 200_000));
    }
    void listServerModels().then((list) => {
      setModels(list);
      if (!started && list[0] && modelStore.get().status.kind === 'idle') {
        started = true;
        void modelStore.openServerModel(list[0]);
      }
    });
  }, []);
  return models;
}

/** The page. */
export function ModelPage() {
  const state = useModelState();
  const serverModels = useInitialModel();
  const { status, model, graph } = state;
  if (status.kind === 'error')
    return <ErrorCard name={status.name} title={status.title} message={status.message} />;
  if (!model || !graph) {
    if (status.kind === 'loading') {
      return (
        <div className="center-stage">
          <div className="loading-card" role="status">
            <div className="spinner" aria-hidden="true" />
            <div>
              <strong>{status.name}</strong>
              <span className="muted">{status.step}</span>
            </div>
          </div>
        </div>
      );
    }
    return <EmptyState serverModels={serverModels} />;
  }
  return (
    <div className="model-page">
      <GraphPane state={state} graph={graph} />
      <DeferredSidePanel model={model} graph={graph} selection={state.selection} />
    </div>
  );
}
