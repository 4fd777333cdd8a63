/** drawDiagram(): one pure entry point from a model (or a spec) to a figure, for the CLI and a Web Worker. */
import type { ModelAnalysis } from '@nnlens/analysis';
import type { Model } from '@nnlens/ir';
import { drawGraph, type GraphOptions } from './graph/draw-graph.js';
import { drawGraphOfLayers } from './graph/from-layers.js';
import { extractLayers, type ExtractOptions } from './layers/extract.js';
import type { LayerDiagram } from './layers/layer.js';
import { keyword } from './options.js';
import { parseSpec } from './spec/spec.js';
import { drawAlexnet, type AlexnetOptions } from './styles/alexnet.js';
import { drawFcnn, type FcnnOptions } from './styles/fcnn.js';
import { drawLayered, type LayeredOptions } from './styles/layered.js';
import { drawLenet, type LenetOptions } from './styles/lenet.js';
import { drawTikz, type TikzOptions } from './styles/tikz.js';

/** The figure styles. */
export const STYLES = ['graph', 'lenet', 'alexnet', 'fcnn', 'layered', 'tikz'] as const;

/** One of STYLES. */
export type DiagramStyle = (typeof STYLES)[number];

/** Options of drawDiagram: the style, and for layer styles how layers are extracted, plus the style's own options. */
export type DrawOptions =
  | ({ style: 'graph' } & GraphOptions)
  | ({ style: 'lenet' } & ExtractOptions & LenetOptions)
  | ({ style: 'alexnet' } & ExtractOptions & AlexnetOptions)
  | ({ style: 'fcnn' } & ExtractOptions & FcnnOptions)
  | ({ style: 'layered' } & ExtractOptions & LayeredOptions)
  | ({ style: 'tikz' } & ExtractOptions & TikzOptions);

/** A figure and what was left out or guessed while drawing it. */
export interface DiagramReport {
  /** SVG text, or LaTeX for 'tikz'. */
  output: string;
  warnings: string[];
}

function without(o: object, keys: string[]): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...(o as Record<string, unknown>) };
  for (const k of keys) delete rest[k];
  return rest;
}

/** Draws a layer list (from extractLayers or parseSpec) in a style; options are the style's. */
export function drawLayers(
  d: LayerDiagram,
  style: DiagramStyle,
  options: Record<string, unknown> = {},
): string {
  switch (keyword(style, 'style', STYLES, 'lenet')) {
    case 'graph':
      return drawGraphOfLayers(d, options as GraphOptions);
    case 'lenet':
      return drawLenet(d, options as LenetOptions);
    case 'alexnet':
      return drawAlexnet(d, options as AlexnetOptions);
    case 'fcnn':
      return drawFcnn(d, options as FcnnOptions);
    case 'layered':
      return drawLayered(d, options as LayeredOptions);
    case 'tikz':
      return drawTikz(d, options as TikzOptions);
  }
}

/** Like drawDiagram, with the warnings (dropped branches, weights not loaded). */
export function drawDiagramReport(
  model: Model,
  analysis: ModelAnalysis,
  options: DrawOptions,
): DiagramReport {
  const style = keyword(options.style, 'style', STYLES, 'lenet');
  if (style === 'graph')
    return { output: drawGraph(model, analysis, without(options, ['style']) as GraphOptions), warnings: [] };
  const o = options as { depth?: number; maxLayers?: number; rollRepeats?: boolean };
  const extract: ExtractOptions = {};
  if (o.depth !== undefined) extract.depth = o.depth;
  if (o.maxLayers !== undefined) extract.maxLayers = o.maxLayers;
  if (o.rollRepeats !== undefined) extract.rollRepeats = o.rollRepeats;
  const d = extractLayers(model, analysis, extract);
  const output = drawLayers(d, style, without(options, ['style', 'depth', 'maxLayers', 'rollRepeats']));
  return { output, warnings: d.warnings };
}

/** Draws a model whose shapes `analysis` inferred; returns SVG (or LaTeX for 'tikz'). Pure: no I/O, no DOM. */
export function drawDiagram(model: Model, analysis: ModelAnalysis, options: DrawOptions): string {
  return drawDiagramReport(model, analysis, options).output;
}

/** Draws a JSON or YAML spec file's text; `file` names it in errors. */
export function drawSpec(
  text: string,
  file: string,
  options: { style: DiagramStyle } & Record<string, unknown>,
): DiagramReport {
  const d = parseSpec(text, file);
  const output = drawLayers(d, options.style, without(options, ['style']));
  return { output, warnings: d.warnings };
}
