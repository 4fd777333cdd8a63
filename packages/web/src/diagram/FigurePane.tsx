/** The figure area: the preview (SVG) or the LaTeX text, the problem of the newest drawing, and warnings. */
import { useState } from 'react';
import type { LoadStatus } from '../model/store.js';
import type { DiagramProblem } from '../shared/diagram-protocol.js';
import { diagramStore, type Figure } from './diagram-store.js';
import { NoModel } from './NoModel.js';
import { Preview } from './Preview.js';
import type { DiagramSettings } from './settings.js';
import { problemText } from './spec-location.js';
import { TexView } from './TexView.js';
import './figure.css';

interface Props {
  settings: DiagramSettings;
  figure: Figure | null;
  problem: DiagramProblem | null;
  drawing: boolean;
  status: LoadStatus;
  fitKey: string;
  onShown: () => void;
}

function Warnings({ list }: { list: string[] }) {
  const [open, setOpen] = useState(false);
  if (list.length === 0) return null;
  return (
    <div className="dg-warnings" data-testid="diagram-warnings">
      <button className="dg-warnings-head" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="dg-warn-icon" aria-hidden="true">
          !
        </span>
        {list.length} {list.length === 1 ? 'note' : 'notes'} on what was left out or guessed
        <span className="muted">{open ? 'Hide' : 'Show'}</span>
      </button>
      {open && (
        <ul>
          {list.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The pane. */
export function FigurePane({ settings, figure, problem, drawing, status, fitKey, onShown }: Props) {
  if (settings.source === 'model' && problem?.kind !== 'option' && !figure && status.kind !== 'ready')
    return <NoModel status={status} onUseSpec={() => diagramStore.setSource('spec')} />;
  // Spec problems are shown in the editor; option problems beside their control; others here.
  const banner = problem && problem.kind !== 'model' ? problem : null;
  const bg = { ...settings.shared }.background;
  return (
    <div className="dg-figure-pane">
      {banner && (
        <div className="dg-problem" role="alert" data-testid="diagram-problem">
          <strong>
            {banner.kind === 'spec'
              ? 'Spec error'
              : banner.kind === 'option'
                ? 'Option error'
                : 'Could not draw'}
          </strong>
          <span>{problemText(banner.message, banner.field)}</span>
          {figure && <span className="muted">Showing the last figure that worked.</span>}
        </div>
      )}
      {figure?.format === 'svg' && (
        <Preview
          svg={figure.output}
          figureId={figure.id}
          fitKey={fitKey}
          transparent={bg === 'none'}
          dimmed={!!banner}
          onShown={onShown}
        />
      )}
      {figure?.format === 'tex' && (
        <TexView tex={figure.output} figureId={figure.id} dimmed={!!banner} onShown={onShown} />
      )}
      {!figure && (
        <div className="dg-stage">
          {drawing && (
            <div className="center-stage">
              <div className="loading-card" role="status">
                <div className="spinner" aria-hidden="true" />
                <strong>Drawing…</strong>
              </div>
            </div>
          )}
        </div>
      )}
      {figure && <Warnings list={figure.warnings} />}
    </div>
  );
}
