// Test helper: writes small TFLite flatbuffers with the generated schema's builders (cases the corpus lacks).
import { Builder } from 'flatbuffers';
import {
  Buffer,
  BuiltinOptions,
  Conv2DOptions,
  Model,
  Operator,
  OperatorCode,
  Padding,
  QuantizationParameters,
  SubGraph,
  Tensor,
  TensorType,
  WhileOptions,
} from './generated/tflite-schema.js';

/** One tensor: data makes it a weight. */
export interface TensorSpec {
  name: string;
  shape: number[];
  type: TensorType;
  data?: Uint8Array;
  quant?: { scale: number[]; zeroPoint: number[]; axis?: number };
}

/** One operator; `options` writes its builtin options table. */
export interface OpSpec {
  opcode: number;
  inputs: number[];
  outputs: number[];
  options?: { type: BuiltinOptions; write: (b: Builder) => number };
}

/** The file. Opcodes may set only the deprecated code (old files) or a custom code. */
export interface ModelSpec {
  opcodes: { builtin?: number; deprecated?: number; custom?: string }[];
  subgraphs: { name: string; tensors: TensorSpec[]; inputs: number[]; outputs: number[]; ops: OpSpec[] }[];
}

/** Conv2D options: SAME or VALID padding, stride 1. */
export function convOptions(padding: Padding): OpSpec['options'] {
  return {
    type: BuiltinOptions.Conv2DOptions,
    write: (b) => Conv2DOptions.createConv2DOptions(b, padding, 1, 1, 0, 1, 1, 0),
  };
}

/** WHILE options naming the cond and body subgraphs. */
export function whileOptions(cond: number, body: number): OpSpec['options'] {
  return { type: BuiltinOptions.WhileOptions, write: (b) => WhileOptions.createWhileOptions(b, cond, body) };
}

/** Serialises the spec to a TFL3 flatbuffer. */
export function buildTflite(spec: ModelSpec): Uint8Array {
  const b = new Builder(1024);
  const buffers: number[] = [Buffer.createBuffer(b, 0, 0n, 0n)];
  const subgraphs = spec.subgraphs.map((sg) => {
    const tensors = sg.tensors.map((t) => {
      let buffer = 0;
      if (t.data) {
        buffers.push(Buffer.createBuffer(b, Buffer.createDataVector(b, t.data), 0n, 0n));
        buffer = buffers.length - 1;
      }
      const q = t.quant
        ? QuantizationParameters.createQuantizationParameters(
            b,
            0,
            0,
            QuantizationParameters.createScaleVector(b, t.quant.scale),
            QuantizationParameters.createZeroPointVector(b, t.quant.zeroPoint.map(BigInt)),
            0,
            0,
            t.quant.axis ?? 0,
          )
        : 0;
      const name = b.createString(t.name);
      const shape = Tensor.createShapeVector(b, t.shape);
      Tensor.startTensor(b);
      Tensor.addShape(b, shape);
      Tensor.addType(b, t.type);
      Tensor.addBuffer(b, buffer);
      Tensor.addName(b, name);
      if (q) Tensor.addQuantization(b, q);
      return Tensor.endTensor(b);
    });
    const ops = sg.ops.map((o) => {
      const options = o.options ? o.options.write(b) : 0;
      const inputs = Operator.createInputsVector(b, o.inputs);
      const outputs = Operator.createOutputsVector(b, o.outputs);
      return Operator.createOperator(
        b,
        o.opcode,
        inputs,
        outputs,
        o.options?.type ?? 0,
        options,
        0,
        0,
        0,
        0,
        0n,
        0n,
        0,
        0,
        0,
      );
    });
    return SubGraph.createSubGraph(
      b,
      SubGraph.createTensorsVector(b, tensors),
      SubGraph.createInputsVector(b, sg.inputs),
      SubGraph.createOutputsVector(b, sg.outputs),
      SubGraph.createOperatorsVector(b, ops),
      b.createString(sg.name),
      0,
    );
  });
  const codes = spec.opcodes.map((c) =>
    OperatorCode.createOperatorCode(
      b,
      c.deprecated ?? 0,
      c.custom ? b.createString(c.custom) : 0,
      1,
      c.builtin ?? 0,
    ),
  );
  const model = Model.createModel(
    b,
    3,
    Model.createOperatorCodesVector(b, codes),
    Model.createSubgraphsVector(b, subgraphs),
    b.createString('nnlens test'),
    Model.createBuffersVector(b, buffers),
    0,
    0,
    0,
    0,
    0,
  );
  Model.finishModelBuffer(b, model);
  return b.asUint8Array().slice();
}
