/** The Diagram page: source and style on the left, the spec editor when drawing a spec, the figure on the right. */
import { STYLE_INFO } from '@nnlens/diagrams/option-schema';
import { useCallback, useEffect } from 'react';
import { useModelState } from '../app/model-context.js';
import { stem } from '../export/download.js';
import type { ModelView } from '../shared/view-model.js';
import { diagramStore, useDiagramState } from './diagram-store.js';
import { ExportBar } from './ExportBar.js';
import { svgSize } from './figure-size.js';
import { FigurePane } from './FigurePane.js';
import { useModelLink } from './model-link.js';
import { OptionsPanel } from './OptionsPanel.js';
import { valuesOf } from './settings.js';
import { SourcePicker } from './SourcePicker.js';
import { SpecEditor } from './SpecEditor.js';
import { StylePicker } from './StylePicker.js';
import { useDiagramUrl } from './use-diagram-url.js';
import './diagram-page.css';

// Each opened model gets a number, so the figure is redrawn (and refitted) when another model opens.
const modelKeys = new WeakMap<ModelView, string>();
let nextKey = 1;
const keyOf = (m: ModelView | null): string => {
  if (!m) return '';
  let k = modelKeys.get(m);
  if (!k) modelKeys.set(m, (k = String(nextKey++)));
  return k;
};

/** The page. */
export function DiagramPage() {
  useDiagramUrl();
  const { settings, figure, problem, drawing, ignored } = useDiagramState();
  const { model, status } = useModelState();
  const link = useModelLink(model);
  const modelKey = settings.source === 'model' ? keyOf(model) : 'spec';
  const canDraw = settings.source === 'spec' || model !== null;

  useEffect(() => {
    if (canDraw) diagramStore.draw(modelKey);
  }, [settings, modelKey, canDraw]);

  const onShown = useCallback(() => diagramStore.markShown(), []);
  const values = valuesOf(settings);
  const name = settings.source === 'model' ? stem(model?.info.fileName ?? 'model') : 'spec';
  const dims = figure?.format === 'svg' ? svgSize(figure.output) : null;
  const info = figure
    ? [
        figure.format === 'tex' ? 'LaTeX' : 'SVG',
        dims ? `${Math.round(dims.width)} × ${Math.round(dims.height)} px` : '',
        `drawn in ${Math.round(figure.ms)} ms`,
      ]
        .filter(Boolean)
        .join(' · ')
    : '';

  return (
    <div
      className={`diagram-page${settings.source === 'spec' ? ' with-editor' : ''}`}
      data-testid="diagram-page"
    >
      <aside className="dg-side" aria-label="Diagram settings">
        <SourcePicker
          source={settings.source}
          modelName={model?.info.fileName ?? null}
          link={link}
          onPick={(s) => diagramStore.setSource(s)}
        />
        <div className="dg-side-section">
          <h3>Style</h3>
          <StylePicker value={settings.style} onPick={(s) => diagramStore.setStyle(s)} />
          <p className="muted small dg-style-note">{STYLE_INFO[settings.style].summary}</p>
        </div>
        {ignored.length > 0 && (
          <p className="note dg-side-note">Ignored from the link (not valid): {ignored.join(', ')}</p>
        )}
        <OptionsPanel
          style={settings.style}
          source={settings.source}
          values={values}
          problem={problem}
          onChange={(k, v) => diagramStore.setOption(k, v)}
          onResetAll={() => diagramStore.resetOptions()}
        />
      </aside>
      {settings.source === 'spec' && (
        <SpecEditor
          text={settings.spec.text}
          example={settings.spec.example}
          problem={problem}
          checking={drawing}
          onChange={(text, example) => diagramStore.setSpec(text, example ?? null)}
        />
      )}
      <section className="dg-main">
        <div className="dg-pane-bar">
          <strong>{STYLE_INFO[settings.style].label}</strong>
          <span className="muted dg-figure-info" data-testid="diagram-info">
            {info}
          </span>
          {drawing && <span className="dg-busy">Drawing…</span>}
          <span className="spacer" />
          <ExportBar figure={figure} stem={`${name}-${settings.style}`} busy={drawing} />
        </div>
        <FigurePane
          settings={settings}
          figure={canDraw ? figure : null}
          problem={problem}
          drawing={drawing}
          status={status}
          fitKey={`${settings.style}|${settings.source}|${modelKey}`}
          onShown={onShown}
        />
      </section>
    </div>
  );
}
