/** Keras merge layers (Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate, Dot) as IR ops. */
import { intAttr } from '../../layout-attrs.js';
import { mainNode, num, type LayerMapper } from '../layer-call.js';

function merge(op: string): LayerMapper {
  return { map: (call) => mainNode(call, op, call.inputs, []) };
}

/** Mappers of the merge layers by Keras class name. */
export const mergeLayers: Record<string, LayerMapper> = {
  Add: merge('Add'),
  Subtract: merge('Sub'),
  Multiply: merge('Mul'),
  Average: merge('Mean'),
  Maximum: merge('Max'),
  Minimum: merge('Min'),
  Concatenate: {
    map: (call) =>
      mainNode(call, 'Concat', call.inputs, [intAttr('axis', num(call.layer.config, 'axis', -1))]),
  },
  Dot: merge('MatMul'),
};
