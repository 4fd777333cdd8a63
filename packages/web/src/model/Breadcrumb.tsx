/** Graph trail from the main graph into subgraphs: `main › Loop_3.body`. */
import { modelStore } from '../app/model-context.js';
import type { GraphView } from '../shared/view-model.js';

/** Clickable trail; the last item is the graph shown. */
export function Breadcrumb({ graph }: { graph: GraphView }) {
  return (
    <nav className="breadcrumb" aria-label="Graph">
      {graph.trail.map((t, i) => {
        const last = i === graph.trail.length - 1;
        return (
          <span key={t.path} className="crumb">
            {i > 0 && <span className="sep">›</span>}
            {last ? (
              <span className="current" aria-current="page">
                {t.label}
              </span>
            ) : (
              <button className="link" onClick={() => void modelStore.openGraph(t.path)}>
                {t.label}
              </button>
            )}
          </span>
        );
      })}
    </nav>
  );
}
