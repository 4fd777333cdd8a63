/** drawDiagram(): one pure entry point from a model (or a layer list) to a figure, for the CLI and a Web Worker. */
import type { ModelAnalysis } from '@nnlens/analysis';
import type { Model } from '@nnlens/ir';
import { extractLayers, type ExtractOptions } from './layers/extract.js';
import type { LayerDiagram } from './layers/layer.js';
import { drawGraph, type GraphOptions } from './graph/draw-graph.js';
import { keyword } from './options.js';
import { drawAlexnet } from './styles/alexnet.js';
import { drawFcnn } from './styles/fcnn.js';
import { drawLayered } from './styles/layered.js';
import { drawTikz } from './styles/tikz.js';
import { drawLenet, type LenetOptions } from './styles/lenet.js';

/** The figure styles. */
export const STYLES = ['graph', 'lenet', 'alexnet', 'fcnn', 'layered', 'tikz'] as const;

/** One of STYLES. */
export type DiagramStyle = (typeof STYLES)[number];

/** Options of drawDiagram: the style, how layers are extracted, and the style's own options. */
export type DrawOptions = { style: DiagramStyle } & ExtractOptions & LenetOptions;

function splitExtract(o: Record<string, unknown>): {
  extract: ExtractOptions;
  rest: Record<string, unknown>;
} {
  const { depth, maxLayers, rollRepeats, ...withStyle } = o;
  const rest = { ...withStyle };
  delete rest.style;
  const extract: ExtractOptions = {};
  if (depth !== undefined) extract.depth = depth as number;
  if (maxLayers !== undefined) extract.maxLayers = maxLayers as number;
  if (rollRepeats !== undefined) extract.rollRepeats = rollRepeats as boolean;
  return { extract, rest };
}

/** Draws a layer list (from extractLayers or a spec file) in a publication style. */
export function drawLayers(
  d: LayerDiagram,
  style: DiagramStyle,
  options: Record<string, unknown> = {},
): string {
  switch (style) {
    case 'lenet':
      return drawLenet(d, options as LenetOptions);
    case 'alexnet':
      return drawAlexnet(d, options);
    case 'fcnn':
      return drawFcnn(d, options);
    case 'layered':
      return drawLayered(d, options);
    case 'tikz':
      return drawTikz(d, options);
    default:
      throw new Error(`style ${style} not implemented yet`);
  }
}

/** Draws a model whose shapes `analysis` inferred; returns SVG (or TeX for 'tikz'). Pure: no I/O, no DOM. */
export function drawDiagram(model: Model, analysis: ModelAnalysis, options: DrawOptions): string {
  const style = keyword(options.style, 'style', STYLES, 'lenet');
  if (style === 'graph') {
    const rest: Record<string, unknown> = { ...options };
    delete rest.style;
    return drawGraph(model, analysis, rest as GraphOptions);
  }
  const { extract, rest } = splitExtract(options as unknown as Record<string, unknown>);
  return drawLayers(extractLayers(model, analysis, extract), style, rest);
}
