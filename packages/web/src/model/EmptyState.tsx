/** What the Model page shows before anything is open: a drop zone and, with a server, its models. */
import { modelStore } from '../app/model-context.js';
import { formatBytes } from './format.js';
import type { ServerModel } from './sources.js';

/** The start screen. */
export function EmptyState({ serverModels }: { serverModels: ServerModel[] }) {
  return (
    <div className="center-stage">
      <div className="empty-card">
        <h1>Open a neural network</h1>
        <p>
          See its architecture, tensor shapes, parameters and compute per layer. Drop a model file anywhere on
          this page, or choose one.
        </p>
        <label className="btn primary large">
          Choose a file…
          <input
            type="file"
            multiple
            hidden
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              if (files.length) void modelStore.openFiles(files);
            }}
          />
        </label>
        {serverModels.length > 0 && (
          <div className="server-models">
            <h3>Served by nnlens</h3>
            <ul>
              {serverModels.map((m) => (
                <li key={m.id}>
                  <button className="link" onClick={() => void modelStore.openServerModel(m)}>
                    {m.name}
                  </button>
                  <span className="muted">{formatBytes(m.size)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <p className="muted small">Files stay in your browser; nothing is uploaded.</p>
      </div>
    </div>
  );
}
