/** CNN Explainer's overview for any model: one column per layer with every feature map, shared colour ranges. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ScaleMode } from '@nnlens/runtime/pure';
import { fmt } from './draw.js';
import { LayerColumn } from './LayerColumn.js';
import type { LayerMeta, RunResult } from './protocol.js';
import { globalRange } from './ranges.js';
import { explainStore, useExplainState } from './store.js';

const SHOWN = new Set(['input', 'conv', 'activation', 'pool', 'norm', 'merge', 'dense', 'softmax']);

/** The layers drawn: every compute layer, or every value with "all layers". */
export function visibleLayers(run: RunResult, all: boolean, output: string): LayerMeta[] {
  return run.layers.filter((l) => all || l.value === output || SHOWN.has(l.kind));
}

/** Thumbnail edge so that every column fits the width (and ten maps fit ~480 px), between 28 and 64 px. */
function thumbSize(layers: LayerMeta[], width: number, output: string): number {
  const gap = 10;
  const mapCols = layers.filter((l) => l.shape.length === 4).length;
  const barCols = layers.filter((l) => l.shape.length !== 4);
  const barWidth = barCols.reduce((a, l) => a + (l.value === output ? 170 : 70), 0);
  const byWidth = Math.floor((width - barWidth - gap * (layers.length - 1)) / Math.max(1, mapCols)) - 4;
  const maxMaps = Math.max(
    1,
    ...layers.map((l) =>
      l.shape.length === 4 ? Math.min(l.shape[1]!, 12) + (l.kind === 'input' ? 1 : 0) : 1,
    ),
  );
  const byHeight = Math.floor(480 / maxMaps) - 4;
  return Math.max(28, Math.min(64, byWidth, byHeight));
}

function Legend({ range }: { range: number }) {
  return (
    <div className="ex-legend" aria-label="colour scale">
      <span>{fmt(-range)}</span>
      <span className="ex-legend-bar" />
      <span>{fmt(range)}</span>
    </div>
  );
}

/** The overview section. */
export function NetworkOverview() {
  const s = useExplainState();
  const [all, setAll] = useState(false);
  const run = s.run!;
  const output = run.layers[run.layers.length - 1]?.value ?? '';
  const global = useMemo(() => globalRange(run), [run]);
  const layers = visibleLayers(run, all, output);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(1000);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const thumb = thumbSize(layers, width, output);
  const modes: [ScaleMode, string, string][] = [
    ['unit', 'Unit', 'each map has its own range'],
    ['layer', 'Layer', 'one range per layer'],
    ['global', 'Global', 'one range for the whole network'],
  ];
  return (
    <section className="ex-section" aria-label="Network">
      <div className="ex-section-head">
        <h2>Network</h2>
        <span className="muted small">
          {layers.length} layers · forward pass {run.runMs.toFixed(0)} ms · click a map for its details
        </span>
        <div className="ex-spacer" />
        <label className="ex-check">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> all values
        </label>
        <div className="ex-seg" role="radiogroup" aria-label="Colour range">
          {modes.map(([m, label, help]) => (
            <button
              key={m}
              role="radio"
              aria-checked={s.scaleMode === m}
              className={s.scaleMode === m ? 'on' : ''}
              title={help}
              onClick={() => explainStore.set({ scaleMode: m })}
            >
              {label}
            </button>
          ))}
        </div>
        {s.scaleMode === 'global' && <Legend range={global} />}
      </div>
      <div className="ex-overview" data-testid="explain-overview" ref={box}>
        {layers.map((l) => (
          <LayerColumn
            key={l.value}
            run={run}
            layer={l}
            mode={s.scaleMode}
            global={global}
            thumb={thumb}
            isOutput={l.value === output}
            labels={s.labels}
            selected={s.selected}
            onSelect={(value, channel) => explainStore.set({ selected: { value, channel } })}
          />
        ))}
      </div>
    </section>
  );
}
