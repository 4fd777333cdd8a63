// Hand-built ONNX files for what the corpus lacks: packed float_data, float16 bits, sparse, functions, every attribute kind.
import { tensorValues, type Attribute, type Model, type Tensor } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { ModelFormatError, onnxFormat, openModel } from '../index.js';
import { modelProto, nodeProto, tensorProto, valueInfo } from './onnx-builders.test-helper.js';
import {
  cat,
  f32,
  floatBytes,
  lenField,
  msg,
  packedFloats,
  packedVarints,
  str,
  vint,
} from './proto-writer.test-helper.js';

const FLOAT = 1;
const INT64 = 7;
const FLOAT16 = 10;

function open(bytes: Uint8Array, name = 'test.onnx'): Model {
  return openModel({ name, bytes });
}

function nums(t: Tensor): number[] {
  return Array.from(tensorValues(t) as ArrayLike<number>);
}

function attr(model: Model, name: string): Attribute {
  return model.graph.nodes[0]!.attributes.find((a) => a.name === name)!;
}

describe('tensor payloads', () => {
  it('packed float_data stays a view into the input bytes', () => {
    const bytes = modelProto(msg(5, tensorProto('w', FLOAT, [2, 2], packedFloats(4, [1, -2, 3.5, 4]))));
    const t = open(bytes).graph.initializers.get('w')!;
    expect(t.storage.kind).toBe('raw');
    if (t.storage.kind !== 'raw') return;
    expect(t.storage.bytes.buffer).toBe(bytes.buffer);
    expect(nums(t)).toEqual([1, -2, 3.5, 4]);
  });

  it('raw_data stays a view; int32_data float16 bit patterns decode to floats', () => {
    const bytes = modelProto(
      cat(
        msg(5, tensorProto('r', FLOAT, [2], lenField(9, floatBytes([0.5, 7])))),
        msg(5, tensorProto('h', FLOAT16, [3], packedVarints(5, [0x3c00, 0xc000, 0x3800]))),
      ),
    );
    const g = open(bytes).graph;
    const r = g.initializers.get('r')!;
    expect(r.storage.kind === 'raw' && r.storage.bytes.buffer === bytes.buffer).toBe(true);
    expect(nums(r)).toEqual([0.5, 7]);
    expect(nums(g.initializers.get('h')!)).toEqual([1, -2, 0.5]);
  });

  it('int64_data keeps negative values; unpacked float_data is read too', () => {
    const bytes = modelProto(
      cat(
        msg(5, tensorProto('i', INT64, [3], packedVarints(7, [-1, 5, -9007199254740991n]))),
        msg(5, tensorProto('f', FLOAT, [2], f32(4, 1.5), f32(4, -3))),
      ),
    );
    const g = open(bytes).graph;
    expect(tensorValues(g.initializers.get('i')!)).toEqual([-1, 5, -9007199254740991]);
    expect(nums(g.initializers.get('f')!)).toEqual([1.5, -3]);
  });

  it('dims that disagree with the stored bytes: model kept, warning names the tensor', () => {
    const model = open(modelProto(msg(5, tensorProto('w', FLOAT, [4], lenField(9, floatBytes([1, 2, 3]))))));
    expect(model.graph.initializers.get('w')!.shape).toEqual([4]);
    expect(model.warnings).toEqual(["ONNX: tensor 'w' declares dims [4] (4 × float32) but stores 12 bytes"]);
  });

  it('external data keys become an external storage', () => {
    const ext = (k: string, v: string): Uint8Array => msg(13, str(1, k), str(2, v));
    const t = tensorProto(
      'w',
      FLOAT,
      [8],
      ext('location', 'w.bin'),
      ext('offset', '64'),
      ext('length', '32'),
      vint(14, 1),
    );
    const model = open(modelProto(msg(5, t)));
    expect(model.graph.initializers.get('w')!.storage).toEqual({
      kind: 'external',
      location: 'w.bin',
      offset: 64,
      length: 32,
    });
  });

  it('a sparse initializer is expanded (linear and coordinate indices)', () => {
    const values = tensorProto('s', FLOAT, [2], packedFloats(4, [5, 6]));
    const linear = msg(
      15,
      msg(1, values),
      msg(2, tensorProto('', INT64, [2], packedVarints(7, [1, 3]))),
      packedVarints(3, [2, 2]),
    );
    const coords = msg(
      15,
      msg(1, tensorProto('c', FLOAT, [1], packedFloats(4, [9]))),
      msg(2, tensorProto('', INT64, [1, 2], packedVarints(7, [1, 0]))),
      packedVarints(3, [2, 2]),
    );
    const g = open(modelProto(cat(linear, coords))).graph;
    expect(nums(g.initializers.get('s')!)).toEqual([0, 5, 0, 6]);
    expect(nums(g.initializers.get('c')!)).toEqual([0, 0, 9, 0]);
  });
});

