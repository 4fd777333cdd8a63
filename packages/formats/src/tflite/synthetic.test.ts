// TFLite cases the corpus lacks, on flatbuffers written with the generated builders: old opcode fields,
// per-channel quantization, custom ops, control-flow subgraphs (and recursion), corrupt indices.
import { analyze } from '@nnlens/analysis';
import { getAttribute, validate, type Graph } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { ModelFormatError, openModel } from '../index.js';
import {
  buildTflite,
  convOptions,
  whileOptions,
  type ModelSpec,
  type TensorSpec,
} from './builder.test-helper.js';
import { BuiltinOperator, Padding, TensorType } from './generated/tflite-schema.js';

const open = (spec: ModelSpec) => openModel({ name: 'test.tflite', bytes: buildTflite(spec) });
const attr = (g: Graph, i: number, name: string): unknown => {
  const a = getAttribute(g.nodes[i]!, name);
  return a && 'value' in a ? a.value : undefined;
};

// An int8 3×3 convolution from 1 to 2 channels, per-channel weight scales, int32 bias.
const convTensors: TensorSpec[] = [
  { name: 'x', shape: [1, 5, 5, 1], type: TensorType.INT8, quant: { scale: [0.5], zeroPoint: [-128] } },
  {
    name: 'w',
    shape: [2, 3, 3, 1],
    type: TensorType.INT8,
    data: new Uint8Array(18).fill(3),
    quant: { scale: [0.1, 0.2], zeroPoint: [0, 0], axis: 0 },
  },
  {
    name: 'b',
    shape: [2],
    type: TensorType.INT32,
    data: new Uint8Array(8),
    quant: { scale: [0.05, 0.1], zeroPoint: [0, 0] },
  },
  { name: 'y', shape: [1, 5, 5, 2], type: TensorType.INT8, quant: { scale: [0.25], zeroPoint: [3] } },
];

describe('TFLite operator codes and quantization', () => {
  it('files that set only deprecated_builtin_code still name their ops', () => {
    const model = open({
      opcodes: [{ deprecated: BuiltinOperator.CONV_2D }],
      subgraphs: [
        {
          name: 'main',
          tensors: convTensors,
          inputs: [0],
          outputs: [3],
          ops: [{ opcode: 0, inputs: [0, 1, 2], outputs: [3], options: convOptions(Padding.SAME) }],
        },
      ],
    });
    expect(validate(model)).toEqual([]);
    const g = model.graph;
    expect(g.nodes[0]!.op).toBe('Conv');
    expect(attr(g, 0, 'source_op')).toBe('CONV_2D');
    expect(attr(g, 0, 'padding')).toBe('SAME');
    expect(attr(g, 0, 'kernel_layout')).toBe('OHWI');
    const w = g.initializers.get('w')!;
    expect(w.quantization).toEqual({
      scale: [Math.fround(0.1), Math.fround(0.2)],
      zeroPoint: [0, 0],
      axis: 0,
    });
    expect(g.inputs[0]!.docString).toBe('quantization: scale [0.5], zero_point [-128]');
    const a = analyze(model);
    expect(a.warnings).toEqual([]);
    expect(a.totals.macs).toBe(5 * 5 * 2 * 9);
    expect(a.totals.params).toBe(18 + 2);
  });

  it('custom operators keep their code; unknown builtin codes get a name', () => {
    const t = (name: string): TensorSpec => ({ name, shape: [1, 4], type: TensorType.FLOAT32 });
    const model = open({
      opcodes: [
        { builtin: BuiltinOperator.CUSTOM, custom: 'TFLite_Detection_PostProcess' },
        { builtin: 9999 },
      ],
      subgraphs: [
        {
          name: 'main',
          tensors: [t('a'), t('b'), t('c')],
          inputs: [0],
          outputs: [2],
          ops: [
            { opcode: 0, inputs: [0], outputs: [1] },
            { opcode: 1, inputs: [1], outputs: [2] },
          ],
        },
      ],
    });
    const [custom, unknown] = model.graph.nodes;
    expect([custom!.op, custom!.domain]).toEqual(['TFLite_Detection_PostProcess', 'tflite.custom']);
    expect(attr(model.graph, 0, 'custom_code')).toBe('TFLite_Detection_PostProcess');
    expect([unknown!.op, unknown!.domain]).toEqual(['BUILTIN_9999', 'tflite']);
    // No shape rule, but the file's shapes stand.
    analyze(model);
    expect(model.graph.outputs[0]!.shape).toEqual([1, 4]);
  });
});

describe('TFLite subgraphs', () => {
  const scalar = (name: string): TensorSpec => ({ name, shape: [], type: TensorType.INT32 });
  const loop = (bodyCalls: boolean): ModelSpec => ({
    opcodes: [
      { builtin: BuiltinOperator.WHILE },
      { builtin: BuiltinOperator.ADD },
      { builtin: BuiltinOperator.LESS },
    ],
    subgraphs: [
      {
        name: 'main',
        tensors: [scalar('i'), scalar('out')],
        inputs: [0],
        outputs: [1],
        ops: [{ opcode: 0, inputs: [0], outputs: [1], options: whileOptions(1, 2) }],
      },
      {
        name: 'cond',
        tensors: [scalar('c_in'), { name: 'c_out', shape: [], type: TensorType.BOOL }],
        inputs: [0],
        outputs: [1],
        ops: [{ opcode: 2, inputs: [0, 0], outputs: [1] }],
      },
      {
        name: 'body',
        tensors: [scalar('b_in'), scalar('b_out'), scalar('b_rec')],
        inputs: [0],
        outputs: [1],
        ops: [
          { opcode: 1, inputs: [0, 0], outputs: [1] },
          ...(bodyCalls ? [{ opcode: 0, inputs: [1], outputs: [2], options: whileOptions(1, 2) }] : []),
        ],
      },
    ],
  });

  it('WHILE holds its cond and body subgraphs', () => {
    const model = open(loop(false));
    expect(validate(model)).toEqual([]);
    expect(model.warnings).toEqual([]);
    const w = model.graph.nodes[0]!;
    expect(
      w.attributes.filter((a) => a.kind === 'graph').map((a) => [a.name, (a.value as Graph).name]),
    ).toEqual([
      ['cond', 'cond'],
      ['body', 'body'],
    ]);
  });

  it('a subgraph that calls itself is not expanded again', () => {
    const model = open(loop(true));
    expect(model.warnings.join()).toMatch(/calls subgraph 2 recursively; not expanded/);
    expect(validate(model)).toEqual([]);
  });
});

describe('corrupt TFLite indices', () => {
  const base = (op: { opcode: number; inputs: number[] }): ModelSpec => ({
    opcodes: [{ builtin: BuiltinOperator.RELU }],
    subgraphs: [
      {
        name: 'main',
        tensors: [
          { name: 'a', shape: [2], type: TensorType.FLOAT32 },
          { name: 'b', shape: [2], type: TensorType.FLOAT32 },
        ],
        inputs: [0],
        outputs: [1],
        ops: [{ ...op, outputs: [1] }],
      },
    ],
  });
  it.each([
    ['an opcode index past the table', { opcode: 5, inputs: [0] }, /opcode_index \(5 of 1\)/],
    ['a tensor index past the list', { opcode: 0, inputs: [7] }, /operators\[0\]\.inputs \(tensor 7 of 2\)/],
  ])('%s', (_n, op, message) => {
    const run = (): unknown => open(base(op));
    expect(run).toThrow(ModelFormatError);
    expect(run).toThrow(message);
  });
});
