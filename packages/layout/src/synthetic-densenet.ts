/** A DenseNet-like model of any size, named like a PyTorch ≥ 1.13 export, for benchmarks and tests. */
import {
  type Attribute,
  addInitializer,
  addNode,
  createGraph,
  createModel,
  ensureValue,
  type Graph,
  type Model,
  type Value,
} from '@nnlens/ir';

const GROWTH = 32;
const BLOCKS = [6, 12, 24, 16]; // DenseNet-121's block sizes, cycled for bigger graphs

interface Builder {
  graph: Graph;
  count: number;
}

function weight(b: Builder, name: string, shape: number[]): Value {
  return addInitializer(b.graph, { name, dtype: 'float32', shape, storage: { kind: 'none' } });
}

/** Adds `/scope/op` reading `inputs` (+ weights named after the scope, PyTorch style). */
function op(
  b: Builder,
  scope: string,
  opType: string,
  inputs: Value[],
  weights: [string, number[]][] = [],
  attributes: Attribute[] = [],
): Value {
  const name = scope ? `/${scope}/${opType}` : `/${opType}`;
  const out = ensureValue(b.graph, `${name}_output_0`, 'float32'); // shapes are left to the analyzer
  const module = scope.split('/').join('.');
  const ws = weights.map(([w, shape]) => weight(b, `${module}.${w}`, shape));
  addNode(b.graph, { name, op: opType, inputs: [...inputs, ...ws], outputs: [out], attributes });
  b.count++;
  return out;
}

const ints = (name: string, value: number[]): Attribute => ({ name, kind: 'ints', value });
/** Attributes of a square k×k window with stride s and symmetric padding p. */
const windowAttrs = (k: number, s: number, p: number): Attribute[] => [
  ints('kernel_shape', [k, k]),
  ints('strides', [s, s]),
  ints('pads', [p, p, p, p]),
];
const AXIS1: Attribute[] = [{ name: 'axis', kind: 'int', value: 1 }];

function bn(b: Builder, scope: string, x: Value, c: number): Value {
  return op(
    b,
    scope,
    'BatchNormalization',
    [x],
    [
      ['weight', [c]],
      ['bias', [c]],
      ['running_mean', [c]],
      ['running_var', [c]],
    ],
  );
}

/**
 * About `nodeCount` nodes: a stem, dense blocks (each layer = Concat of every earlier feature
 * map in the block, then BN-Relu-Conv1x1-BN-Relu-Conv3x3), transitions, and a classifier.
 */
export function makeSyntheticDenseNet(nodeCount: number): Model {
  const graph = createGraph('synthetic_densenet');
  const b: Builder = { graph, count: 0 };
  const input = ensureValue(graph, 'input', 'float32', [1, 3, 224, 224]);
  input.shapeSource = 'file';
  graph.inputs.push(input);
  let x = op(b, 'features/conv0', 'Conv', [input], [['weight', [64, 3, 7, 7]]], windowAttrs(7, 2, 3));
  x = bn(b, 'features/norm0', x, 64);
  x = op(b, 'features/relu0', 'Relu', [x]);
  x = op(b, 'features/pool0', 'MaxPool', [x], [], windowAttrs(3, 2, 1));
  let side = 56; // spatial size after the stem
  let c = 64;
  const tail = 5;
  for (let blk = 1; b.count + tail + 9 <= nodeCount; blk++) {
    const size = BLOCKS[(blk - 1) % BLOCKS.length]!;
    const feats: Value[] = [x];
    const cIn = c;
    for (let l = 1; l <= size && b.count + tail + 8 <= nodeCount; l++) {
      const s = `features/denseblock${blk}/denselayer${l}`;
      const ci = cIn + (l - 1) * GROWTH;
      let y = op(b, s, 'Concat', feats.slice(), [], AXIS1);
      y = bn(b, `${s}/norm1`, y, ci);
      y = op(b, `${s}/relu1`, 'Relu', [y]);
      y = op(b, `${s}/conv1`, 'Conv', [y], [['weight', [128, ci, 1, 1]]], windowAttrs(1, 1, 0));
      y = bn(b, `${s}/norm2`, y, 128);
      y = op(b, `${s}/relu2`, 'Relu', [y]);
      y = op(b, `${s}/conv2`, 'Conv', [y], [['weight', [GROWTH, 128, 3, 3]]], windowAttrs(3, 1, 1));
      feats.push(y);
    }
    c = cIn + (feats.length - 1) * GROWTH;
    x = op(b, `features/denseblock${blk}`, 'Concat', feats, [], AXIS1);
    if (b.count + tail + 4 + 9 > nodeCount) break;
    const t = `features/transition${blk}`;
    x = bn(b, `${t}/norm`, x, c);
    x = op(b, `${t}/relu`, 'Relu', [x]);
    x = op(b, `${t}/conv`, 'Conv', [x], [['weight', [c >> 1, c, 1, 1]]], windowAttrs(1, 1, 0));
    c >>= 1;
    // Big graphs cycle DenseNet-121's blocks many times: stop halving before the maps vanish.
    const k = side > 7 ? 2 : 1;
    side = Math.floor(side / k);
    x = op(b, `${t}/pool`, 'AveragePool', [x], [], windowAttrs(k, k, 0));
  }
  x = bn(b, 'features/norm5', x, c);
  x = op(b, '', 'Relu', [x]);
  x = op(b, '', 'GlobalAveragePool', [x]);
  x = op(b, '', 'Flatten', [x]);
  x = op(
    b,
    'classifier',
    'Gemm',
    [x],
    [
      ['weight', [1000, c]],
      ['bias', [1000]],
    ],
    [{ name: 'transB', kind: 'int', value: 1 }],
  );
  const output = ensureValue(graph, 'output', 'float32', [1, 1000]);
  // Rename the classifier's output to the conventional graph output name.
  const gemm = x.producer!;
  gemm.outputs[0] = output;
  output.producer = gemm;
  graph.values.delete(x.name);
  graph.outputs.push(output);
  return createModel('onnx', graph, { producer: 'nnlens synthetic', formatVersion: 'synthetic' });
}
