/** Decoded TFLite records → IR graphs: tensors (file shapes, quantization, buffer views), operators, control-flow subgraphs. */
import {
  addInitializer,
  addNode,
  createGraph,
  ensureValue,
  type Attribute,
  type DType,
  type Graph,
  type Node,
  type Tensor,
  type Value,
} from '@nnlens/ir';
import { sourceOpAttr, stringAttr } from '../layout-attrs.js';
import { corrupt } from './flat.js';
import { BuiltinOperator, TensorType } from './generated/tflite-schema.js';
import { mapBuiltin } from './ops.js';
import { builtinOptions, type OptionValue } from './options.js';
import type { TfliteFile, TfliteQuantization, TfliteSubgraph, TfliteTensor } from './reader.js';

const DTYPES: Partial<Record<number, DType>> = {
  [TensorType.FLOAT32]: 'float32',
  [TensorType.FLOAT16]: 'float16',
  [TensorType.INT32]: 'int32',
  [TensorType.UINT8]: 'uint8',
  [TensorType.INT64]: 'int64',
  [TensorType.STRING]: 'string',
  [TensorType.BOOL]: 'bool',
  [TensorType.INT16]: 'int16',
  [TensorType.COMPLEX64]: 'complex64',
  [TensorType.INT8]: 'int8',
  [TensorType.FLOAT64]: 'float64',
  [TensorType.COMPLEX128]: 'complex128',
  [TensorType.UINT64]: 'uint64',
  [TensorType.UINT32]: 'uint32',
  [TensorType.UINT16]: 'uint16',
  [TensorType.INT4]: 'int4',
  [TensorType.BFLOAT16]: 'bfloat16',
  [TensorType.UINT4]: 'uint4',
  [TensorType.FLOAT8_E4M3FN]: 'float8e4m3fn',
  [TensorType.FLOAT8_E5M2]: 'float8e5m2',
};
// Control flow can nest and repeat subgraphs; this bounds what one file may make us build.
const MAX_GRAPHS = 10_000;

/** Mutable state of one import. */
interface Ctx {
  file: TfliteFile;
  warnings: string[];
  graphs: number;
  /** Subgraph indices some operator calls. */
  called: Set<number>;
}

/** IR dtype of a TensorType value ('unknown' for resource/variant handles). */
export function tfliteDType(type: number): DType {
  return DTYPES[type] ?? 'unknown';
}

function quantText(q: TfliteQuantization): string {
  const list = (xs: number[]): string =>
    xs.length > 4 ? `[${xs.slice(0, 4).join(', ')}, … (${xs.length})]` : `[${xs.join(', ')}]`;
  return `quantization: scale ${list(q.scale)}, zero_point ${list(q.zeroPoint)}${q.scale.length > 1 ? `, axis ${q.axis}` : ''}`;
}

function toAttribute(name: string, v: OptionValue): Attribute {
  if (typeof v === 'boolean') return { name, kind: 'bool', value: v };
  if (typeof v === 'string') return { name, kind: 'string', value: v };
  if (typeof v === 'number')
    return Number.isInteger(v) ? { name, kind: 'int', value: v } : { name, kind: 'float', value: v };
  return v.every(Number.isInteger) ? { name, kind: 'ints', value: v } : { name, kind: 'floats', value: v };
}

function int32s(bytes: Uint8Array | null, count: number): number[] | undefined {
  if (!bytes || bytes.length < count * 4 || count > 64) return undefined;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: count }, (_, i) => dv.getInt32(i * 4, true));
}

function tensorValue(g: Graph, t: TfliteTensor, index: number, ctx: Ctx, names: Set<string>): Value {
  let name = t.name || `tensor_${index}`;
  for (let k = 1; names.has(name); k++) name = `${t.name || `tensor_${index}`}_${k}`;
  names.add(name);
  const dtype = tfliteDType(t.type);
  const data = t.buffer > 0 && !t.isVariable ? ctx.file.buffers[t.buffer] : null;
  if (t.buffer >= ctx.file.buffers.length && t.buffer !== 0) {
    ctx.warnings.push(
      `TFLite: tensor '${name}' refers to buffer ${t.buffer}, but the file has ${ctx.file.buffers.length}`,
    );
  }
  if (data) {
    const tensor: Tensor = {
      name,
      dtype,
      shape: t.shape.map((d) => Math.max(d, 0)),
      storage: { kind: 'raw', bytes: data },
    };
    if (t.quantization && t.quantization.scale.length) {
      tensor.quantization = { scale: t.quantization.scale, zeroPoint: t.quantization.zeroPoint };
      if (t.quantization.scale.length > 1) tensor.quantization.axis = t.quantization.axis;
    }
    return addInitializer(g, tensor);
  }
  const v = ensureValue(
    g,
    name,
    dtype,
    t.shape.map((d) => (d < 0 ? null : d)),
  );
  v.shapeSource = 'file';
  if (t.quantization) v.docString = quantText(t.quantization);
  return v;
}

function opName(ctx: Ctx, index: number, where: string): { builtin: string; custom: string } {
  const code = ctx.file.opcodes[index];
  if (!code) throw corrupt(`${where}.opcode_index (${index} of ${ctx.file.opcodes.length})`, 0);
  const builtin =
    (BuiltinOperator as unknown as Record<number, string>)[code.builtin] ?? `BUILTIN_${code.builtin}`;
  return { builtin, custom: code.custom };
}

