/** One column of the network overview: a layer's maps (or bars for dense layers) under its name and shape. */
import { useState } from 'react';
import { labelOf, type ScaleMode } from '@nnlens/runtime/pure';
import { fmt } from './draw.js';
import { FeatureMap } from './FeatureMap.js';
import { InputColumn } from './InputColumn.js';
import type { LayerMeta, RunResult } from './protocol.js';
import { rangeOf } from './ranges.js';

/** Props of LayerColumn. */
export interface LayerColumnProps {
  run: RunResult;
  layer: LayerMeta;
  mode: ScaleMode;
  global: number;
  thumb: number;
  isOutput: boolean;
  labels: string[] | null;
  selected: { value: string; channel: number } | null;
  onSelect: (value: string, channel: number) => void;
}

const FIRST_MAPS = 12;

/** The label with line-break opportunities after '_', '/' and '.' (narrow columns wrap there, not mid-word). */
function breakable(label: string) {
  const parts = label.split(/(?<=[_/.])/);
  return parts.map((p, i) => (
    <span key={i}>
      {p}
      {i < parts.length - 1 && <wbr />}
    </span>
  ));
}

function Bars({ run, layer, isOutput, labels, selected, onSelect }: LayerColumnProps) {
  const data = run.taps[layer.value]!;
  const n = Math.min(data.length, 32);
  const max = Math.max(1e-9, ...Array.from(data.subarray(0, n), Math.abs));
  const probs = isOutput ? softmax(data) : null;
  return (
    <div className="ex-bars">
      {Array.from({ length: n }, (_, i) => {
        const v = data[i]!;
        const sel = selected?.value === layer.value && selected.channel === i;
        const name = isOutput ? labelOf(labels, i) : String(i);
        return (
          <button
            key={i}
            className={sel ? 'ex-bar selected' : 'ex-bar'}
            onClick={() => onSelect(layer.value, i)}
            title={`${name}: ${fmt(v)}`}
          >
            {isOutput && <span className="ex-bar-name">{name}</span>}
            <span className="ex-bar-track">
              <span
                className={v >= 0 ? 'ex-bar-fill pos' : 'ex-bar-fill neg'}
                style={{ width: `${100 * Math.abs(probs ? probs[i]! : v / max)}%` }}
              />
            </span>
            {isOutput && <span className="ex-bar-value">{(100 * probs![i]!).toFixed(1)}%</span>}
          </button>
        );
      })}
      {data.length > n && <div className="muted small">+{data.length - n} more</div>}
    </div>
  );
}

/** softmax of logits (or the values themselves when they already sum to 1). */
export function softmax(x: Float32Array): Float32Array {
  const sum = x.reduce((a, b) => a + b, 0);
  if (x.every((v) => v >= 0) && Math.abs(sum - 1) < 1e-3) return x;
  const m = Math.max(...x);
  const e = x.map((v) => Math.exp(v - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}

/** A layer column. */
export function LayerColumn(props: LayerColumnProps) {
  const { run, layer, mode, global, thumb, selected, onSelect } = props;
  const [all, setAll] = useState(false);
  const shape = layer.shape.slice(1).join('×');
  let body;
  if (layer.kind === 'input' && layer.shape.length === 4) {
    body = <InputColumn run={run} layer={layer} thumb={thumb} selected={selected} onSelect={onSelect} />;
  } else if (layer.shape.length === 4) {
    const [c, h, w] = layer.shape.slice(1) as [number, number, number];
    const shown = all ? c : Math.min(c, FIRST_MAPS);
    body = (
      <div className="ex-maps">
        {Array.from({ length: shown }, (_, k) => (
          <FeatureMap
            key={k}
            data={run.taps[layer.value]!}
            channel={k}
            h={h}
            w={w}
            range={rangeOf(run, layer, k, mode, global)}
            size={thumb}
            title={`${layer.label} channel ${k}`}
            selected={selected?.value === layer.value && selected.channel === k}
            onSelect={() => onSelect(layer.value, k)}
          />
        ))}
        {c > FIRST_MAPS && (
          <button className="ex-more" onClick={() => setAll(!all)}>
            {all ? '−' : `+${c - FIRST_MAPS}`}
          </button>
        )}
      </div>
    );
  } else {
    body = <Bars {...props} />;
  }
  return (
    <div
      className={`ex-col kind-${layer.kind}`}
      data-layer={layer.label}
      style={layer.shape.length === 4 ? { width: Math.max(thumb + 4, 56) } : undefined}
    >
      <div className="ex-col-head" title={`${layer.label}: ${layer.op} → [${shape}]`}>
        <span className="ex-col-name">{breakable(layer.label.split('/').slice(-2).join('/'))}</span>
        <span className="ex-col-shape">{layer.op}</span>
        <span className="ex-col-shape">{shape}</span>
      </div>
      {body}
    </div>
  );
}