describe('graph structure', () => {
  it('dims: dim_value → number, dim_param → name, neither → null; no shape → unknown rank', () => {
    const graph = cat(
      msg(11, valueInfo('x', FLOAT, ['batch', 3, null])),
      msg(11, valueInfo('y', FLOAT, null)),
      msg(1, nodeProto('Add', ['x', 'y'], ['z'])),
      msg(12, valueInfo('z', FLOAT, ['batch', 3, 4])),
      msg(13, valueInfo('unused', INT64, [1])),
    );
    const g = open(modelProto(graph)).graph;
    expect(g.inputs.map((v) => [v.name, v.dtype, v.shape])).toEqual([
      ['x', 'float32', ['batch', 3, null]],
      ['y', 'float32', null],
    ]);
    expect(g.outputs[0]).toMatchObject({ name: 'z', shape: ['batch', 3, 4], shapeSource: 'file' });
  });

  it('initializers listed as inputs (IR < 4) stay initializers only', () => {
    const graph = cat(
      msg(5, tensorProto('w', FLOAT, [1], packedFloats(4, [2]))),
      msg(11, valueInfo('x', FLOAT, [1])),
      msg(11, valueInfo('w', FLOAT, [1])),
      msg(1, nodeProto('Mul', ['x', 'w'], ['y'], 'mul')),
      msg(12, valueInfo('y', FLOAT, [1])),
    );
    const g = open(modelProto(graph)).graph;
    expect(g.inputs.map((v) => v.name)).toEqual(['x']);
    expect(g.values.get('w')!.initializer).toBe(g.initializers.get('w'));
    expect(g.nodes[0]!.inputs[1]).toBe(g.values.get('w'));
  });

  it('empty node names get unique generated names; file names are kept', () => {
    const graph = cat(
      msg(11, valueInfo('x', FLOAT, [1])),
      msg(1, nodeProto('Relu', ['x'], ['a'])),
      msg(1, nodeProto('Relu', ['a'], ['b'], 'Relu_0')),
      msg(1, nodeProto('Relu', ['b'], ['c'])),
      msg(1, nodeProto('Relu', ['c'], ['d'], 'keep me')),
    );
    const names = open(modelProto(graph)).graph.nodes.map((n) => n.name);
    expect(names).toEqual(['Relu_0_1', 'Relu_0', 'Relu_2', 'keep me']);
  });

  it('omitted optional inputs are null; metadata and docs are kept', () => {
    const graph = cat(
      msg(11, valueInfo('x', FLOAT, [1])),
      msg(1, nodeProto('Clip', ['x', '', 'x'], ['y'])),
      str(10, 'graph doc'),
    );
    const extra = cat(
      str(4, 'org.test'),
      vint(5, 3),
      str(6, 'model doc'),
      msg(14, str(1, 'author'), str(2, 'me')),
    );
    const model = open(modelProto(graph, extra));
    expect(model.graph.nodes[0]!.inputs.map((v) => v?.name ?? null)).toEqual(['x', null, 'x']);
    expect(model.graph.values.get('x')!.consumers).toHaveLength(2);
    expect([model.domain, model.modelVersion, model.docString, model.graph.docString]).toEqual([
      'org.test',
      3,
      'model doc',
      'graph doc',
    ]);
    expect(model.metadata).toEqual({ author: 'me' });
    expect(model.opsetImports).toEqual([{ domain: '', version: 17 }]);
    expect(model.formatVersion).toBe('ONNX v8');
  });

  it('model-local functions become FunctionDefs with a body graph', () => {
    const fn = cat(
      str(1, 'Twice'),
      str(4, 'a'),
      str(5, 'b'),
      str(6, 'alpha'),
      msg(7, nodeProto('Add', ['a', 'a'], ['b'])),
      msg(9, str(1, ''), vint(2, 17)),
      str(10, 'custom'),
    );
    const graph = cat(
      msg(11, valueInfo('x', FLOAT, [1])),
      msg(1, cat(nodeProto('Twice', ['x'], ['y']), str(7, 'custom'))),
    );
    const model = open(modelProto(graph, msg(25, fn)));
    expect(model.graph.nodes[0]!.domain).toBe('custom');
    const f = model.functions[0]!;
    expect([f.name, f.domain, f.inputs, f.outputs, f.attributes]).toEqual([
      'Twice',
      'custom',
      ['a'],
      ['b'],
      ['alpha'],
    ]);
    expect(f.body.nodes.map((n) => n.op)).toEqual(['Add']);
    expect(f.body.inputs.map((v) => v.name)).toEqual(['a']);
  });
});

