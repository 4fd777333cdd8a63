/** @nnlens/diagrams — publication figures of neural networks as SVG strings (and TikZ), DOM-free. */
export type { DiagramReport, DiagramStyle, DrawOptions } from './draw.js';
/** The style names: graph, lenet, alexnet, fcnn, layered, tikz. */
export { STYLES } from './draw.js';
/** Draws a model (shapes from analyze()) in a style; returns SVG, or LaTeX for 'tikz'. */
export { drawDiagram } from './draw.js';
/** drawDiagram plus the warnings met (branches left out, weights not loaded). */
export { drawDiagramReport } from './draw.js';
/** Draws a layer list (from extractLayers or parseSpec) in a style. */
export { drawLayers } from './draw.js';
/** Draws a JSON or YAML spec file's text in a style. */
export { drawSpec } from './draw.js';
export type { DenseWeights, Layer, LayerDiagram, LayerKind, RepeatSpan, Skip } from './layers/layer.js';
/** Every layer kind, in legend order. */
export { LAYER_KINDS } from './layers/layer.js';
export type { ExtractOptions } from './layers/extract.js';
/** The main path of a model (conv/pool/dense blocks), its skips and repeated blocks. */
export { extractLayers } from './layers/extract.js';
/** "6@28×28" / "1×120": the NN-SVG label of a layer's output shape. */
export { shapeLabel } from './layers/geometry.js';
/** Parses and validates a JSON or YAML spec into a layer list. */
export { parseSpec } from './spec/spec.js';
export type { SpecLocation } from './spec/spec-error.js';
/** A spec problem with its file, field path, line and column. */
export { SpecError } from './spec/spec-error.js';
/** A bad option value, naming the option and what was expected. */
export { DiagramOptionError } from './options.js';
export type { GraphOptions } from './graph/draw-graph.js';
export type { LenetOptions } from './styles/lenet.js';
export type { AlexnetOptions } from './styles/alexnet.js';
export type { FcnnOptions } from './styles/fcnn.js';
export type { LayeredOptions, SizingMode } from './styles/layered.js';
export type { TikzOptions } from './styles/tikz.js';
export type { CommonOptions } from './styles/common.js';
/** Fill colour of each layer kind. */
export { KIND_COLORS } from './styles/palette.js';
/** Width in px of a text in DejaVu Sans (the font the figures ask for). */
export { textWidth } from './svg/text.js';
/** The font stack written into every SVG. */
export { FONT_FAMILY } from './svg/text.js';
export type { OptionDef, OptionGroup, OptionValue, StyleName } from './schema/option-schema.js';
/** Every option of every style with its control, default and bounds (for UIs); also `@nnlens/diagrams/option-schema`. */
export { OPTION_SCHEMA, OPTION_GROUPS, STYLE_INFO, nestOptions, optionsOf } from './schema/option-schema.js';
