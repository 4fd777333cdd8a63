/** The spec editor: JSON or YAML text with line numbers, the failing line marked and its error beside it. */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { DiagramProblem } from '../shared/diagram-protocol.js';
import { SPEC_EXAMPLES } from './examples.js';
import { specFileName } from './settings.js';
import { offsetOf, problemText } from './spec-location.js';
import './editor.css';

interface Props {
  text: string;
  example: string | null;
  problem: DiagramProblem | null;
  checking: boolean;
  onChange: (text: string, example?: string) => void;
}

/** Line height of the editor in px; the gutter and the error band are placed with it. */
const LINE = 20;

/** The editor. */
export function SpecEditor({ text, example, problem, checking, onChange }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const spec = problem?.kind === 'spec' ? problem : null;
  const errLine = spec?.line;
  const lines = text.split('\n').length;
  const json = specFileName(text).endsWith('.json');

  const jump = (): void => {
    const a = area.current;
    if (!a || !spec?.line) return;
    const at = offsetOf(text, spec.line, spec.column ?? 1);
    a.focus();
    a.setSelectionRange(at, at);
    a.scrollTop = Math.max(0, (spec.line - 4) * LINE);
  };

  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    // Tab indents (two spaces, as YAML wants) instead of leaving the editor.
    if (e.key !== 'Tab' || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    const a = e.currentTarget;
    a.setRangeText('  ', a.selectionStart, a.selectionEnd, 'end');
    onChange(a.value);
  };

  return (
    <section className="dg-editor" aria-label="Spec editor">
      <div className="dg-pane-bar">
        <strong>Spec</strong>
        <span className="badge">{json ? 'JSON' : 'YAML'}</span>
        <span className="spacer" />
        <select
          className="dg-select"
          aria-label="Load an example"
          value={example ?? ''}
          onChange={(e) => {
            const ex = SPEC_EXAMPLES.find((x) => x.id === e.target.value);
            if (ex) onChange(ex.text, ex.id);
          }}
        >
          <option value="" disabled>
            Examples…
          </option>
          {SPEC_EXAMPLES.map((x) => (
            <option key={x.id} value={x.id}>
              {x.label}
            </option>
          ))}
        </select>
      </div>
      <div className="dg-editor-body">
        <div className="dg-gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lines }, (_, i) => (
            <div key={i} className={i + 1 === errLine ? 'err' : undefined}>
              {i + 1}
            </div>
          ))}
        </div>
        <div className="dg-editor-text">
          {errLine !== undefined && (
            <div className="dg-errband" style={{ top: 8 + (errLine - 1) * LINE - scrollTop }} />
          )}
          <textarea
            ref={area}
            value={text}
            wrap="off"
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            aria-label="Spec text"
            aria-invalid={spec !== null}
            data-testid="spec-text"
            onKeyDown={onKey}
            onChange={(e) => onChange(e.target.value)}
            onScroll={(e) => {
              const top = e.currentTarget.scrollTop;
              if (gutter.current) gutter.current.scrollTop = top;
              setScrollTop(top);
            }}
          />
        </div>
      </div>
      <div
        className={spec ? 'dg-editor-status error' : 'dg-editor-status'}
        data-testid="spec-status"
        role="status"
      >
        {spec ? (
          <button className="dg-error-link" onClick={jump} title="Go to the error">
            {spec.line !== undefined && (
              <span className="dg-loc">
                Line {spec.line}
                {spec.column !== undefined ? `, col ${spec.column}` : ''}
              </span>
            )}
            {spec.field && <code className="dg-field">{spec.field}</code>}
            <span>{problemText(spec.message, spec.field)}</span>
          </button>
        ) : checking ? (
          <span className="muted">Checking…</span>
        ) : (
          <span className="dg-ok">✓ Valid spec</span>
        )}
      </div>
    </section>
  );
}
