/** A small hand-built model for worker tests: input → Conv(3×3/2, 8) → Relu → Constant-fed Reshape → output. */
import { addInitializer, addNode, createGraph, createModel, ensureValue, type Model } from '@nnlens/ir';

/** Conv weights 8×3×3×3 of value i/10 as raw float32 bytes, so statistics are known. */
export function tinyModel(): Model {
  const g = createGraph('tiny');
  const x = ensureValue(g, 'x', 'float32', [1, 3, 8, 8]);
  g.inputs.push(x);
  const wData = new Float32Array(8 * 3 * 3 * 3).map((_, i) => i / 10);
  const w = addInitializer(g, {
    name: 'block/conv.weight',
    dtype: 'float32',
    shape: [8, 3, 3, 3],
    storage: { kind: 'raw', bytes: new Uint8Array(wData.buffer) },
  });
  const ext = addInitializer(g, {
    name: 'block/conv.bias',
    dtype: 'float32',
    shape: [8],
    storage: { kind: 'external', location: 'tiny.onnx.data', offset: 0, length: 32 },
  });
  const c = ensureValue(g, 'c');
  addNode(g, {
    name: '/block/conv/Conv',
    op: 'Conv',
    inputs: [x, w, ext],
    outputs: [c],
    attributes: [
      { name: 'kernel_shape', kind: 'ints', value: [3, 3] },
      { name: 'strides', kind: 'ints', value: [2, 2] },
    ],
  });
  const r = ensureValue(g, 'r');
  addNode(g, { name: '/block/relu/Relu', op: 'Relu', inputs: [c], outputs: [r] });
  const shape = ensureValue(g, 'shape');
  addNode(g, {
    name: '/Constant',
    op: 'Constant',
    inputs: [],
    outputs: [shape],
    attributes: [
      {
        name: 'value',
        kind: 'tensor',
        value: { name: 'shape', dtype: 'int64', shape: [2], storage: { kind: 'values', values: [1, -1] } },
      },
    ],
  });
  const y = ensureValue(g, 'y');
  addNode(g, { name: '/Reshape', op: 'Reshape', inputs: [r, shape], outputs: [y] });
  g.outputs.push(y);
  return createModel('onnx', g, { producer: 'test', opsetImports: [{ domain: '', version: 13 }] });
}
