/** The input for one option, chosen by the option's type; unset values show the style's default. */
import type { OptionDef, OptionValue } from '@nnlens/diagrams/option-schema';
import { ColorControl } from './ColorControl.js';
import { ListControls } from './ListControls.js';
import { NumberControl } from './NumberControl.js';

interface Props {
  def: OptionDef;
  value: OptionValue | undefined;
  onChange: (v?: OptionValue) => void;
}

/** Buttons for a few short choices, a select for more. */
function Choice({
  values,
  value,
  label,
  onPick,
}: {
  values: readonly string[];
  value: string;
  label: string;
  onPick: (v: string) => void;
}) {
  // Buttons while they fit the control column (about 15 characters), a select beyond.
  if (values.length <= 4 && values.join('').length <= 15) {
    return (
      <div className="dg-seg" role="radiogroup" aria-label={label}>
        {values.map((v) => (
          <button
            key={v}
            role="radio"
            aria-checked={v === value}
            className={v === value ? 'on' : undefined}
            onClick={() => onPick(v)}
          >
            {v}
          </button>
        ))}
      </div>
    );
  }
  return (
    <select className="dg-select" value={value} aria-label={label} onChange={(e) => onPick(e.target.value)}>
      {values.map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
    </select>
  );
}

/** The control. */
export function OptionControl({ def, value, onChange }: Props) {
  switch (def.type) {
    case 'boolean': {
      if (def.default === null) {
        const now = value === undefined ? 'auto' : value ? 'on' : 'off';
        return (
          <Choice
            values={['auto', 'on', 'off']}
            value={now}
            label={def.label}
            onPick={(v) => onChange(v === 'auto' ? undefined : v === 'on')}
          />
        );
      }
      const on = (value as boolean | undefined) ?? def.default;
      return (
        <label className="dg-switch">
          <input
            type="checkbox"
            role="switch"
            checked={on}
            aria-label={def.label}
            onChange={(e) => onChange(e.target.checked === def.default ? undefined : e.target.checked)}
          />
          <span aria-hidden="true" />
        </label>
      );
    }
    case 'number':
      return <NumberControl def={def} value={value as number | undefined} onChange={onChange} />;
    case 'choice':
      return (
        <Choice
          values={def.values}
          value={(value as string | undefined) ?? def.default}
          label={def.label}
          onPick={(v) => onChange(v === def.default ? undefined : v)}
        />
      );
    case 'color':
      return <ColorControl def={def} value={value as string | undefined} onChange={onChange} />;
    case 'text':
      return (
        <input
          type="text"
          className="dg-input"
          value={(value as string | undefined) ?? ''}
          placeholder={def.placeholder ?? def.default}
          aria-label={def.label}
          maxLength={200}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        />
      );
    default:
      return <ListControls def={def} value={value} onChange={onChange} />;
  }
}
