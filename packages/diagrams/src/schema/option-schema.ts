/** OPTION_SCHEMA: every option of every style, with its control, default and bounds — for UIs (the web Diagram page). */
import { COMMON_OPTIONS, EXTRACT_OPTIONS } from './common-options.js';
import { ALEXNET_OPTIONS } from './alexnet-options.js';
import { FCNN_OPTIONS } from './fcnn-options.js';
import { GRAPH_OPTIONS } from './graph-options.js';
import { LAYERED_OPTIONS } from './layered-options.js';
import { LENET_OPTIONS } from './lenet-options.js';
import type { OptionDef } from './option-def.js';
import { TIKZ_OPTIONS } from './tikz-options.js';

export type { OptionDef, OptionGroup, OptionValue } from './option-def.js';
export { OPTION_GROUPS } from './option-def.js';

// Not imported from draw.ts: this module stays tiny so a UI can load it without the drawing code.
/** The style names, as STYLES. */
export const STYLE_NAMES = ['graph', 'lenet', 'alexnet', 'fcnn', 'layered', 'tikz'] as const;

/** One of STYLE_NAMES. */
export type StyleName = (typeof STYLE_NAMES)[number];

/** What each style is, for a style picker. */
export const STYLE_INFO: Readonly<
  Record<StyleName, { label: string; summary: string; output: 'svg' | 'tex' }>
> = {
  graph: { label: 'Graph', summary: 'Boxes and arrows, like Keras plot_model', output: 'svg' },
  lenet: { label: 'LeNet', summary: 'Feature-map stacks, like NN-SVG LeNet', output: 'svg' },
  alexnet: { label: 'AlexNet', summary: '3D tensors, like NN-SVG AlexNet', output: 'svg' },
  fcnn: { label: 'FCNN', summary: 'Neurons and weights, like NN-SVG FCNN', output: 'svg' },
  layered: { label: 'Layered', summary: 'Volumes, like visualkeras', output: 'svg' },
  tikz: { label: 'TikZ', summary: 'LaTeX, like PlotNeuralNet', output: 'tex' },
};

/** Every option of each style: its own, the layer extraction options (layer styles), then the shared ones. */
export const OPTION_SCHEMA: Readonly<Record<StyleName, readonly OptionDef[]>> = {
  graph: [...GRAPH_OPTIONS, ...COMMON_OPTIONS],
  lenet: [...LENET_OPTIONS, ...EXTRACT_OPTIONS, ...COMMON_OPTIONS],
  alexnet: [...ALEXNET_OPTIONS, ...EXTRACT_OPTIONS, ...COMMON_OPTIONS],
  fcnn: [...FCNN_OPTIONS, ...EXTRACT_OPTIONS, ...COMMON_OPTIONS],
  layered: [...LAYERED_OPTIONS, ...EXTRACT_OPTIONS, ...COMMON_OPTIONS],
  tikz: [...TIKZ_OPTIONS, ...EXTRACT_OPTIONS, ...COMMON_OPTIONS],
};

/** The options a style offers for a model, or for a spec file (no model-only ones). */
export function optionsOf(style: StyleName, source: 'model' | 'spec'): readonly OptionDef[] {
  const all = OPTION_SCHEMA[style];
  return source === 'model' ? all : all.filter((d) => !d.modelOnly);
}

/**
 * Flat dotted option values (`colors.conv`) as the nested object drawDiagram takes (`colors: { conv }`);
 * empty strings and empty lists are dropped so the style's default applies.
 */
export function nestOptions(flat: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    const dot = key.indexOf('.');
    if (dot < 0) {
      out[key] = value;
      continue;
    }
    const head = key.slice(0, dot);
    const inner = (out[head] ??= {}) as Record<string, unknown>;
    inner[key.slice(dot + 1)] = value;
  }
  return out;
}
