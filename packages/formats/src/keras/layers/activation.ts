/** Keras activation names and activation layers (Activation, ReLU, LeakyReLU, PReLU, ELU, Softmax, …) as IR ops. */
import type { Attribute } from '@nnlens/ir';
import { floatAttr, intAttr } from '../../layout-attrs.js';
import { activationName, mainNode, num, type LayerMapper } from '../layer-call.js';

/** The IR op and attributes of a Keras activation function name. */
export function activationOp(name: string): { op: string; attrs: Attribute[] } {
  const table: Record<string, string> = {
    relu: 'Relu',
    sigmoid: 'Sigmoid',
    tanh: 'Tanh',
    softmax: 'Softmax',
    log_softmax: 'LogSoftmax',
    elu: 'Elu',
    selu: 'Selu',
    softplus: 'Softplus',
    softsign: 'Softsign',
    hard_sigmoid: 'HardSigmoid',
    exponential: 'Exp',
    swish: 'Swish',
    silu: 'Swish',
    gelu: 'Gelu',
    mish: 'Mish',
    leaky_relu: 'LeakyRelu',
    hard_swish: 'HardSwish',
    hard_silu: 'HardSwish',
    linear: 'Identity',
  };
  if (name === 'relu6') return { op: 'Clip', attrs: [floatAttr('min', 0), floatAttr('max', 6)] };
  const op = table[name] ?? 'Identity';
  return { op, attrs: op === 'Softmax' || op === 'LogSoftmax' ? [intAttr('axis', -1)] : [] };
}

const activation: LayerMapper = {
  map(call) {
    const name = activationName(call.layer.config['activation']);
    const { op, attrs } = activationOp(name);
    if (op === 'Identity' && name !== 'linear') {
      call.emit.warn(
        'activation',
        `${call.emit.label}: activation '${name}' of layer '${call.layer.name}' is not known; shown as Identity`,
      );
    }
    return mainNode(call, op, [call.inputs[0] ?? null], attrs);
  },
};

function simple(op: string, attrs: (cfg: Record<string, unknown>) => Attribute[] = () => []): LayerMapper {
  return { map: (call) => mainNode(call, op, [call.inputs[0] ?? null], attrs(call.layer.config)) };
}

const relu: LayerMapper = {
  map(call) {
    const cfg = call.layer.config;
    const slope = num(cfg, 'negative_slope', 0);
    if (slope !== 0)
      return mainNode(call, 'LeakyRelu', [call.inputs[0] ?? null], [floatAttr('alpha', slope)]);
    const max = cfg['max_value'];
    if (typeof max === 'number')
      return mainNode(call, 'Clip', [call.inputs[0] ?? null], [floatAttr('min', 0), floatAttr('max', max)]);
    return mainNode(call, 'Relu', [call.inputs[0] ?? null], []);
  },
};

const prelu: LayerMapper = {
  roles: () => ['alpha'],
  map(call) {
    const t = call.weights.take('alpha');
    return mainNode(call, 'PRelu', [call.inputs[0] ?? null, t ? call.emit.weight(t) : null], []);
  },
};

/** Mappers of the activation layers by Keras class name. */
export const activationLayers: Record<string, LayerMapper> = {
  Activation: activation,
  ReLU: relu,
  LeakyReLU: simple('LeakyRelu', (cfg) => [
    floatAttr('alpha', num(cfg, 'alpha', num(cfg, 'negative_slope', 0.3))),
  ]),
  PReLU: prelu,
  ELU: simple('Elu', (cfg) => [floatAttr('alpha', num(cfg, 'alpha', 1))]),
  ThresholdedReLU: simple('ThresholdedRelu', (cfg) => [floatAttr('alpha', num(cfg, 'theta', 1))]),
  Softmax: simple('Softmax', (cfg) => [
    intAttr('axis', Array.isArray(cfg['axis']) ? -1 : num(cfg, 'axis', -1)),
  ]),
};
