/** Canonical layer type names: Caffe's own spelling for any case ('data', 'CROP', 'inner_product' as Netscope accepts them). */
import { INPUT_LAYERS } from './layers/data.js';
import { LAYER_MAPPERS } from './layers/index.js';
import { V1_TYPE_NAMES } from './schema.js';

const CANONICAL = new Map<string, string>();
for (const t of [...Object.keys(LAYER_MAPPERS), ...INPUT_LAYERS, 'Split', ...Object.values(V1_TYPE_NAMES)]) {
  CANONICAL.set(t.toLowerCase(), t);
}
for (const [v1, t] of Object.entries(V1_TYPE_NAMES)) CANONICAL.set(v1.toLowerCase(), t);

/** The canonical spelling of a known type (case-insensitive), else the type unchanged. */
export function canonicalType(type: string): string {
  return CANONICAL.get(type.toLowerCase()) ?? type;
}
