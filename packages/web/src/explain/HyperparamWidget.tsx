/** CNN Explainer's hyperparameter playground: input size, padding, kernel size and stride → output size, animated. */
import { useState } from 'react';
import { convOutput } from './detail/conv-math.js';
import { useStepper } from './detail/stepper.js';

function Slider({
  label,
  value,
  min,
  max,
  onChange,
  bad,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (v: number) => void;
  bad?: boolean;
}) {
  return (
    <label className={bad ? 'ex-hp-field bad' : 'ex-hp-field'}>
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        value={value}
        onChange={(e) => onChange(Math.max(min, Math.min(max, Number(e.target.value) || min)))}
        aria-label={label}
      />
      <input
        type="range"
        min={min}
        max={max}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        aria-label={`${label} slider`}
      />
    </label>
  );
}

function Grid({
  n,
  cell,
  pad,
  hi,
  label,
}: {
  n: number;
  cell: number;
  pad: number;
  hi: [number, number, number];
  label: string;
}) {
  const [r0, c0, k] = hi;
  return (
    <figure className="ex-hp-grid">
      <svg width={n * cell + 2} height={n * cell + 2} aria-label={label}>
        {Array.from({ length: n * n }, (_, i) => {
          const [r, c] = [Math.floor(i / n), i % n];
          const isPad = r < pad || c < pad || r >= n - pad || c >= n - pad;
          return (
            <rect
              key={i}
              x={1 + c * cell}
              y={1 + r * cell}
              width={cell - 1}
              height={cell - 1}
              className={isPad ? 'ex-hp-cell pad' : 'ex-hp-cell'}
            />
          );
        })}
        <rect
          x={1 + c0 * cell}
          y={1 + r0 * cell}
          width={k * cell - 1}
          height={k * cell - 1}
          className="ex-window"
        />
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}

/** The widget. */
export function HyperparamWidget() {
  const [n, setN] = useState(5);
  const [p, setP] = useState(0);
  const [k, setK] = useState(2);
  const [s, setS] = useState(1);
  const out = convOutput(n, p, k, s);
  const size = Math.max(1, out.size);
  const st = useStepper(size * size, 1000);
  const [oi, oj] = [Math.floor(st.pos / size), st.pos % size];
  const cell = Math.min(26, Math.floor(240 / (n + 2 * p)));
  return (
    <section className="ex-section" aria-label="Hyperparameters">
      <div className="ex-section-head">
        <h2>Convolution hyperparameters</h2>
        <span className="muted small">
          how input size, padding, kernel size and stride decide the output size
        </span>
      </div>
      <div className="ex-hp">
        <div className="ex-hp-controls">
          <Slider
            label="Input size"
            value={n}
            min={1}
            max={12}
            onChange={(v) => (setN(v), setK(Math.min(k, v + 2 * p)))}
          />
          <Slider label="Padding" value={p} min={0} max={Math.max(0, k - 1)} onChange={setP} />
          <Slider label="Kernel size" value={k} min={Math.max(1, p + 1)} max={n + 2 * p} onChange={setK} />
          <Slider
            label="Stride"
            value={s}
            min={1}
            max={Math.max(1, n + 2 * p - k + 1)}
            onChange={setS}
            bad={!out.exact}
          />
          <div className="ex-formula-text mono" data-testid="hp-formula">
            output = ⌊(n + 2p − k) / s⌋ + 1 = ⌊({n} + {2 * p} − {k}) / {s}⌋ + 1 = <b>{out.size}</b>
          </div>
          {!out.exact && (
            <div className="ex-error-inline">
              The stride does not tile the padded input: the last {(n + 2 * p - k) % s} row(s) are never
              covered.
            </div>
          )}
        </div>
        <Grid
          n={n + 2 * p}
          cell={cell}
          pad={p}
          hi={[oi * s, oj * s, k]}
          label={`input ${n}×${n}, padding ${p}`}
        />
        <Grid n={size} cell={26} pad={0} hi={[oi, oj, 1]} label={`output ${out.size}×${out.size}`} />
      </div>
    </section>
  );
}
