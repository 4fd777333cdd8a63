/** Controls of list-valued options: layer kinds to hide, layer indices to hide, a [first, last] layer range. */
import type { OptionDef, OptionValue } from '@nnlens/diagrams/option-schema';
import { useEffect, useState } from 'react';

type ListDef = Extract<OptionDef, { type: 'kinds' | 'indices' | 'range' }>;

interface Props {
  def: ListDef;
  value: OptionValue | undefined;
  onChange: (v?: OptionValue) => void;
}

/** "0, 3, 7" → [0, 3, 7]; null when any entry is not a non-negative integer. */
export function parseIndices(text: string): number[] | null {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const out = parts.map(Number);
  return out.every((n) => Number.isInteger(n) && n >= 0) ? out : null;
}

function Indices({
  value,
  onChange,
  label,
}: {
  value: number[];
  onChange: (v?: OptionValue) => void;
  label: string;
}) {
  const [text, setText] = useState(value.join(', '));
  const [bad, setBad] = useState(false);
  useEffect(
    () => setText((t) => (parseIndices(t)?.join(',') === value.join(',') ? t : value.join(', '))),
    [value],
  );
  return (
    <input
      type="text"
      className={bad ? 'dg-input invalid' : 'dg-input'}
      value={text}
      placeholder="e.g. 0, 3"
      aria-label={label}
      aria-invalid={bad}
      onChange={(e) => {
        setText(e.target.value);
        const list = parseIndices(e.target.value);
        setBad(list === null);
        if (list) onChange(list.length ? list : undefined);
      }}
    />
  );
}

/** The control. */
export function ListControls({ def, value, onChange }: Props) {
  if (def.type === 'kinds') {
    const set = new Set((value as string[] | undefined) ?? []);
    return (
      <div className="dg-chips" role="group" aria-label={def.label}>
        {def.values.map((k) => (
          <button
            key={k}
            className={set.has(k) ? 'chip on' : 'chip'}
            aria-pressed={set.has(k)}
            onClick={() => {
              const next = new Set(set);
              if (next.has(k)) next.delete(k);
              else next.add(k);
              onChange(next.size ? def.values.filter((x) => next.has(x)) : undefined);
            }}
          >
            {k}
          </button>
        ))}
      </div>
    );
  }
  if (def.type === 'indices')
    return <Indices value={(value as number[] | undefined) ?? []} onChange={onChange} label={def.label} />;
  const [first, last] = (value as string[] | undefined) ?? ['', ''];
  const update = (a: string, b: string): void => onChange(a || b ? [a, b] : undefined);
  return (
    <div className="dg-range">
      <input
        type="text"
        className="dg-input"
        value={first}
        placeholder="first layer"
        aria-label={`${def.label}: first`}
        onChange={(e) => update(e.target.value, last ?? '')}
      />
      <span className="muted">→</span>
      <input
        type="text"
        className="dg-input"
        value={last}
        placeholder="last layer"
        aria-label={`${def.label}: last`}
        onChange={(e) => update(first ?? '', e.target.value)}
      />
    </div>
  );
}
