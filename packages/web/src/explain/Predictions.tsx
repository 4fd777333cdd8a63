/** Top-5 predictions with class names and probability bars; clicking one explains that class. */
import { labelOf } from '@nnlens/runtime/pure';
import { softmax } from './LayerColumn.js';
import { explainStore, useExplainState } from './store.js';

/** The predictions strip. */
export function Predictions() {
  const s = useExplainState();
  const run = s.run!;
  const probs = softmax(run.output);
  const top = Array.from(probs.keys())
    .sort((a, b) => run.output[b]! - run.output[a]!)
    .slice(0, 5);
  const target = s.target ?? top[0]!;
  return (
    <section className="ex-preds" aria-label="Predictions" data-testid="predictions">
      <div className="ex-preds-image">
        <span className="muted small">Prediction</span>
        <b data-testid="top-class">{labelOf(s.labels, top[0]!)}</b>
        <span className="muted small">{(100 * probs[top[0]!]!).toFixed(1)}%</span>
      </div>
      <ol className="ex-preds-list">
        {top.map((k) => (
          <li key={k}>
            <button
              className={k === target ? 'ex-pred on' : 'ex-pred'}
              onClick={() => explainStore.setTarget(k === top[0] ? null : k)}
              title="explain this class"
            >
              <span className="ex-pred-name">{labelOf(s.labels, k)}</span>
              <span className="ex-pred-bar">
                <span style={{ width: `${100 * probs[k]!}%` }} />
              </span>
              <span className="mono small">{(100 * probs[k]!).toFixed(1)}%</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
