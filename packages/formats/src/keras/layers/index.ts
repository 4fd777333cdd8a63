/** The table of Keras layer mappers by class name, and the fallback for classes without one. */
import { mainNode, type LayerMapper } from '../layer-call.js';
import { activationLayers } from './activation.js';
import { convLayers } from './conv.js';
import { coreLayers } from './core.js';
import { mergeLayers } from './merge.js';
import { normLayers } from './norm.js';
import { poolLayers } from './pool.js';
import { spatialLayers } from './spatial.js';

const table: Record<string, LayerMapper> = {
  ...coreLayers,
  ...convLayers,
  ...poolLayers,
  ...activationLayers,
  ...mergeLayers,
  ...normLayers,
  ...spatialLayers,
};

// Unmapped classes (recurrent layers, wrappers, Lambda…) keep their class name in the 'keras' domain and
// read all their weights, so the graph and the parameter count stay complete; their output shapes stay unknown.
const fallback: LayerMapper = {
  map(call) {
    call.emit.warn(
      `class:${call.layer.className}`,
      `${call.emit.label}: layer class '${call.layer.className}' ('${call.layer.name}') has no IR mapping: its output shape is unknown`,
    );
    return mainNode(call, call.layer.className, call.inputs, [], 'keras');
  },
};

/** The mapper of a Keras class name (the fallback when the class is not mapped). */
export function layerMapper(className: string): LayerMapper {
  return Object.hasOwn(table, className) ? table[className]! : fallback;
}

/** True when the class has a dedicated mapping. */
export function isMappedLayer(className: string): boolean {
  return Object.hasOwn(table, className);
}