describe('attributes', () => {
  const sub = cat(
    str(2, 'body'),
    msg(1, nodeProto('Identity', ['x'], ['o'])),
    msg(12, valueInfo('o', FLOAT, [1])),
  );
  const a = (...parts: Uint8Array[]): Uint8Array => msg(5, ...parts);
  const attrs = [
    a(str(1, 'f'), f32(2, 0.25), vint(20, 1)),
    a(str(1, 'i'), vint(3, -3), vint(20, 2)),
    a(str(1, 's'), str(4, 'hello'), vint(20, 3)),
    a(str(1, 't'), msg(5, tensorProto('tv', FLOAT, [1], packedFloats(4, [2]))), vint(20, 4)),
    a(str(1, 'g'), msg(6, sub), vint(20, 5)),
    a(str(1, 'fs'), packedFloats(7, [1, 2]), vint(20, 6)),
    a(str(1, 'is'), packedVarints(8, [1, -1]), vint(20, 7)),
    a(str(1, 'ss'), str(9, 'a'), str(9, 'b'), vint(20, 8)),
    a(str(1, 'ts'), msg(10, tensorProto('t0', FLOAT, [1], packedFloats(4, [1]))), vint(20, 9)),
    a(str(1, 'gs'), msg(11, sub), msg(11, sub), vint(20, 10)),
    a(str(1, 'tp'), msg(14, msg(4, msg(1, msg(1, vint(1, INT64))))), vint(20, 13)),
    a(str(1, 'tps'), msg(15, msg(5, vint(1, 8), msg(2, msg(1, vint(1, FLOAT))))), vint(20, 14)),
    a(str(1, 'ref'), str(21, 'outer_attr'), vint(20, 2)),
    a(str(1, 'old_int'), vint(3, 7)),
    a(str(1, 'old_floats'), packedFloats(7, [0.5])),
    a(str(1, 'doc'), vint(3, 1), vint(20, 2), str(13, 'why')),
  ];
  const graph = cat(
    msg(11, valueInfo('x', FLOAT, [1])),
    msg(1, nodeProto('Custom', ['x'], ['y'], 'n', ...attrs)),
  );
  const model = open(modelProto(graph));

  it('every kind maps to its IR form', () => {
    expect(attr(model, 'f')).toEqual({ name: 'f', kind: 'float', value: 0.25 });
    expect(attr(model, 'i')).toEqual({ name: 'i', kind: 'int', value: -3 });
    expect(attr(model, 's')).toEqual({ name: 's', kind: 'string', value: 'hello' });
    expect(attr(model, 'fs')).toEqual({ name: 'fs', kind: 'floats', value: [1, 2] });
    expect(attr(model, 'is')).toEqual({ name: 'is', kind: 'ints', value: [1, -1] });
    expect(attr(model, 'ss')).toEqual({ name: 'ss', kind: 'strings', value: ['a', 'b'] });
    expect(attr(model, 'tp')).toEqual({ name: 'tp', kind: 'type', value: 'seq(tensor(int64))' });
    expect(attr(model, 'tps')).toEqual({ name: 'tps', kind: 'types', value: ['map(string,tensor(float))'] });
    expect(attr(model, 'ref')).toEqual({ name: 'ref', kind: 'ref', value: 'outer_attr' });
    expect(attr(model, 'old_int')).toEqual({ name: 'old_int', kind: 'int', value: 7 });
    expect(attr(model, 'old_floats')).toEqual({ name: 'old_floats', kind: 'floats', value: [0.5] });
    expect(attr(model, 'doc').docString).toBe('why');
    const t = attr(model, 't');
    expect(t.kind === 'tensor' && nums(t.value)).toEqual([2]);
    const ts = attr(model, 'ts');
    expect(ts.kind === 'tensors' && ts.value.map((x) => x.name)).toEqual(['t0']);
  });

  it('graph attributes are subgraphs owned by the node that read outer values', () => {
    const node = model.graph.nodes[0]!;
    const g = attr(model, 'g');
    const gs = attr(model, 'gs');
    expect(g.kind).toBe('graph');
    expect(gs.kind === 'graphs' && gs.value.length).toBe(2);
    if (g.kind !== 'graph') return;
    expect(g.value.owner).toEqual({ node, attribute: 'g' });
    expect(g.value.nodes[0]!.inputs[0]).toBe(model.graph.values.get('x'));
  });
});

describe('sniffing and bad input', () => {
  it('match(): .onnx extension or ModelProto-looking bytes; not PNG or text', () => {
    const bytes = modelProto(msg(11, valueInfo('x', FLOAT, [1])));
    expect(onnxFormat.match({ name: 'a.onnx', bytes })).toBeGreaterThan(
      onnxFormat.match({ name: 'a.bin', bytes }),
    );
    expect(onnxFormat.match({ name: 'model', bytes })).toBeGreaterThan(0);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(onnxFormat.match({ name: 'x.png', bytes: png })).toBe(0);
    expect(
      onnxFormat.match({ name: 'x.txt', bytes: new TextEncoder().encode('hello world, not a model') }),
    ).toBe(0);
  });

  it('unknown files and graph-less protobufs give ModelFormatError', () => {
    const text = new TextEncoder().encode('hello world');
    expect(() => open(text, 'notes.txt')).toThrow(ModelFormatError);
    try {
      open(text, 'notes.txt');
    } catch (e) {
      expect((e as ModelFormatError).format).toBe('unknown');
    }
    expect(() => open(vint(1, 7), 'empty.onnx')).toThrow(/has no graph/);
    expect(() => open(new Uint8Array(0), 'zero.onnx')).toThrow(ModelFormatError);
  });
});
