/** Channels-last storage is invisible: every op gives the same result after a Conv (NHWC) as on a plain NCHW input. */
import { addInitializer, addNode, createGraph, createModel, ensureValue, type Attribute } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { Session } from '../session.js';
import { values } from './op-test.test-helper.js';

const C = 3;
const X = values(2 * C * 4 * 5, 9);

interface Extra {
  shape: number[];
  data: number[];
  dtype?: 'float32' | 'int64';
}

/** x → [Conv 1×1 identity →] op(·, extras…) → y; returns y. */
async function run(
  viaConv: boolean,
  op: string,
  extras: Extra[],
  attributes: Attribute[] = [],
): Promise<{ shape: number[]; data: number[] }> {
  const g = createGraph('t');
  const x = ensureValue(g, 'x', 'float32', [2, C, 4, 5]);
  g.inputs.push(x);
  let src = x;
  if (viaConv) {
    const eye = Array.from({ length: C * C }, (_, i) => (i % (C + 1) === 0 ? 1 : 0));
    const w = addInitializer(g, {
      name: 'w',
      dtype: 'float32',
      shape: [C, C, 1, 1],
      storage: { kind: 'values', values: eye },
    });
    src = ensureValue(g, 'c');
    addNode(g, {
      name: 'conv',
      op: 'Conv',
      inputs: [x, w],
      outputs: [src],
      attributes: [{ name: 'kernel_shape', kind: 'ints', value: [1, 1] }],
    });
  }
  const ins = extras.map((e, i) =>
    addInitializer(g, {
      name: `e${i}`,
      dtype: e.dtype ?? 'float32',
      shape: e.shape,
      storage: { kind: 'values', values: e.data },
    }),
  );
  const y = ensureValue(g, 'y');
  addNode(g, { name: 'op', op, inputs: [src, ...ins], outputs: [y], attributes });
  g.outputs.push(y);
  const s = await Session.create(createModel('onnx', g, { opsetImports: [{ domain: '', version: 13 }] }));
  const trace = s.run({ x: { dtype: 'float32', shape: [2, C, 4, 5], data: Float32Array.from(X) } });
  const out = trace.read('y');
  trace.dispose();
  s.dispose();
  return { shape: out.shape, data: Array.from(out.data, Number) };
}

const ints = (name: string, value: number[]): Attribute => ({ name, kind: 'ints', value });
const int = (name: string, value: number): Attribute => ({ name, kind: 'int', value });

const CASES: [string, string, Extra[], Attribute[]][] = [
  ['Add of a [C,1,1] bias', 'Add', [{ shape: [C, 1, 1], data: [1, 2, 3] }], []],
  ['Mul by a [1,C,1,1] scale', 'Mul', [{ shape: [1, C, 1, 1], data: [2, -1, 0.5] }], []],
  ['Add of a [W] row', 'Add', [{ shape: [5], data: [1, 2, 3, 4, 5] }], []],
  ['Concat along channels', 'Concat', [{ shape: [2, 1, 4, 5], data: values(40, 2) }], [int('axis', 1)]],
  ['Concat along width', 'Concat', [{ shape: [2, C, 4, 2], data: values(48, 4) }], [int('axis', -1)]],
  ['Transpose', 'Transpose', [], [ints('perm', [0, 2, 3, 1])]],
  ['Reshape', 'Reshape', [{ shape: [2], data: [2, -1], dtype: 'int64' }], []],
  ['Flatten', 'Flatten', [], []],
  ['Pad', 'Pad', [{ shape: [8], data: [0, 1, 0, 2, 0, 0, 1, 0], dtype: 'int64' }], []],
  ['Softmax over channels', 'Softmax', [], [int('axis', 1)]],
  [
    'Slice of rows',
    'Slice',
    [
      { shape: [1], data: [1], dtype: 'int64' },
      { shape: [1], data: [3], dtype: 'int64' },
      { shape: [1], data: [2], dtype: 'int64' },
    ],
    [],
  ],
  ['ReduceMean over H, W', 'ReduceMean', [], [ints('axes', [2, 3]), int('keepdims', 0)]],
  ['MaxPool', 'MaxPool', [], [ints('kernel_shape', [2, 2])]],
  ['GlobalAveragePool', 'GlobalAveragePool', [], []],
  ['Relu', 'Relu', [], []],
];

describe('NHWC storage after Conv is transparent', () => {
  for (const [name, op, extras, attrs] of CASES) {
    it(name, async () => {
      const plain = await run(false, op, extras, attrs);
      const after = await run(true, op, extras, attrs);
      expect(after.shape).toEqual(plain.shape);
      after.data.forEach((v, i) => expect(v).toBeCloseTo(plain.data[i]!, 5));
    });
  }
});
