/** What the Diagram page shows when it should draw the open model but none is open (or it is still loading). */
import { useEffect, useState } from 'react';
import { modelStore } from '../app/model-context.js';
import { formatBytes } from '../model/format.js';
import { listServerModels, type ServerModel } from '../model/sources.js';
import type { LoadStatus } from '../model/store.js';

/** The card. */
export function NoModel({ status, onUseSpec }: { status: LoadStatus; onUseSpec: () => void }) {
  const [models, setModels] = useState<ServerModel[]>([]);
  useEffect(() => {
    void listServerModels().then(setModels);
  }, []);
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
  return (
    <div className="center-stage">
      <div className="empty-card" data-testid="diagram-no-model">
        <h1>Draw a publication figure</h1>
        {status.kind === 'error' ? (
          <p className="note error">
            {status.title}: {status.message}
          </p>
        ) : (
          <p>Open a model to draw it in any of six styles, or describe a network in a short spec file.</p>
        )}
        <div className="dg-empty-actions">
          <label className="btn primary large">
            Open a model…
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
          <button className="btn large" onClick={onUseSpec}>
            Start from an example spec
          </button>
        </div>
        {models.length > 0 && (
          <div className="server-models">
            <h3>Served by nnlens</h3>
            <ul>
              {models.map((m) => (
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
      </div>
    </div>
  );
}
