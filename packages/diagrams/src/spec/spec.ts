/** parseSpec(): a hand-written JSON or YAML layer list → the layer list the styles draw. */
import type { LayerDiagram } from '../layers/layer.js';
import { parseSpecText } from './parse-spec.js';
import { specToDiagram } from './spec-layers.js';

/** Parses and validates a spec file's text; `file` names it in errors (its extension picks JSON or YAML). */
export function parseSpec(text: string, file = 'spec.yaml'): LayerDiagram {
  return specToDiagram(parseSpecText(text, file));
}
