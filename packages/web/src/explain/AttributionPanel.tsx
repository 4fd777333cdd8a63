/** Grad-CAM, Grad-CAM++, saliency, SmoothGrad, IG and occlusion side by side, with class, layer, opacity and colours. */
import {
  colorAt,
  labelOf,
  METHODS,
  writeNpy,
  type AttributionMethod,
  type ColormapName,
} from '@nnlens/runtime/pure';
import { Overlay } from './Overlay.js';
import { explainStore, useExplainState, type ExplainState } from './store.js';

const NAMES: Record<AttributionMethod, [string, string]> = {
  gradcam: ['Grad-CAM', 'gradient-weighted class activation map of the chosen layer'],
  gradcampp: ['Grad-CAM++', 'Grad-CAM with higher-order weights (pixel-wise α)'],
  saliency: ['Saliency', 'max over channels of |∂y/∂x|'],
  smoothgrad: ['SmoothGrad', 'gradients averaged over 16 noisy copies (σ = 15 % of the range)'],
  ig: ['Integrated Gradients', '50-point Gauss–Legendre path from a black image'],
  occlusion: ['Occlusion', 'score drop when an ⅛-size patch is blanked'],
};

/** Pixel-level methods are blended by value; CAMs and occlusion (smooth, region-level) uniformly. */
const WEIGHTED = new Set<AttributionMethod>(['saliency', 'smoothgrad', 'ig']);

