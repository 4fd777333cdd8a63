/** The Diagram page's settings (source, style, option values, spec text) and the pure operations on them. */
import {
  nestOptions,
  OPTION_SCHEMA,
  optionsOf,
  STYLE_NAMES,
  type OptionDef,
  type OptionValue,
  type StyleName,
} from '@nnlens/diagrams/option-schema';
import type { DiagramDrawOptions } from '../shared/diagram-protocol.js';

/** What is drawn: the model open in the viewer, or the spec in the editor. */
export type SourceKind = 'model' | 'spec';

/** Option values keyed by dotted option name; absent = the style's default. */
export type OptionValues = Record<string, OptionValue>;

/** Everything a figure depends on besides the model itself. */
export interface DiagramSettings {
  source: SourceKind;
  style: StyleName;
  /** Options every style has (title, font, background, legend, colours): kept when the style changes. */
  shared: OptionValues;
  /** Each style's own options, so switching styles back and forth keeps what was set. */
  perStyle: Partial<Record<StyleName, OptionValues>>;
  spec: { text: string; example: string | null };
}

/** Keys of the figure options every style has (title, font, colours…); their values live in `shared`. */
export const SHARED_KEYS: ReadonlySet<string> = new Set(
  OPTION_SCHEMA.graph
    .filter((d) => !d.modelOnly)
    .map((d) => d.key)
    .filter((k) => STYLE_NAMES.every((s) => OPTION_SCHEMA[s].some((d) => d.key === k))),
);

/** The definition of an option of a style. */
export function defOf(style: StyleName, key: string): OptionDef | undefined {
  return OPTION_SCHEMA[style].find((d) => d.key === key);
}

/** The values set for the current style (shared and own). */
export function valuesOf(s: DiagramSettings, style: StyleName = s.style): OptionValues {
  return { ...s.shared, ...s.perStyle[style] };
}

/** Sets (or with undefined, resets) one option of the current style. */
export function withOption(s: DiagramSettings, key: string, value: OptionValue | undefined): DiagramSettings {
  const shared = SHARED_KEYS.has(key);
  const bag = { ...(shared ? s.shared : s.perStyle[s.style]) };
  if (value === undefined) delete bag[key];
  else bag[key] = value;
  return shared ? { ...s, shared: bag } : { ...s, perStyle: { ...s.perStyle, [s.style]: bag } };
}

/** Clears every option of the current style, shared ones included. */
export function withoutOptions(s: DiagramSettings): DiagramSettings {
  return { ...s, shared: {}, perStyle: { ...s.perStyle, [s.style]: {} } };
}

/** drawDiagram's options for the settings: the style's applicable values, nested. */
export function drawOptions(s: DiagramSettings, style: StyleName = s.style): DiagramDrawOptions {
  const values = valuesOf(s, style);
  const applicable: OptionValues = {};
  for (const d of optionsOf(style, s.source))
    if (values[d.key] !== undefined) applicable[d.key] = values[d.key]!;
  return { style, ...nestOptions(applicable) };
}

/** The file name that makes the spec parser read JSON (text starting with `{`) or YAML. */
export function specFileName(text: string): string {
  return /^\s*\{/.test(text) ? 'spec.json' : 'spec.yaml';
}

/** Fresh settings: the LeNet style of the open model, with `specText` ready in the editor. */
export function initialSettings(specText: string, example: string | null): DiagramSettings {
  return { source: 'model', style: 'lenet', shared: {}, perStyle: {}, spec: { text: specText, example } };
}
