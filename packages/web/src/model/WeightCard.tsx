/** One weight of a node: shape, dtype, size, statistics with a histogram, and .npy download. */
import { useEffect, useState } from 'react';
import { modelStore } from '../app/model-context.js';
import { download } from '../export/download.js';
import type { InitializerView, TensorStatsView } from '../shared/view-model.js';
import { formatBytes, formatCount, formatStat } from './format.js';
import { Histogram } from './Histogram.js';

/** Tensors up to this many elements get statistics as soon as their node is selected. */
const AUTO_STATS = 16e6;

type Stats =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ok'; stats: TensorStatsView }
  | { kind: 'error'; message: string };

/** Facts about one constant input, and its values on demand. */
export function WeightCard({ name, init }: { name: string; init: InitializerView }) {
  const [stats, setStats] = useState<Stats>({ kind: 'idle' });
  const external = init.storage === 'external';
  const canFetch = modelStore.canFetchSidecars();
  const inMemory = init.storage === 'raw' || init.storage === 'values';

  const load = (): void => {
    setStats({ kind: 'loading' });
    modelStore.tensorStats(name).then(
      (s) => setStats({ kind: 'ok', stats: s }),
      (e: Error) => setStats({ kind: 'error', message: e.message }),
    );
  };
  useEffect(() => {
    setStats({ kind: 'idle' });
    if (inMemory && init.elements <= AUTO_STATS && init.dtype !== 'string') load();
    // Re-run only when another tensor is shown.
  }, [name]);

  const saveNpy = (): void => {
    modelStore.tensorNpy(name).then(
      (r) => download(r.bytes, r.fileName),
      (e: Error) => setStats({ kind: 'error', message: e.message }),
    );
  };

  return (
    <div className="weight-card" data-testid="weight-card">
      <div className="weight-head">
        <span className="mono weight-name" title={name}>
          {name}
        </span>
      </div>
      <div className="weight-meta">
        <span className="mono">{init.shape.length ? init.shape.join('×') : 'scalar'}</span>
        <span>{init.dtype}</span>
        <span>{formatCount(init.elements)} values</span>
        <span>{formatBytes(init.bytes)}</span>
      </div>
      {external && stats.kind !== 'ok' && (
        <p className="note">
          Values are in the external file <code>{init.location}</code>
          {canFetch ? '.' : ', which was not opened. Drop it together with the model to see them.'}
        </p>
      )}
      {init.storage === 'none' && (
        <p className="note">This file stores no values for this tensor (structure only).</p>
      )}
      {stats.kind === 'ok' && (
        <>
          <dl className="stats-grid">
            <dt>min</dt>
            <dd>{formatStat(stats.stats.min)}</dd>
            <dt>max</dt>
            <dd>{formatStat(stats.stats.max)}</dd>
            <dt>mean</dt>
            <dd>{formatStat(stats.stats.mean)}</dd>
            <dt>std</dt>
            <dd>{formatStat(stats.stats.std)}</dd>
            {stats.stats.zeros > 0 && (
              <>
                <dt>zeros</dt>
                <dd>{((100 * stats.stats.zeros) / stats.stats.count).toFixed(1)}%</dd>
              </>
            )}
            {stats.stats.nan + stats.stats.inf > 0 && (
              <>
                <dt>NaN/Inf</dt>
                <dd>
                  {stats.stats.nan}/{stats.stats.inf}
                </dd>
              </>
            )}
          </dl>
          <Histogram bins={stats.stats.histogram} min={stats.stats.min} max={stats.stats.max} />
        </>
      )}
      {stats.kind === 'loading' && <p className="muted small">Reading values…</p>}
      {stats.kind === 'error' && <p className="note error">{stats.message}</p>}
      <div className="weight-actions">
        {stats.kind === 'idle' && (inMemory || (external && canFetch)) && (
          <button className="btn small" onClick={load}>
            {external ? `Load values from ${init.location}` : 'Show statistics'}
          </button>
        )}
        {(inMemory || (external && canFetch)) && (
          <button className="btn small" onClick={saveNpy}>
            Download .npy
          </button>
        )}
      </div>
    </div>
  );
}
