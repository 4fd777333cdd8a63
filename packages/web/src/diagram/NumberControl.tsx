/** A number option: a slider where a range is known, plus a number field; empty means default ("auto"). */
import type { OptionDef } from '@nnlens/diagrams/option-schema';
import { useEffect, useState } from 'react';

type NumberDef = Extract<OptionDef, { type: 'number' }>;

function sliderRange(d: NumberDef): [number, number] | null {
  const lo = d.sliderMin ?? d.min;
  const hi = d.sliderMax ?? d.max;
  return lo !== undefined && hi !== undefined ? [lo, hi] : null;
}

/** The field's text is kept while typing, so "0." or "-" are not rejected mid-way. */
export function NumberControl(props: {
  def: NumberDef;
  value: number | undefined;
  onChange: (v?: number) => void;
}) {
  const { def, value, onChange } = props;
  const shown = value ?? def.default;
  const [text, setText] = useState(shown === null ? '' : String(shown));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setText(shown === null ? '' : String(shown));
    setBad(false);
  }, [shown]);
  const range = sliderRange(def);

  const typed = (t: string): void => {
    setText(t);
    if (t.trim() === '') {
      setBad(false);
      onChange(undefined);
      return;
    }
    const n = Number(t);
    const ok =
      Number.isFinite(n) &&
      (def.min === undefined || n >= def.min) &&
      (def.max === undefined || n <= def.max) &&
      (!def.integer || Number.isInteger(n));
    setBad(!ok);
    if (ok) onChange(n === def.default ? undefined : n);
  };

  const bounds = [def.min !== undefined ? `≥ ${def.min}` : '', def.max !== undefined ? `≤ ${def.max}` : '']
    .filter(Boolean)
    .join(', ');
  return (
    <div className="dg-number">
      {range && (
        <input
          type="range"
          min={range[0]}
          max={range[1]}
          step={def.step}
          value={shown ?? range[0]}
          className={shown === null ? 'auto' : undefined}
          aria-label={def.label}
          onChange={(e) => typed(e.target.value)}
        />
      )}
      <input
        type="text"
        inputMode="decimal"
        className={bad ? 'dg-input num invalid' : 'dg-input num'}
        value={text}
        placeholder={def.default === null ? 'auto' : ''}
        title={bad ? `Expected ${def.integer ? 'an integer' : 'a number'} ${bounds}` : undefined}
        aria-label={`${def.label} value`}
        aria-invalid={bad}
        onChange={(e) => typed(e.target.value)}
        onBlur={() => bad && typed(shown === null ? '' : String(shown))}
      />
    </div>
  );
}