function download(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** CSS gradient stops of a colour map. */
function gradient(cmap: ColormapName): string {
  return Array.from({ length: 9 }, (_, i) => `rgb(${colorAt(cmap, i / 8).join(',')})`).join(', ');
}

function downloadCanvas(selector: string, name: string): void {
  const c = document.querySelector<HTMLCanvasElement>(selector);
  c?.toBlob((b) => b && download(name, b));
}

function Card({ s, m, size }: { s: ExplainState; m: AttributionMethod; size: number }) {
  const st = s.methods[m];
  const r = st.result;
  return (
    <button
      className={s.focus === m ? 'ex-card on' : 'ex-card'}
      onClick={() => (explainStore.set({ focus: m }), st.status === 'idle' && void explainStore.attribute(m))}
      data-method={m}
      data-status={st.status}
    >
      <div className="ex-card-title">{NAMES[m][0]}</div>
      <Overlay
        input={s.run!.input}
        preprocess={s.preprocess!}
        heat={r?.heatmap ?? null}
        heatSize={r?.size ?? [1, 1]}
        opacity={r ? s.opacity : 0}
        colormap={s.colormap}
        size={size}
        label={NAMES[m][0]}
        weighted={WEIGHTED.has(m)}
      />
      <div className="ex-card-status small">
        {st.status === 'idle' && <span className="muted">click to compute</span>}
        {st.status === 'running' && (
          <span className="ex-progress">
            <span style={{ width: `${100 * st.progress}%` }} />
          </span>
        )}
        {st.status === 'done' && <span className="muted">{r!.ms.toFixed(0)} ms</span>}
        {st.status === 'error' && (
          <span className="ex-error-inline" title={st.error}>
            {st.error}
          </span>
        )}
      </div>
    </button>
  );
}

/** The attribution section. */
export function AttributionPanel() {
  const s = useExplainState();
  const run = s.run!;
  const classes = run.output.length;
  const top = Array.from(run.output).indexOf(Math.max(...run.output));
  const spatial = run.layers.filter(
    (l) => l.shape.length === 4 && l.kind !== 'input' && l.shape[2]! * l.shape[3]! > 1,
  );
  const f = s.methods[s.focus];
  const busy = METHODS.some((m) => s.methods[m].status === 'running');
  return (
    <section className="ex-section" aria-label="Attribution">
      <div className="ex-section-head">
        <h2>Where the model looks</h2>
        <span className="muted small">
          class {labelOf(s.labels, s.target ?? top)} · logit y<sub>c</sub> before softmax
        </span>
        <div className="ex-spacer" />
        {busy && (
          <button className="btn" onClick={() => explainStore.cancel()}>
            Cancel
          </button>
        )}
        <button
          className="btn"
          onClick={() => void explainStore.attributeAll()}
          disabled={METHODS.every((m) => s.methods[m].status !== 'idle')}
        >
          Compute all
        </button>
      </div>
      <div className="ex-controls">
        <label>
          Class
          <select
            value={s.target ?? -1}
            onChange={(e) =>
              explainStore.setTarget(Number(e.target.value) < 0 ? null : Number(e.target.value))
            }
            aria-label="Class to explain"
          >
            <option value={-1}>top prediction: {labelOf(s.labels, top)}</option>
            {Array.from({ length: Math.min(classes, 1000) }, (_, k) => (
              <option key={k} value={k}>
                {k}: {labelOf(s.labels, k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          CAM layer
          <select
            value={s.camLayer ?? ''}
            onChange={(e) => explainStore.setCamLayer(e.target.value)}
            aria-label="CAM layer"
            disabled={!spatial.length}
          >
            {spatial.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label} [{l.shape.slice(1).join('×')}]
              </option>
            ))}
          </select>
        </label>
        <label>
          Opacity
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={s.opacity}
            onChange={(e) => explainStore.set({ opacity: Number(e.target.value) })}
            aria-label="Overlay opacity"
          />
          <span className="mono small">{Math.round(100 * s.opacity)}%</span>
        </label>
        <label>
          Colours
          <select
            value={s.colormap}
            onChange={(e) => explainStore.set({ colormap: e.target.value as ColormapName })}
            aria-label="Colour map"
          >
            {['jet', 'viridis', 'inferno', 'greys'].map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="ex-attr">
        <div className="ex-cards" data-testid="attribution-cards">
          {METHODS.map((m) => (
            <Card key={m} s={s} m={m} size={136} />
          ))}
        </div>
        <div
          className="ex-focus"
          data-testid="attribution-focus"
          data-method={s.focus}
          data-status={f.status}
        >
          <div className="ex-focus-pair">
            <Overlay
              input={run.input}
              preprocess={s.preprocess!}
              heat={null}
              heatSize={[1, 1]}
              opacity={0}
              colormap={s.colormap}
              size={280}
              label="input"
            />
            <Overlay
              input={run.input}
              preprocess={s.preprocess!}
              heat={f.result?.heatmap ?? null}
              heatSize={f.result?.size ?? [1, 1]}
              opacity={s.opacity}
              colormap={s.colormap}
              size={280}
              label={`${NAMES[s.focus][0]} overlay`}
              weighted={WEIGHTED.has(s.focus)}
              testId="focus-overlay"
            />
            <Overlay
              input={run.input}
              preprocess={s.preprocess!}
              heat={f.result?.heatmap ?? null}
              heatSize={f.result?.size ?? [1, 1]}
              opacity={1}
              colormap={s.colormap}
              size={280}
              label={`${NAMES[s.focus][0]} map`}
              testId="focus-map"
            />
          </div>
          <div className="ex-focus-text">
            <div>
              <b>{NAMES[s.focus][0]}</b> — {NAMES[s.focus][1]}
              {f.result?.layer && (
                <span className="ex-chip">
                  layer {run.layers.find((l) => l.value === f.result!.layer)?.label}
                </span>
              )}
              {f.result && <span className="ex-chip">class {labelOf(s.labels, f.result.target)}</span>}
            </div>
            <div className="ex-focus-bar">
              <span className="muted small">low</span>
              <span
                className="ex-colorbar"
                style={{ background: `linear-gradient(90deg, ${gradient(s.colormap)})` }}
              />
              <span className="muted small">high evidence</span>
              <span className="ex-spacer" />
              {f.result && (
                <>
                  <button
                    className="btn small"
                    onClick={() => downloadCanvas('[data-testid="focus-overlay"]', `${s.focus}.png`)}
                  >
                    PNG
                  </button>
                  <button
                    className="btn small"
                    onClick={() =>
                      download(
                        `${s.focus}.npy`,
                        new Blob([
                          writeNpy(f.result!.values.data, f.result!.values.shape) as Uint8Array<ArrayBuffer>,
                        ]),
                      )
                    }
                  >
                    .npy
                  </button>
                </>
              )}
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
