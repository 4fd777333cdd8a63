/** Which values of a graph are channels-last images ([N, H, W, C], from Keras/TF.js/TFLite nodes), for display and CAMs. */
import { getAttribute, type Graph, type Node } from '@nnlens/ir';
import type { HostTensor } from './host.js';

// Ops that keep the layout of their (first) data input.
const KEEP = new Set([
  'Relu',
  'Clip',
  'LeakyRelu',
  'PRelu',
  'Elu',
  'Selu',
  'Sigmoid',
  'HardSigmoid',
  'HardSwish',
  'Swish',
  'Tanh',
  'Softplus',
  'Softsign',
  'Gelu',
  'Mish',
  'Identity',
  'Dropout',
  'Add',
  'Sub',
  'Mul',
  'Div',
  'Sum',
  'Max',
  'Min',
  'Mean',
  'Concat',
  'BatchNormalization',
  'Pad',
  'Cast',
  'Neg',
  'Abs',
  'Exp',
]);

/**
 * Values that are channels-last: outputs of channels_last nodes, the graph inputs they read, and what keeps
 * their layout. Ranks are checked where the values are read (only 4-D ones are transposed).
 */
export function channelsLastValues(graph: Graph): Set<string> {
  const out = new Set<string>();
  const cl = (n: Node): boolean => {
    const a = getAttribute(n, 'channels_last');
    return !!a && a.kind === 'int' && a.value === 1;
  };
  for (const n of graph.nodes) {
    const data = n.inputs[0];
    if (cl(n)) {
      if (data && !data.producer) out.add(data.name);
      for (const v of n.outputs) if (v) out.add(v.name);
    } else if (KEEP.has(n.op) && data && out.has(data.name)) {
      for (const v of n.outputs) if (v) out.add(v.name);
    }
  }
  return out;
}

/** [N, H, W, C] data → [N, C, H, W]. */
export function nhwcToNchw(t: HostTensor): HostTensor {
  const [n, h, w, c] = t.shape as [number, number, number, number];
  const out = new Float32Array(t.data.length);
  for (let b = 0; b < n; b++)
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        for (let k = 0; k < c; k++)
          out[((b * c + k) * h + y) * w + x] = Number(t.data[((b * h + y) * w + x) * c + k]);
  return { dtype: 'float32', shape: [n, c, h, w], data: out };
}

/** [N, C, H, W] data → [N, H, W, C]. */
export function nchwToNhwc(t: HostTensor): HostTensor {
  const [n, c, h, w] = t.shape as [number, number, number, number];
  const out = new Float32Array(t.data.length);
  for (let b = 0; b < n; b++)
    for (let k = 0; k < c; k++)
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++)
          out[((b * h + y) * w + x) * c + k] = Number(t.data[((b * c + k) * h + y) * w + x]);
  return { dtype: 'float32', shape: [n, h, w, c], data: out };
}
