/** Decodes a TFLite flatbuffer into plain, validated records (buffers stay views into the file). */
import { ByteBuffer } from 'flatbuffers';
import { ModelFormatError } from '../errors.js';
import { corrupt, checked, bytes, floats, ints, tableCount, text, type Table } from './flat.js';
import {
  Buffer,
  Model,
  type Operator,
  type QuantizationParameters,
  type SubGraph,
  type Tensor,
} from './generated/tflite-schema.js';

/** Quantization of one tensor. */
export interface TfliteQuantization {
  scale: number[];
  zeroPoint: number[];
  min: number[];
  max: number[];
  /** The per-channel axis when there are several scales. */
  axis: number;
}

/** One tensor of a subgraph. */
export interface TfliteTensor {
  name: string;
  /** TensorType enum value. */
  type: number;
  shape: number[];
  shapeSignature: number[];
  /** False when the file says the rank is unknown. */
  hasRank: boolean;
  buffer: number;
  isVariable: boolean;
  quantization: TfliteQuantization | null;
}

/** One operator: its opcode, tensor indices (-1 = omitted) and the raw options tables. */
export interface TfliteOperator {
  opcodeIndex: number;
  inputs: number[];
  outputs: number[];
  op: Operator;
}

/** One subgraph. */
export interface TfliteSubgraph {
  name: string;
  tensors: TfliteTensor[];
  inputs: number[];
  outputs: number[];
  operators: TfliteOperator[];
}

/** An operator code: builtin (the larger of builtin_code and deprecated_builtin_code) or custom. */
export interface TfliteOpcode {
  builtin: number;
  custom: string;
  version: number;
}

/** The decoded file. */
export interface TfliteFile {
  version: number;
  description: string;
  opcodes: TfliteOpcode[];
  subgraphs: TfliteSubgraph[];
  /** Buffer payloads (null = empty), views into the file. */
  buffers: (Uint8Array | null)[];
  metadata: { name: string; buffer: number }[];
  signatures: { key: string; subgraph: number; inputs: string[]; outputs: string[] }[];
}

function quantization(q: QuantizationParameters | null, where: string): TfliteQuantization | null {
  if (!q) return null;
  checked(q as unknown as Table, where);
  const scale = floats(q as unknown as Table, 8, `${where}.scale`);
  const zeroPoint = ints(q as unknown as Table, 10, `${where}.zero_point`, 8);
  const min = floats(q as unknown as Table, 4, `${where}.min`);
  const max = floats(q as unknown as Table, 6, `${where}.max`);
  if (scale.length === 0 && min.length === 0) return null;
  return { scale, zeroPoint, min, max, axis: q.quantizedDimension() };
}

function tensor(t: Tensor, where: string): TfliteTensor {
  checked(t as unknown as Table, where);
  const tt = t as unknown as Table;
  return {
    name: text(tt, 10, `${where}.name`),
    type: t.type(),
    shape: ints(tt, 4, `${where}.shape`),
    shapeSignature: ints(tt, 18, `${where}.shape_signature`),
    hasRank: t.hasRank(),
    buffer: t.buffer(),
    isVariable: t.isVariable(),
    quantization: quantization(t.quantization(), `${where}.quantization`),
  };
}

function operator(o: Operator, where: string): TfliteOperator {
  checked(o as unknown as Table, where);
  return {
    opcodeIndex: o.opcodeIndex(),
    inputs: ints(o as unknown as Table, 6, `${where}.inputs`),
    outputs: ints(o as unknown as Table, 8, `${where}.outputs`),
    op: o,
  };
}

function subgraph(sg: SubGraph, where: string): TfliteSubgraph {
  const t = checked(sg as unknown as Table, where);
  const tensors: TfliteTensor[] = [];
  const nt = tableCount(t, 4, `${where}.tensors`);
  for (let i = 0; i < nt; i++) tensors.push(tensor(sg.tensors(i)!, `${where}.tensors[${i}]`));
  const operators: TfliteOperator[] = [];
  const no = tableCount(t, 10, `${where}.operators`);
  for (let i = 0; i < no; i++) operators.push(operator(sg.operators(i)!, `${where}.operators[${i}]`));
  return {
    name: text(t, 12, `${where}.name`),
    tensors,
    inputs: ints(t, 6, `${where}.inputs`),
    outputs: ints(t, 8, `${where}.outputs`),
    operators,
  };
}

