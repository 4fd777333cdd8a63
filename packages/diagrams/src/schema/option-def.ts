/** The shape of an option definition: what a UI needs to render one control and what the style accepts. */

/** A value an option control produces (lists for `typeIgnore`, `indexIgnore`, `layerRange`). */
export type OptionValue = string | number | boolean | string[] | number[];

/** Where a control goes; a UI shows the groups in this order. */
export const OPTION_GROUPS = ['Layout', 'Shapes', 'Edges', 'Labels', 'Colours', 'Layers', 'Figure'] as const;

/** One of OPTION_GROUPS. */
export type OptionGroup = (typeof OPTION_GROUPS)[number];

interface Base {
  /** Option name as drawDiagram takes it; nested options are dotted (`colors.conv`, `dimensionCaps.channels`). */
  key: string;
  label: string;
  help: string;
  group: OptionGroup;
  /** Only for models: spec files have no modules, weights or node names, and their styles reject these keys. */
  modelOnly?: boolean;
}

/** An option and its control. A `null` default means "automatic": the style decides when the key is absent. */
export type OptionDef = Base &
  (
    | { type: 'boolean'; default: boolean | null }
    | {
        type: 'number';
        default: number | null;
        /** Bounds the style enforces (an error outside them). */
        min?: number;
        max?: number;
        integer?: boolean;
        /** Slider step, and slider ends for options the style leaves unbounded. */
        step: number;
        sliderMin?: number;
        sliderMax?: number;
      }
    | { type: 'choice'; default: string; values: readonly string[] }
    /** `allowNone`: 'none' is accepted and means transparent. */
    | { type: 'color'; default: string; allowNone?: boolean }
    | { type: 'text'; default: string; placeholder?: string }
    /** A subset of layer kinds (`values`). */
    | { type: 'kinds'; default: string[]; values: readonly string[] }
    /** Layer indices (0-based). */
    | { type: 'indices'; default: number[] }
    /** `[first, last]` layer names or regular expressions. */
    | { type: 'range'; default: null }
  );

type Extra<T extends OptionDef['type']> = Omit<Extract<OptionDef, { type: T }>, keyof Base | 'type'>;

/** Builders that keep the definition tables one line per option. */
export const def = {
  bool: (key: string, label: string, group: OptionGroup, dflt: boolean | null, help: string): OptionDef => ({
    key,
    label,
    group,
    help,
    type: 'boolean',
    default: dflt,
  }),
  num: (key: string, label: string, group: OptionGroup, extra: Extra<'number'>, help: string): OptionDef => ({
    key,
    label,
    group,
    help,
    type: 'number',
    ...extra,
  }),
  choice: (
    key: string,
    label: string,
    group: OptionGroup,
    values: readonly string[],
    dflt: string,
    help: string,
  ): OptionDef => ({ key, label, group, help, type: 'choice', values, default: dflt }),
  color: (key: string, label: string, group: OptionGroup, dflt: string, help: string): OptionDef => ({
    key,
    label,
    group,
    help,
    type: 'color',
    default: dflt,
  }),
};

/** The definition marked as applying to models only. */
export function modelOnly(d: OptionDef): OptionDef {
  return { ...d, modelOnly: true };
}
