/** Definitions of the tikz style options (PlotNeuralNet-like LaTeX). Bounds and defaults are the ones the style enforces (option-schema.test.ts). */
import { def, type OptionDef } from './option-def.js';

/** PlotNeuralNet-like LaTeX/TikZ document. */
export const TIKZ_OPTIONS: readonly OptionDef[] = [
  def.num(
    'layerSpacing',
    'Spacing, cm',
    'Layout',
    { default: 0.8, min: 0, max: 20, step: 0.1, sliderMax: 5 },
    'Gap between layers in cm.',
  ),
  def.num(
    'maxHeight',
    'Map height, cm',
    'Shapes',
    { default: 6, min: 0.5, max: 40, step: 0.5, sliderMax: 20 },
    'Height in cm of the largest feature map.',
  ),
  def.num(
    'opacity',
    'Opacity',
    'Shapes',
    { default: 0.85, min: 0, max: 1, step: 0.05 },
    'Opacity of the boxes.',
  ),
  def.bool('sumBalls', 'Sum balls', 'Shapes', true, 'A ⊕ ball after each layer with a residual add.'),
  def.bool('showShapes', 'Shapes', 'Labels', true, 'Channels under each box and H×W on its depth edge.'),
  def.bool('captions', 'Captions', 'Labels', true, 'Caption under each layer.'),
  def.num(
    'border',
    'Border, pt',
    'Figure',
    { default: 8, min: 0, max: 100, step: 1, sliderMax: 40 },
    'Border of the standalone document in pt.',
  ),
];
