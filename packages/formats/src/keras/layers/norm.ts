/** Keras normalisation layers (BatchNormalization, LayerNormalization) as IR ops, channels-last when the axis is last. */
import type { Attribute } from '@nnlens/ir';
import { channelsLastAttr, floatAttr, intAttr } from '../../layout-attrs.js';
import { bool, mainNode, num, weightInput, type LayerMapper } from '../layer-call.js';

function axisOf(cfg: Record<string, unknown>): number {
  const a = cfg['axis'];
  if (Array.isArray(a) && a.length === 1 && typeof a[0] === 'number') return a[0];
  return typeof a === 'number' ? a : -1;
}

const batchNorm: LayerMapper = {
  roles: (cfg) => [
    ...(bool(cfg, 'scale', true) ? ['gamma'] : []),
    ...(bool(cfg, 'center', true) ? ['beta'] : []),
    'moving_mean',
    'moving_variance',
  ],
  map(call) {
    const cfg = call.layer.config;
    const attrs: Attribute[] = [
      floatAttr('epsilon', num(cfg, 'epsilon', 1e-3)),
      floatAttr('momentum', num(cfg, 'momentum', 0.99)),
    ];
    // Keras normalises the given axis: the last one (-1, or 3 for images) means channels-last.
    if (axisOf(cfg) !== 1) attrs.push(channelsLastAttr());
    const inputs = ['gamma', 'beta', 'moving_mean', 'moving_variance'].map((r) => weightInput(call, r));
    return mainNode(call, 'BatchNormalization', [call.inputs[0] ?? null, ...inputs], attrs);
  },
};

const layerNorm: LayerMapper = {
  roles: (cfg) => [
    ...(bool(cfg, 'scale', true) ? ['gamma'] : []),
    ...(bool(cfg, 'center', true) ? ['beta'] : []),
  ],
  map(call) {
    const cfg = call.layer.config;
    const attrs = [intAttr('axis', axisOf(cfg)), floatAttr('epsilon', num(cfg, 'epsilon', 1e-3))];
    return mainNode(
      call,
      'LayerNormalization',
      [call.inputs[0] ?? null, weightInput(call, 'gamma'), weightInput(call, 'beta')],
      attrs,
    );
  },
};

/** Mappers of the normalisation layers by Keras class name. */
export const normLayers: Record<string, LayerMapper> = {
  BatchNormalization: batchNorm,
  LayerNormalization: layerNorm,
};
