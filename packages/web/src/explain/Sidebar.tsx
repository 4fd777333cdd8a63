/** The left column: which model, which input (samples, upload, drawing pad), preprocessing and labels. */
import { useRef } from 'react';
import { DrawPad } from './DrawPad.js';
import { demos, samplesFor } from './demos.js';
import { PreprocessCard } from './PreprocessCard.js';
import { explainStore, useExplainState } from './store.js';

function ModelCard() {
  const s = useExplainState();
  const file = useRef<HTMLInputElement>(null);
  return (
    <div className="ex-card-box">
      <div className="ex-box-title">Model</div>
      <div className="ex-demos" role="radiogroup" aria-label="Demo models">
        {demos().map((d) => (
          <button
            key={d.id}
            role="radio"
            aria-checked={s.demo?.id === d.id}
            className={s.demo?.id === d.id ? 'ex-demo on' : 'ex-demo'}
            onClick={() => void explainStore.openDemo(d.id)}
            title={d.blurb}
          >
            <b>{d.title}</b>
            <span className="muted small">{d.blurb}</span>
          </button>
        ))}
      </div>
      <button className="btn ex-wide" onClick={() => file.current?.click()}>
        Open a model…
      </button>
      <input
        ref={file}
        type="file"
        multiple
        hidden
        data-testid="explain-model-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length) void explainStore.openModelFiles(files);
        }}
      />
      {s.summary && (
        <div className="ex-meta small">
          <div className="mono ex-ellipsis" title={s.modelName}>
            {s.modelName}
          </div>
          <div className="muted">
            {s.summary.format.toUpperCase()} · {s.summary.nodes} nodes ·{' '}
            {s.run?.output.length ?? s.summary.classes} outputs
          </div>
          <label className="ex-field ex-backend">
            <span>Runs on</span>
            <select
              value={s.summary.backend === 'webgl' ? 'webgl' : 'wasm'}
              onChange={(e) => explainStore.setBackend(e.target.value as 'wasm' | 'webgl')}
              aria-label="Backend"
            >
              <option value="wasm">tfjs wasm (exact)</option>
              <option value="webgl">tfjs WebGL (GPU)</option>
            </select>
          </label>
          {s.summary.warnings.map((w) => (
            <div key={w} className="muted small">
              ⚠ {w}
            </div>
          ))}
        </div>
      )}
      {s.demo && <div className="muted small ex-credit">{s.demo.credit}</div>}
    </div>
  );
}

function InputCard() {
  const s = useExplainState();
  const file = useRef<HTMLInputElement>(null);
  const grey = s.preprocess?.channels === 1;
  return (
    <div className="ex-card-box">
      <div className="ex-box-title">Input</div>
      {s.summary && (
        <div className="ex-samples" role="listbox" aria-label="Sample images">
          {samplesFor(s.demo, s.preprocess?.channels).map((x) => (
            <button
              key={x.name}
              role="option"
              aria-selected={s.image?.name === x.name}
              className={s.image?.name === x.name ? 'ex-sample on' : 'ex-sample'}
              title={x.label ? `${x.name} (label ${x.label})` : x.name}
              onClick={() => void explainStore.setImageUrl(x.url, x.name)}
            >
              <img src={x.url} alt={x.name} className={grey ? 'pixelated' : undefined} />
            </button>
          ))}
        </div>
      )}
      <div className="ex-drop" onClick={() => file.current?.click()} role="button" tabIndex={0}>
        <b>Drop an image</b> or click to choose
        <span className="muted small">PNG, JPEG, WebP · any size</span>
      </div>
      <input
        ref={file}
        type="file"
        accept="image/*"
        hidden
        data-testid="explain-image-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void explainStore.setImageBlob(f, f.name);
        }}
      />
      {s.imageError && (
        <div className="ex-error-inline" role="alert" data-testid="image-error">
          {s.imageError}
        </div>
      )}
      {(s.demo?.drawPad || (grey && !s.demo)) && <DrawPad />}
    </div>
  );
}

/** The sidebar. */
export function Sidebar() {
  return (
    <aside className="ex-side">
      <ModelCard />
      <InputCard />
      <PreprocessCard />
    </aside>
  );
}
