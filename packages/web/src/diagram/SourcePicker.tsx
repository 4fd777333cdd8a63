/** What to draw: the model open in the viewer, or a hand-written spec; says whether a link carries the model. */
import type { ModelLink } from './model-link.js';
import type { SourceKind } from './settings.js';

interface Props {
  source: SourceKind;
  modelName: string | null;
  link: ModelLink;
  onPick: (s: SourceKind) => void;
}

/** The picker. */
export function SourcePicker({ source, modelName, link, onPick }: Props) {
  return (
    <div className="dg-side-section">
      <h3>Draw</h3>
      <div className="dg-seg full" role="radiogroup" aria-label="Source" data-testid="diagram-source">
        <button
          role="radio"
          aria-checked={source === 'model'}
          className={source === 'model' ? 'on' : undefined}
          onClick={() => onPick('model')}
        >
          Open model
        </button>
        <button
          role="radio"
          aria-checked={source === 'spec'}
          className={source === 'spec' ? 'on' : undefined}
          onClick={() => onPick('spec')}
        >
          Spec file
        </button>
      </div>
      {source === 'model' && (
        <p className="dg-source-note small">
          {modelName ? (
            <>
              <span className="mono dg-model-name" title={modelName}>
                {modelName}
              </span>
              {link === 'local' && (
                <span className="muted">
                  {' '}
                  · local file: a shared link restores the settings, not the file
                </span>
              )}
            </>
          ) : (
            <span className="muted">No model open</span>
          )}
        </p>
      )}
      {source === 'spec' && (
        <p className="dg-source-note small muted">A layer list in JSON or YAML, edited beside the figure.</p>
      )}
    </div>
  );
}
