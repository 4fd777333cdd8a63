/** A colour option: a swatch picker plus the colour's text, and "transparent" where 'none' is allowed. */
import type { OptionDef } from '@nnlens/diagrams/option-schema';

type ColorDef = Extract<OptionDef, { type: 'color' }>;

let probe: CanvasRenderingContext2D | null | undefined;

/** #rrggbb of any CSS colour (named, rgb(), hsl()) for the native picker, which only takes that form. */
export function toHex(color: string): string {
  if (/^#[0-9a-f]{6}$/i.test(color)) return color.toLowerCase();
  if (/^#[0-9a-f]{3}$/i.test(color))
    return `#${[...color.slice(1)].map((c) => c + c).join('')}`.toLowerCase();
  probe ??= document.createElement('canvas').getContext('2d');
  if (!probe) return '#000000';
  probe.fillStyle = '#000000';
  probe.fillStyle = color;
  const v = probe.fillStyle;
  return /^#[0-9a-f]{6}$/i.test(v) ? v : '#000000';
}

/** The control. */
export function ColorControl(props: {
  def: ColorDef;
  value: string | undefined;
  onChange: (v?: string) => void;
}) {
  const { def, value, onChange } = props;
  const shown = value ?? def.default;
  const none = shown === 'none';
  const set = (v: string): void => onChange(v === def.default ? undefined : v);
  return (
    <div className="dg-color">
      <label
        className={none ? 'dg-swatch none' : 'dg-swatch'}
        style={none ? undefined : { background: shown }}
      >
        <input
          type="color"
          value={none ? '#ffffff' : toHex(shown)}
          aria-label={def.label}
          disabled={none}
          onChange={(e) => set(e.target.value)}
        />
      </label>
      {/* Beside the "Transparent" box there is no room for the value; the swatch's tooltip has it. */}
      {!def.allowNone && <span className="dg-color-text mono">{shown}</span>}
      {def.allowNone && (
        <label className="dg-check small">
          <input
            type="checkbox"
            checked={none}
            onChange={(e) => set(e.target.checked ? 'none' : def.default)}
          />
          Transparent
        </label>
      )}
    </div>
  );
}
