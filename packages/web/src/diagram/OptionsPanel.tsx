/** Every option of the selected style, in collapsible groups, generated from the diagrams option schema. */
import {
  OPTION_GROUPS,
  optionsOf,
  type OptionDef,
  type OptionGroup,
  type OptionValue,
  type StyleName,
} from '@nnlens/diagrams/option-schema';
import { useState } from 'react';
import type { DiagramProblem } from '../shared/diagram-protocol.js';
import { isDefault } from './option-values.js';
import { OptionControl } from './OptionControl.js';
import type { OptionValues, SourceKind } from './settings.js';
import './controls.css';

interface Props {
  style: StyleName;
  source: SourceKind;
  values: OptionValues;
  problem: DiagramProblem | null;
  onChange: (key: string, value?: OptionValue) => void;
  onResetAll: () => void;
}

// Long lists start closed; the figure-shaping groups start open.
const CLOSED: ReadonlySet<OptionGroup> = new Set(['Colours', 'Layers']);

const faulty = (d: OptionDef, p: DiagramProblem | null): string | null =>
  p?.kind === 'option' && p.option !== undefined && (p.option === d.key || p.option.startsWith(`${d.key}.`))
    ? p.message
    : null;

function Row({
  def,
  value,
  error,
  onChange,
}: {
  def: OptionDef;
  value: OptionValue | undefined;
  error: string | null;
  onChange: Props['onChange'];
}) {
  const changed = !isDefault(def, value);
  const wide = def.type === 'kinds' || def.type === 'range';
  return (
    <div className={`dg-row${wide ? ' wide' : ''}${error ? ' error' : ''}`} data-option={def.key}>
      <span className="dg-label" title={def.help}>
        {def.label}
        {changed && (
          <button
            className="dg-reset"
            title="Back to the default"
            aria-label={`Reset ${def.label}`}
            onClick={() => onChange(def.key)}
          >
            ↺
          </button>
        )}
      </span>
      <OptionControl def={def} value={value} onChange={(v) => onChange(def.key, v)} />
      {error && <span className="dg-row-error">{error}</span>}
    </div>
  );
}

/** The panel. */
export function OptionsPanel({ style, source, values, problem, onChange, onResetAll }: Props) {
  const [open, setOpen] = useState<Partial<Record<OptionGroup, boolean>>>({});
  const defs = optionsOf(style, source);
  const changedCount = defs.filter((d) => !isDefault(d, values[d.key])).length;
  return (
    <div className="dg-options" data-testid="diagram-options">
      <div className="dg-options-head">
        <h3>Options</h3>
        <button className="btn ghost small" disabled={changedCount === 0} onClick={onResetAll}>
          Reset{changedCount ? ` (${changedCount})` : ''}
        </button>
      </div>
      {OPTION_GROUPS.map((g) => {
        const items = defs.filter((d) => d.group === g);
        if (items.length === 0) return null;
        const changed = items.filter((d) => !isDefault(d, values[d.key])).length;
        const isOpen = open[g] ?? (!CLOSED.has(g) || items.some((d) => faulty(d, problem)));
        return (
          <section key={g} className="dg-group">
            <button
              className="dg-group-head"
              aria-expanded={isOpen}
              onClick={() => setOpen({ ...open, [g]: !isOpen })}
            >
              <svg
                width="10"
                height="10"
                viewBox="0 0 10 10"
                aria-hidden="true"
                className={isOpen ? 'open' : undefined}
              >
                <path d="M3 2l4 3-4 3" fill="none" stroke="currentColor" strokeWidth="1.4" />
              </svg>
              {g}
              {changed > 0 && <span className="dg-dot" title={`${changed} changed`} />}
              <span className="muted dg-count">{items.length}</span>
            </button>
            {isOpen && (
              <div className="dg-group-body">
                {items.map((d) => (
                  <Row
                    key={d.key}
                    def={d}
                    value={values[d.key]}
                    error={faulty(d, problem)}
                    onChange={onChange}
                  />
                ))}
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
