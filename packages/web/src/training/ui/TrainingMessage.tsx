/** Loading, error and "no log dirs" states of the Training page. */
import type { TrainingState } from '../data/training-store.js';

/** The message card for a state other than ready. */
export function TrainingMessage({ state }: { state: TrainingState }) {
  if (state.status === 'loading')
    return (
      <div className="center-stage">
        <div className="loading-card" role="status">
          <div className="spinner" aria-hidden="true" />
          <div>
            <strong>Reading training logs</strong>
            <span className="muted">runs, tags and file health</span>
          </div>
        </div>
      </div>
    );
  if (state.status === 'error')
    return (
      <div className="center-stage">
        <div className="message-card" role="alert">
          <h2>Could not load the training logs</h2>
          <p className="detail">{state.error}</p>
        </div>
      </div>
    );
  return (
    <div className="center-stage">
      <div className="message-card">
        <h2>No training logs are being served</h2>
        <p className="detail">
          Start nnlens with one or more log directories (TensorBoard event files or VisualDL logs):
        </p>
        <pre className="cmd">nnlens serve --logdir runs/</pre>
        <pre className="cmd">nnlens serve --logdir baseline:runs/a,tuned:runs/b</pre>
        <p className="hint muted small">
          Every directory holding *tfevents* or vdlrecords.* files is a run. New data appears live.
        </p>
      </div>
    </div>
  );
}
