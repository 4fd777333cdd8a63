/** The six figure styles as tiles with a small glyph each (what the style looks like, not a screenshot). */
import { STYLE_INFO, STYLE_NAMES, type StyleName } from '@nnlens/diagrams/option-schema';
import type { ReactElement } from 'react';

const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.2 } as const;

const GLYPHS: Record<StyleName, ReactElement> = {
  graph: (
    <>
      <rect x="9" y="2" width="14" height="6" rx="1.5" {...stroke} />
      <rect x="9" y="13" width="14" height="6" rx="1.5" {...stroke} />
      <rect x="9" y="24" width="14" height="6" rx="1.5" {...stroke} />
      <path d="M16 8v5M16 19v5" {...stroke} />
    </>
  ),
  lenet: (
    <>
      {[0, 3, 6].map((o) => (
        <rect key={o} x={2 + o} y={6 + o} width="12" height="12" {...stroke} fill="var(--surface)" />
      ))}
      <rect x="21" y="11" width="4" height="10" {...stroke} fill="var(--surface)" />
      <rect x="28" y="14" width="2" height="4" {...stroke} />
    </>
  ),
  alexnet: (
    <>
      <path d="M3 10l5-4h8v14l-5 4H3z M3 10h8v14 M11 10l5-4" {...stroke} />
      <path d="M20 13l3-2h5v8l-3 2h-5z M20 13h5v8 M25 13l3-2" {...stroke} />
    </>
  ),
  fcnn: (
    <>
      <path
        d="M6 9L16 6M6 9L16 16M6 9L16 26M6 23L16 6M6 23L16 16M6 23L16 26M16 6L26 16M16 16L26 16M16 26L26 16"
        {...stroke}
        strokeWidth="0.7"
      />
      {[
        [6, 9],
        [6, 23],
        [16, 6],
        [16, 16],
        [16, 26],
        [26, 16],
      ].map(([x, y]) => (
        <circle key={`${x}-${y}`} cx={x} cy={y} r="2.6" {...stroke} fill="var(--surface)" />
      ))}
    </>
  ),
  layered: (
    <>
      <path d="M2 9l3-3h3v20l-3 3H2z M2 9h3v20 M5 9l3-3" {...stroke} />
      <path d="M11 12l3-3h6v14l-3 3h-6z M11 12h6v14 M17 12l3-3" {...stroke} />
      <path d="M23 15l2-2h5v8l-2 2h-5z M23 15h5v8 M28 15l2-2" {...stroke} />
    </>
  ),
  tikz: (
    <text
      x="16"
      y="20"
      textAnchor="middle"
      fontSize="12"
      fontFamily="Georgia, 'Times New Roman', serif"
      fill="currentColor"
    >
      T
      <tspan dx="-1.5" dy="2.5">
        E
      </tspan>
      <tspan dx="-1.2" dy="-2.5">
        X
      </tspan>
    </text>
  ),
};

/** The picker. */
export function StylePicker({ value, onPick }: { value: StyleName; onPick: (s: StyleName) => void }) {
  return (
    <div className="dg-styles" role="radiogroup" aria-label="Style" data-testid="diagram-styles">
      {STYLE_NAMES.map((s) => (
        <button
          key={s}
          role="radio"
          aria-checked={s === value}
          className={s === value ? 'dg-style on' : 'dg-style'}
          title={STYLE_INFO[s].summary}
          data-style={s}
          onClick={() => onPick(s)}
        >
          <svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true">
            {GLYPHS[s]}
          </svg>
          <span>{STYLE_INFO[s].label}</span>
        </button>
      ))}
    </div>
  );
}
