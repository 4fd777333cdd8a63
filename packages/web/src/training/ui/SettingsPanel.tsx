/** Dashboard settings: smoothing, horizontal axis, log scale, outlier-robust range, histogram mode. */
import { MAX_SMOOTHING } from '../lib/smoothing.js';
import type { TrainingSettings } from '../data/settings.js';
import { trainingStore } from '../data/training-store.js';

function Segmented<T extends string>({
  value,
  options,
  onChange,
  label,
}: {
  value: T;
  options: [T, string][];
  onChange: (v: T) => void;
  label: string;
}) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {options.map(([v, text]) => (
        <button
          key={v}
          role="radio"
          aria-checked={v === value}
          className={v === value ? 'on' : ''}
          onClick={() => onChange(v)}
        >
          {text}
        </button>
      ))}
    </div>
  );
}

function Toggle({
  checked,
  onChange,
  label,
  hint,
}: {
  checked: boolean;
  onChange: (v: boolean) => void;
  label: string;
  hint: string;
}) {
  return (
    <label className="toggle-row" title={hint}>
      <span>{label}</span>
      <input type="checkbox" role="switch" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <i className="switch" aria-hidden="true" />
    </label>
  );
}

/** The settings block of the sidebar. */
export function SettingsPanel({ settings }: { settings: TrainingSettings }) {
  const set = (p: Partial<TrainingSettings>) => trainingStore.updateSettings(p);
  return (
    <div className="sidebar-section settings-section">
      <h3>Settings</h3>
      <div className="setting">
        <div className="setting-label">
          <span title="TensorBoard's debiased exponential moving average; the raw line stays faint behind">
            Smoothing
          </span>
          <input
            className="num-input"
            type="number"
            min={0}
            max={MAX_SMOOTHING}
            step={0.01}
            value={settings.smoothing}
            aria-label="Smoothing weight"
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isFinite(v)) set({ smoothing: Math.min(MAX_SMOOTHING, Math.max(0, v)) });
            }}
          />
        </div>
        <input
          className="slider"
          type="range"
          min={0}
          max={MAX_SMOOTHING}
          step={0.001}
          value={settings.smoothing}
          aria-label="Smoothing"
          onChange={(e) => set({ smoothing: Number(e.target.value) })}
        />
      </div>
      <div className="setting">
        <div className="setting-label">Horizontal axis</div>
        <Segmented
          label="Horizontal axis"
          value={settings.xType}
          options={[
            ['step', 'Step'],
            ['relative', 'Relative'],
            ['wall', 'Wall'],
          ]}
          onChange={(xType) => set({ xType })}
        />
      </div>
      <Toggle
        label="Log scale (y)"
        hint="Logarithmic vertical axis; values ≤ 0 are left out"
        checked={settings.logY}
        onChange={(logY) => set({ logY })}
      />
      <Toggle
        label="Ignore outliers"
        hint="Fit the vertical range to the bulk of the data (2nd–98th percentile), so rare spikes do not flatten the curves"
        checked={settings.robustY}
        onChange={(robustY) => set({ robustY })}
      />
      <div className="setting">
        <div className="setting-label">Histograms</div>
        <Segmented
          label="Histogram mode"
          value={settings.histogramMode}
          options={[
            ['offset', 'Offset'],
            ['overlay', 'Overlay'],
          ]}
          onChange={(histogramMode) => set({ histogramMode })}
        />
      </div>
      <p className="hint small muted">
        Drag on a chart to zoom, shift-drag to pan, Ctrl/⌘-scroll to zoom around the pointer, double-click to
        reset. Alt-click a run to show it alone.
      </p>
    </div>
  );
}
