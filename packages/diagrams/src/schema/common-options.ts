/** Definitions of the options every style shares, and of the layer extraction options of the layer styles. */
import { LAYER_KINDS } from '../layers/layer.js';
import { KIND_COLORS, KIND_NAMES } from '../styles/palette.js';
import { def, modelOnly, type OptionDef } from './option-def.js';

/** title, fontSize, background, legend, skips, idPrefix and one colour per layer kind. */
export const COMMON_OPTIONS: readonly OptionDef[] = [
  {
    key: 'title',
    label: 'Title',
    group: 'Figure',
    help: 'Drawn above the figure.',
    type: 'text',
    default: '',
    placeholder: 'none',
  },
  def.num(
    'fontSize',
    'Font size',
    'Figure',
    { default: 12, min: 6, max: 48, step: 1 },
    'Base font size in px.',
  ),
  {
    key: 'background',
    label: 'Background',
    group: 'Figure',
    help: "Background fill; 'none' gives a transparent figure.",
    type: 'color',
    default: 'white',
    allowNone: true,
  },
  def.bool('legend', 'Legend', 'Figure', true, 'Legend of layer kinds and skip kinds.'),
  def.bool('skips', 'Skip connections', 'Figure', true, 'Draw residual and concat skip connections.'),
  {
    key: 'idPrefix',
    label: 'Id prefix',
    group: 'Figure',
    help: 'Prefix of the SVG ids, to keep several figures in one HTML page apart.',
    type: 'text',
    default: 'nn',
  },
  ...LAYER_KINDS.map((k) =>
    def.color(`colors.${k}`, KIND_NAMES[k], 'Colours', KIND_COLORS[k], `Fill of ${KIND_NAMES[k]} layers.`),
  ),
];

/** depth, maxLayers, rollRepeats: how a model becomes the layer list of the lenet/alexnet/fcnn/layered/tikz styles. */
export const EXTRACT_OPTIONS: readonly OptionDef[] = [
  def.num(
    'depth',
    'Module depth',
    'Layers',
    { default: null, min: 0, integer: true, step: 1, sliderMax: 8 },
    'Deepest module level drawn layer by layer; deeper modules become one block each. Automatic: the deepest that keeps at most "Most layers".',
  ),
  def.num(
    'maxLayers',
    'Most layers',
    'Layers',
    { default: 40, min: 1, integer: true, step: 1, sliderMax: 200 },
    'The automatic depth keeps at most this many layers.',
  ),
  def.bool('rollRepeats', 'Roll up repeats', 'Layers', true, 'Draw a run of identical blocks once, "× n".'),
].map(modelOnly);
