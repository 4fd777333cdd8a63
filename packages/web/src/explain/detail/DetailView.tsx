/** The panel under the overview for the clicked map: enlarged map, then the view that explains its op. */
import { useState } from 'react';
import { absMax } from '@nnlens/runtime/pure';
import { explainStore, useExplainState } from '../store.js';
import { ActivationDetail } from './ActivationDetail.js';
import { ConvDetail } from './ConvDetail.js';
import { DenseDetail } from './DenseDetail.js';
import { FiltersView } from './FiltersView.js';
import { MapZoom } from './MapZoom.js';
import { PoolDetail } from './PoolDetail.js';

/** The detail panel (nothing when no map is selected). */
export function DetailView() {
  const s = useExplainState();
  const [tab, setTab] = useState<'explain' | 'filters'>('explain');
  const run = s.run;
  const sel = s.selected;
  const layer = run && sel ? run.layers.find((l) => l.value === sel.value) : undefined;
  if (!run || !sel || !layer) return null;
  const output = run.layers[run.layers.length - 1]!.value;
  const win = layer.window;
  const spatial = layer.shape.length === 4;
  const conv = layer.op === 'Conv' && spatial;
  let body;
  if (conv && tab === 'filters') body = <FiltersView value={layer.value} highlight={sel.channel} />;
  else if (conv)
    body = <ConvDetail key={`${layer.value}:${sel.channel}`} run={run} layer={layer} channel={sel.channel} />;
  else if ((layer.op === 'MaxPool' || layer.op === 'AveragePool') && spatial)
    body = <PoolDetail key={`${layer.value}:${sel.channel}`} run={run} layer={layer} channel={sel.channel} />;
  else if (layer.kind === 'activation' && spatial)
    body = (
      <ActivationDetail key={`${layer.value}:${sel.channel}`} run={run} layer={layer} channel={sel.channel} />
    );
  else if (!spatial)
    body = (
      <DenseDetail
        run={run}
        layer={layer}
        k={sel.channel}
        isOutput={layer.value === output}
        labels={s.labels}
      />
    );
  else {
    const [, h, w] = layer.shape.slice(1) as [number, number, number];
    const data = run.taps[layer.value]!;
    body = (
      <MapZoom
        data={data}
        channel={sel.channel}
        h={h}
        w={w}
        range={absMax(data) || 1}
        size={300}
        caption={`${layer.label} · channel ${sel.channel}`}
      />
    );
  }
  const params = win
    ? ` · ${win.kernel.join('×')} kernel, stride ${win.strides.join('×')}, padding ${win.pads.join(',')}${win.group > 1 ? `, ${win.group} groups` : ''}`
    : '';
  return (
    <section className="ex-section ex-detail" aria-label="Details" data-testid="explain-detail">
      <div className="ex-section-head">
        <h2>
          {layer.label}{' '}
          <span className="muted">· {spatial ? `channel ${sel.channel}` : `unit ${sel.channel}`}</span>
        </h2>
        <span className="muted small">
          {layer.op} → [{layer.shape.slice(1).join('×')}]{params}
        </span>
        <div className="ex-spacer" />
        {conv && (
          <div className="ex-seg" role="tablist">
            <button
              role="tab"
              aria-selected={tab === 'explain'}
              className={tab === 'explain' ? 'on' : ''}
              onClick={() => setTab('explain')}
            >
              Convolution
            </button>
            <button
              role="tab"
              aria-selected={tab === 'filters'}
              className={tab === 'filters' ? 'on' : ''}
              onClick={() => setTab('filters')}
            >
              Filters
            </button>
          </div>
        )}
        <button
          className="btn"
          onClick={() => explainStore.set({ selected: null })}
          aria-label="Close details"
        >
          ✕
        </button>
      </div>
      {body}
    </section>
  );
}