// Buffers of models over 2 GB live after the flatbuffer, addressed by offset and size.
function buffer(b: Buffer, file: Uint8Array, where: string): Uint8Array | null {
  checked(b as unknown as Table, where);
  const data = bytes(b as unknown as Table, 4, `${where}.data`);
  if (data) return data;
  const offset = Number(b.offset());
  const size = Number(b.size());
  if (offset > 1) {
    if (!(offset + size <= file.length)) throw corrupt(`${where} (offset ${offset}, size ${size})`, offset);
    return file.subarray(offset, offset + size);
  }
  return null;
}

/** Decodes the flatbuffer; throws ModelFormatError with the offset and field of the first fault. */
export function readTflite(file: Uint8Array, name: string): TfliteFile {
  if (file.length < 8)
    throw new ModelFormatError('tflite', `TFLite: '${name}' is too short (${file.length} bytes)`, {
      offset: file.length,
    });
  const bb = new ByteBuffer(file);
  const root = bb.readUint32(0);
  if (root + 4 > file.length) throw corrupt('root table offset', 0);
  const m = Model.getRootAsModel(bb);
  const t = checked(m as unknown as Table, 'model');
  const opcodes: TfliteOpcode[] = [];
  const nc = tableCount(t, 6, 'operator_codes');
  for (let i = 0; i < nc; i++) {
    const c = checked(m.operatorCodes(i)! as unknown as Table, `operator_codes[${i}]`);
    const code = m.operatorCodes(i)!;
    opcodes.push({
      builtin: Math.max(code.builtinCode(), code.deprecatedBuiltinCode()),
      custom: text(c, 6, `operator_codes[${i}].custom_code`),
      version: code.version(),
    });
  }
  const subgraphs: TfliteSubgraph[] = [];
  const ns = tableCount(t, 8, 'subgraphs');
  for (let i = 0; i < ns; i++) subgraphs.push(subgraph(m.subgraphs(i)!, `subgraphs[${i}]`));
  const buffers: (Uint8Array | null)[] = [];
  const nb = tableCount(t, 12, 'buffers');
  for (let i = 0; i < nb; i++) buffers.push(buffer(m.buffers(i)!, file, `buffers[${i}]`));
  const metadata: TfliteFile['metadata'] = [];
  const nm = tableCount(t, 16, 'metadata');
  for (let i = 0; i < nm; i++) {
    const md = m.metadata(i)!;
    const mt = checked(md as unknown as Table, `metadata[${i}]`);
    metadata.push({ name: text(mt, 4, `metadata[${i}].name`), buffer: md.buffer() });
  }
  const signatures: TfliteFile['signatures'] = [];
  const nsig = tableCount(t, 18, 'signature_defs');
  for (let i = 0; i < nsig; i++) {
    const s = m.signatureDefs(i)!;
    const st = checked(s as unknown as Table, `signature_defs[${i}]`);
    const names = (vo: number, what: string): string[] => {
      const out: string[] = [];
      const n = tableCount(st, vo, what);
      for (let k = 0; k < n; k++) {
        const tm = vo === 4 ? s.inputs(k)! : s.outputs(k)!;
        out.push(text(checked(tm as unknown as Table, `${what}[${k}]`), 4, `${what}[${k}].name`));
      }
      return out;
    };
    signatures.push({
      key: text(st, 8, `signature_defs[${i}].signature_key`),
      subgraph: s.subgraphIndex(),
      inputs: names(4, `signature_defs[${i}].inputs`),
      outputs: names(6, `signature_defs[${i}].outputs`),
    });
  }
  return {
    version: m.version(),
    description: text(t, 10, 'description'),
    opcodes,
    subgraphs,
    buffers,
    metadata,
    signatures,
  };
}
