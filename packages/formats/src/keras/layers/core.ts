/** Keras core layers: Dense, Embedding, Flatten, Reshape, Permute, Dropout-like and pass-through layers. */
import { floatAttr, intAttr, intsAttr, stringAttr } from '../../layout-attrs.js';
import { activationName, bool, mainNode, num, weightInput, type LayerMapper } from '../layer-call.js';

const dense: LayerMapper = {
  roles: (cfg) => (bool(cfg, 'use_bias', true) ? ['kernel', 'bias'] : ['kernel']),
  // A kernel [in, units] on the last axis, like numpy matmul; the bias rides along as a third input.
  map(call) {
    const act = activationName(call.layer.config['activation']);
    const attrs = act === 'linear' ? [] : [stringAttr('activation', act)];
    return mainNode(
      call,
      'MatMul',
      [call.inputs[0] ?? null, weightInput(call, 'kernel'), weightInput(call, 'bias')],
      attrs,
    );
  },
};

const embedding: LayerMapper = {
  roles: () => ['embeddings'],
  map: (call) =>
    mainNode(call, 'Gather', [weightInput(call, 'embeddings'), call.inputs[0] ?? null], [intAttr('axis', 0)]),
};

function ints(v: unknown): number[] | null {
  return Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isInteger(x))
    ? (v as number[])
    : null;
}

const reshape: LayerMapper = {
  map(call) {
    const target = ints(call.layer.config['target_shape']);
    // 0 keeps the batch dim; Keras' target shape leaves it out.
    const attrs = target ? [intsAttr('shape', [0, ...target])] : [];
    return mainNode(call, 'Reshape', [call.inputs[0] ?? null], attrs);
  },
};

const permute: LayerMapper = {
  map(call) {
    const dims = ints(call.layer.config['dims']);
    return mainNode(
      call,
      'Transpose',
      [call.inputs[0] ?? null],
      dims ? [intsAttr('perm', [0, ...dims])] : [],
    );
  },
};

const dropout: LayerMapper = {
  map: (call) =>
    mainNode(
      call,
      'Dropout',
      [call.inputs[0] ?? null],
      [floatAttr('ratio', num(call.layer.config, 'rate', num(call.layer.config, 'p', 0.5)))],
    ),
};

const identity: LayerMapper = { map: (call) => mainNode(call, 'Identity', [call.inputs[0] ?? null], []) };

const flatten: LayerMapper = {
  map: (call) => mainNode(call, 'Flatten', [call.inputs[0] ?? null], [intAttr('axis', 1)]),
};

/** Mappers of the core layers by Keras class name. */
export const coreLayers: Record<string, LayerMapper> = {
  Dense: dense,
  Embedding: embedding,
  Flatten: flatten,
  Reshape: reshape,
  Permute: permute,
  Dropout: dropout,
  SpatialDropout1D: dropout,
  SpatialDropout2D: dropout,
  SpatialDropout3D: dropout,
  AlphaDropout: dropout,
  GaussianDropout: dropout,
  GaussianNoise: identity,
  ActivityRegularization: identity,
  Masking: identity,
  Identity: identity,
  Rescaling: identity,
  Normalization: identity,
};
