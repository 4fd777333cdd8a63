// TF.js graph models: TF ops mapped for the analyzer (axis and paddings from constants, transposed MatMul), file order fixed, cycles kept.
import { analyze } from '@nnlens/analysis';
import { validate } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { openModel } from '../index.js';

const b64 = (s: string): string => btoa(s);
const ints = (xs: number[]): string =>
  btoa(String.fromCharCode(...new Uint8Array(Int32Array.from(xs).buffer)));
const shape = (...d: number[]) => ({ dim: d.map((size) => ({ size: String(size) })) });
const constInt = (name: string, xs: number[], dims: number[]) => ({
  name,
  op: 'Const',
  attr: {
    dtype: { type: 'DT_INT32' },
    value: { tensor: { dtype: 'DT_INT32', tensorShape: shape(...dims), tensorContent: ints(xs) } },
  },
});

function open(
  nodes: unknown[],
  weights: { name: string; shape: number[]; dtype: string }[] = [],
  shards = new Map<string, Uint8Array>(),
) {
  const json = {
    format: 'graph-model',
    modelTopology: { node: nodes },
    weightsManifest: [{ paths: ['w.bin'], weights }],
  };
  return openModel({
    name: 'model.json',
    bytes: new TextEncoder().encode(JSON.stringify(json)),
    sidecars: shards,
  });
}

describe('TF.js graph models', () => {
  it('maps Pad, ConcatV2 and a transposed MatMul, in any node order', () => {
    const model = open(
      [
        // Listed before its inputs: the importer sorts the nodes.
        { name: 'fc', op: 'MatMul', input: ['flat', 'w'], attr: { transpose_b: { b: true } } },
        {
          name: 'x',
          op: 'Placeholder',
          attr: { dtype: { type: 'DT_FLOAT' }, shape: { shape: shape(-1, 4, 4, 2) } },
        },
        constInt('paddings', [0, 0, 1, 1, 2, 0, 0, 0], [4, 2]),
        { name: 'pad', op: 'Pad', input: ['x', 'paddings'] },
        constInt('axis', [3], []),
        { name: 'cat', op: 'ConcatV2', input: ['pad', 'pad', 'axis'], attr: { N: { i: '2' } } },
        constInt('target', [-1, 144], [2]),
        { name: 'flat', op: 'Reshape', input: ['cat', 'target'] },
        { name: 'w', op: 'Const', attr: { dtype: { type: 'DT_FLOAT' } } },
        { name: 'out', op: 'Softmax', input: ['fc', '^pad'] },
      ],
      [{ name: 'w', shape: [10, 144], dtype: 'float32' }],
      new Map([['w.bin', new Uint8Array(5760)]]),
    );
    expect(validate(model)).toEqual([]);
    expect(model.graph.nodes.map((n) => `${n.name}:${n.op}`)).toEqual([
      'pad:Pad',
      'cat:Concat',
      'flat:Reshape',
      'fc:Gemm',
      'out:Softmax',
    ]);
    const a = analyze(model);
    expect(a.warnings).toEqual([]);
    expect(model.graph.values.get('pad')!.shape).toEqual(['batch', 6, 6, 2]);
    expect(model.graph.values.get('cat')!.shape).toEqual(['batch', 6, 6, 4]);
    expect(model.graph.outputs.map((v) => [v.name, v.shape])).toEqual([['out', ['batch', 10]]]);
    expect(a.totals.params).toBe(1440);
    expect(a.totals.macs).toBe(1440);
  });

  it('decodes base64 string attributes and keeps TF names of clashing ones', () => {
    const model = open([
      {
        name: 'x',
        op: 'Placeholder',
        attr: { dtype: { type: 'DT_FLOAT' }, shape: { shape: shape(1, 8, 8, 3) } },
      },
      {
        name: 'pool',
        op: 'MaxPool',
        input: ['x'],
        attr: {
          ksize: { list: { i: ['1', '2', '2', '1'] } },
          strides: { list: { i: ['1', '2', '2', '1'] } },
          padding: { s: b64('VALID') },
          data_format: { s: b64('NHWC') },
        },
      },
    ]);
    const pool = model.graph.nodes[0]!;
    const get = (n: string) => pool.attributes.find((a) => a.name === n);
    expect(get('padding')).toMatchObject({ kind: 'string', value: 'VALID' });
    expect(get('strides')).toMatchObject({ kind: 'ints', value: [2, 2] });
    expect(get('tf_strides')).toMatchObject({ kind: 'ints', value: [1, 2, 2, 1] });
    analyze(model);
    expect(model.graph.outputs[0]!.shape).toEqual([1, 4, 4, 3]);
  });

  it('nodes on a cycle (TF1 loops) are kept and reported', () => {
    const model = open([
      { name: 'a', op: 'Identity', input: ['b'] },
      { name: 'b', op: 'Identity', input: ['a'] },
    ]);
    expect(model.graph.nodes.length).toBe(2);
    expect(model.warnings.join()).toMatch(/2 node\(s\) are on a cycle/);
  });
});
