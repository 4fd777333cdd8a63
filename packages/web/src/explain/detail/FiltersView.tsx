/** A conv layer's filters as images: one row per output channel, one kernel per input channel (BrBG, shared range). */
import { useEffect, useRef } from 'react';
import { absMax } from '@nnlens/runtime/pure';
import { drawMap } from '../draw.js';
import { useWeights } from './use-weights.js';

const MAX_OUT = 32;
const MAX_IN = 16;

function Kernel({
  data,
  offset,
  kh,
  kw,
  range,
}: {
  data: Float32Array;
  offset: number;
  kh: number;
  kw: number;
  range: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) drawMap(ref.current, data.subarray(offset, offset + kh * kw), 0, kh, kw, range, 'brbg');
  }, [data, offset, kh, kw, range]);
  return <canvas ref={ref} className="ex-kernel" style={{ width: 8 * kw + 8, height: 8 * kh + 8 }} />;
}

/** The filters of the conv producing `value`; `highlight` marks the selected output channel. */
export function FiltersView({ value, highlight }: { value: string; highlight: number }) {
  const w = useWeights(value);
  if (w === null) return <div className="muted">Loading filters…</div>;
  if (typeof w === 'string') return <div className="ex-error-inline">{w}</div>;
  const [o, cg, kh, kw] = w.weight.shape as [number, number, number, number];
  const range = absMax(w.weight.data) || 1;
  return (
    <div className="ex-filters" data-testid="filters">
      {Array.from({ length: Math.min(o, MAX_OUT) }, (_, r) => (
        <div key={r} className={r === highlight ? 'ex-filter-row on' : 'ex-filter-row'}>
          <span className="ex-filter-name">{r}</span>
          {Array.from({ length: Math.min(cg, MAX_IN) }, (_, c) => (
            <Kernel
              key={c}
              data={w.weight.data}
              offset={(r * cg + c) * kh * kw}
              kh={kh}
              kw={kw}
              range={range}
            />
          ))}
          {cg > MAX_IN && <span className="muted small">+{cg - MAX_IN}</span>}
        </div>
      ))}
      {o > MAX_OUT && <div className="muted small">… {o - MAX_OUT} more filters</div>}
    </div>
  );
}
