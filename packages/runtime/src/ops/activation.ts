/** Fused activations of other formats' nodes (Keras `activation`, TFLite `fused_activation_function`). */
import * as tf from '@tensorflow/tfjs';
import { getAttribute, type Node } from '@nnlens/ir';

const TABLE: Record<string, (x: tf.Tensor) => tf.Tensor> = {
  relu: (x) => tf.relu(x),
  relu6: (x) => tf.relu6(x),
  relu_n1_to_1: (x) => tf.clipByValue(x, -1, 1),
  sigmoid: (x) => tf.sigmoid(x),
  tanh: (x) => tf.tanh(x),
  softmax: (x) => tf.softmax(x),
  log_softmax: (x) => tf.logSoftmax(x),
  elu: (x) => tf.elu(x),
  selu: (x) => tf.selu(x),
  softplus: (x) => tf.softplus(x),
  softsign: (x) => tf.div(x, tf.add(tf.abs(x), 1)),
  swish: (x) => tf.mul(x, tf.sigmoid(x)),
  silu: (x) => tf.mul(x, tf.sigmoid(x)),
  gelu: (x) => tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1)),
  hard_sigmoid: (x) => tf.clipByValue(tf.add(tf.mul(x, 0.2), 0.5), 0, 1),
  hard_swish: (x) => tf.mul(x, tf.clipByValue(tf.add(tf.mul(x, 1 / 6), 0.5), 0, 1)),
  exponential: (x) => tf.exp(x),
  leaky_relu: (x) => tf.leakyRelu(x, 0.2),
  mish: (x) => tf.mul(x, tf.tanh(tf.softplus(x))),
};

/** The node's fused activation name (lower case), or null for none/linear. */
export function fusedActivation(node: Node): string | null {
  const a = getAttribute(node, 'activation');
  if (!a || a.kind !== 'string') return null;
  const name = a.value.toLowerCase();
  return name === 'linear' || name === 'none' || name === '' ? null : name;
}

/** Applies a fused activation by name; throws for names the runtime does not know. */
export function applyActivation(name: string, x: tf.Tensor): tf.Tensor {
  const f = TABLE[name];
  if (!f) throw new RangeError(`fused activation '${name}' is not supported`);
  return f(x);
}

/** Suffix of the value holding a node's output before its fused softmax (the logits). */
export const PRE_ACTIVATION = '#pre';
