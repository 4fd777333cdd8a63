/** Definitions of the graph style options (Keras plot_model / torchview / Netscope boxes). Bounds and defaults are the ones the style enforces (option-schema.test.ts). */
import { def, modelOnly, type OptionDef } from './option-def.js';

/** Keras plot_model / torchview / Netscope boxes. */
export const GRAPH_OPTIONS: readonly OptionDef[] = [
  def.choice('direction', 'Direction', 'Layout', ['TB', 'LR', 'BT', 'RL'], 'TB', 'Rank direction (rankdir).'),
  modelOnly(
    def.num(
      'depth',
      'Module depth',
      'Layout',
      { default: null, min: 0, integer: true, step: 1, sliderMax: 8 },
      'Module levels drawn open (torchview depth); automatic opens as many as fit in "Most boxes".',
    ),
  ),
  modelOnly(
    def.num(
      'maxNodes',
      'Most boxes',
      'Layout',
      { default: 60, min: 1, integer: true, step: 1, sliderMax: 400 },
      'Box budget of the automatic depth.',
    ),
  ),
  modelOnly(
    def.bool('rollRepeats', 'Roll up repeats', 'Layout', true, 'Draw a run of identical blocks once, "× n".'),
  ),
  modelOnly(def.bool('expandNested', 'Module frames', 'Layout', true, 'Draw open modules as dashed frames.')),
  modelOnly({
    key: 'layerRange',
    label: 'Layer range',
    group: 'Layout',
    help: 'The first and last layer drawn, as names or regular expressions (plot_model layer_range).',
    type: 'range',
    default: null,
  }),
  def.bool('showShapes', 'Shapes', 'Labels', true, 'Input and output shapes in each box.'),
  modelOnly(def.bool('showDtype', 'Data types', 'Labels', false, 'Element type of each output.')),
  def.bool('showLayerNames', 'Layer names', 'Labels', true, 'Layer name before the op.'),
  def.bool('showActivations', 'Activations', 'Labels', true, 'The folded activation after the op.'),
  def.bool('showParams', 'Parameters', 'Labels', false, 'Parameter count of each box.'),
  def.bool('edgeLabels', 'Edge labels', 'Edges', false, 'Netscope-style "C ch · H×W" on edges.'),
];
