/** Preprocessing settings (inferred from the model, editable): size, channel order, scale, mean/std, fit; label file. */
import { useRef } from 'react';
import type { Preprocess } from '@nnlens/runtime/pure';
import { explainStore, useExplainState } from './store.js';

function numbers(text: string): number[] | null {
  const v = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  return v.length && v.every(Number.isFinite) ? v : null;
}

function ListField({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: number[];
  onCommit: (v: number[]) => void;
}) {
  return (
    <label className="ex-field">
      <span>{label}</span>
      <input
        key={value.join()}
        defaultValue={value.map((v) => +v.toFixed(4)).join(', ')}
        aria-label={label}
        onBlur={(e) => {
          const v = numbers(e.target.value);
          if (v && v.join() !== value.join()) onCommit(v);
        }}
        onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
      />
    </label>
  );
}

/** The preprocessing card. */
export function PreprocessCard() {
  const s = useExplainState();
  const labels = useRef<HTMLInputElement>(null);
  const p = s.preprocess;
  if (!p) return null;
  const set = (patch: Partial<Preprocess>): void => explainStore.setPreprocess(patch);
  return (
    <details className="ex-card-box" open>
      <summary className="ex-box-title">Preprocessing</summary>
      <div className="ex-fields">
        <ListField
          label="Size H, W"
          value={p.size}
          onCommit={(v) => v.length >= 1 && set({ size: [v[0]!, v[1] ?? v[0]!] })}
        />
        <label className="ex-field">
          <span>Channels</span>
          <select
            value={p.channels === 1 ? 'grey' : p.order}
            onChange={(e) =>
              e.target.value === 'grey'
                ? set({ channels: 1 })
                : set({ channels: 3, order: e.target.value as 'rgb' | 'bgr' })
            }
            aria-label="Channels"
          >
            <option value="rgb">RGB</option>
            <option value="bgr">BGR</option>
            <option value="grey">grey</option>
          </select>
        </label>
        <label className="ex-field">
          <span>Pixels</span>
          <select
            value={p.scale === 1 ? '255' : '1'}
            onChange={(e) => set({ scale: e.target.value === '1' ? 1 / 255 : 1 })}
            aria-label="Pixel scale"
          >
            <option value="1">0 – 1</option>
            <option value="255">0 – 255</option>
          </select>
        </label>
        <ListField label="Mean" value={p.mean} onCommit={(v) => set({ mean: v })} />
        <ListField label="Std" value={p.std} onCommit={(v) => !v.includes(0) && set({ std: v })} />
        <label className="ex-field">
          <span>Fit</span>
          <select
            value={p.fit}
            onChange={(e) => set({ fit: e.target.value as Preprocess['fit'] })}
            aria-label="Fit"
          >
            <option value="stretch">stretch</option>
            <option value="crop">centre crop</option>
          </select>
        </label>
        <label className="ex-field">
          <span>Labels</span>
          <button className="btn" onClick={() => labels.current?.click()}>
            {s.labels ? `${s.labels.length} classes` : 'load file…'}
          </button>
        </label>
      </div>
      <input
        ref={labels}
        type="file"
        hidden
        accept=".txt,.json"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) explainStore.setLabelsText(await f.text());
        }}
      />
    </details>
  );
}