function buildSubgraph(
  ctx: Ctx,
  index: number,
  owner: { node: Node; attribute: string } | undefined,
  stack: number[],
): Graph {
  const sg: TfliteSubgraph = ctx.file.subgraphs[index]!;
  if (++ctx.graphs > MAX_GRAPHS) throw corrupt(`subgraphs (more than ${MAX_GRAPHS} expanded)`, 0);
  const g = createGraph(sg.name || (index === 0 ? 'main' : `subgraph_${index}`));
  if (owner) g.owner = owner;
  const names = new Set<string>();
  const values = sg.tensors.map((t, i) => tensorValue(g, t, i, ctx, names));
  const where = `subgraphs[${index}]`;
  const valueAt = (i: number, what: string): Value | null => {
    if (i === -1) return null;
    const v = values[i];
    if (!v) throw corrupt(`${what} (tensor ${i} of ${values.length})`, 0);
    return v;
  };
  for (const i of sg.inputs) {
    const v = valueAt(i, `${where}.inputs`);
    if (v && !v.initializer) g.inputs.push(v);
  }
  const nodeNames = new Set<string>();
  sg.operators.forEach((o, k) => {
    const at = `${where}.operators[${k}]`;
    const { builtin, custom } = opName(ctx, o.opcodeIndex, at);
    const inputs = o.inputs.map((i) => valueAt(i, `${at}.inputs`));
    const outputs = o.outputs.map((i) => valueAt(i, `${at}.outputs`));
    const options = builtinOptions(o.op, at);
    const constInts = (i: number): number[] | undefined => {
      const t = sg.tensors[o.inputs[i] ?? -1];
      const n = t?.shape.reduce((a, b) => a * b, 1) ?? 0;
      return t && t.type === TensorType.INT32 ? int32s(ctx.file.buffers[t.buffer] ?? null, n) : undefined;
    };
    const mapped = builtin === 'CUSTOM' ? null : mapBuiltin({ builtin, options, inputs, constInts });
    const attributes: Attribute[] = mapped ? [...mapped.attributes] : [];
    const own = new Set(attributes.map((a) => a.name));
    for (const [key, v] of Object.entries(options)) {
      if (!key.endsWith('_subgraph_index') && !own.has(key)) attributes.push(toAttribute(key, v));
    }
    attributes.push(sourceOpAttr(builtin === 'CUSTOM' ? custom || 'CUSTOM' : builtin));
    if (builtin === 'CUSTOM') attributes.push(stringAttr('custom_code', custom));
    let name = outputs[0]?.name ?? `${builtin}_${k}`;
    for (let n = 1; nodeNames.has(name); n++) name = `${outputs[0]?.name ?? builtin}_${n}`;
    nodeNames.add(name);
    for (const v of outputs) {
      if (v?.producer || v?.initializer)
        ctx.warnings.push(`TFLite: ${at} writes tensor '${v.name}', which already has a value`);
    }
    const node = addNode(g, {
      name,
      op: mapped ? mapped.op : builtin === 'CUSTOM' ? custom || 'CUSTOM' : builtin,
      domain: mapped ? '' : builtin === 'CUSTOM' ? 'tflite.custom' : 'tflite',
      inputs: mapped ? mapped.inputs : inputs,
      outputs,
      attributes,
    });
    attachSubgraphs(ctx, node, options, [...stack, index]);
  });
  for (const i of sg.outputs) {
    const v = valueAt(i, `${where}.outputs`);
    if (v) g.outputs.push(v);
  }
  return g;
}

// WHILE/IF/CALL_ONCE (and StableHLO ops) name subgraphs in options ending in '_subgraph_index'.
function attachSubgraphs(ctx: Ctx, node: Node, options: Record<string, OptionValue>, stack: number[]): void {
  for (const [key, v] of Object.entries(options)) {
    if (!key.endsWith('_subgraph_index') || typeof v !== 'number') continue;
    const attribute = key.replace(/_subgraph_index$/, '');
    if (!ctx.file.subgraphs[v]) {
      ctx.warnings.push(`TFLite: operator '${node.name}' refers to subgraph ${v}, which does not exist`);
      continue;
    }
    if (stack.includes(v)) {
      ctx.warnings.push(`TFLite: operator '${node.name}' calls subgraph ${v} recursively; not expanded`);
      continue;
    }
    ctx.called.add(v);
    node.attributes.push({
      name: attribute,
      kind: 'graph',
      value: buildSubgraph(ctx, v, { node, attribute }, stack),
    });
  }
}

/** The main graph (subgraph 0) with control-flow subgraphs nested under their operators. */
export function buildMainGraph(file: TfliteFile, warnings: string[]): Graph {
  const ctx: Ctx = { file, warnings, graphs: 0, called: new Set() };
  if (file.subgraphs.length === 0) throw corrupt('subgraphs (the model has none)', 0);
  const main = buildSubgraph(ctx, 0, undefined, []);
  const unused = file.subgraphs.length - 1 - [...ctx.called].filter((i) => i !== 0).length;
  if (unused > 0)
    warnings.push(`TFLite: ${unused} subgraph(s) are not called from the main graph and are not shown`);
  return main;
}
