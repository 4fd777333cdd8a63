/** ONNX AttributeProto → IR Attribute, for every attribute kind including subgraphs and references. */
import type { Attribute, AttributeValue, Graph } from '@nnlens/ir';
import { text, warn, type ImportContext } from './context.js';
import { asDecodedTensor, int64, type onnx } from './proto.js';
import { sparseToTensor } from './sparse.js';
import { toTensor } from './tensor.js';
import { typeText } from './types.js';

type AttrProps = onnx.AttributeProto.$Properties;

/** Builds the IR graph of a subgraph attribute (supplied by the graph mapper, which owns scoping). */
export type SubgraphBuilder = (g: onnx.GraphProto.$Properties, attribute: string, index: number) => Graph;

// AttributeProto.AttributeType codes.
const T = {
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  GRAPH: 5,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
  TENSORS: 9,
  GRAPHS: 10,
  SPARSE_TENSOR: 11,
  SPARSE_TENSORS: 12,
  TYPE_PROTO: 13,
  TYPE_PROTOS: 14,
} as const;

// Files before IR v3 have no `type`: infer it from the field that is set.
function inferType(a: AttrProps): number {
  if (a.g) return T.GRAPH;
  if (a.t) return T.TENSOR;
  if (a.sparseTensor) return T.SPARSE_TENSOR;
  if (a.tp) return T.TYPE_PROTO;
  if (a.graphs?.length) return T.GRAPHS;
  if (a.tensors?.length) return T.TENSORS;
  if (a.sparseTensors?.length) return T.SPARSE_TENSORS;
  if (a.typeProtos?.length) return T.TYPE_PROTOS;
  if (a.floats?.length) return T.FLOATS;
  if (a.ints?.length) return T.INTS;
  if (a.strings?.length) return T.STRINGS;
  if (a.s?.length) return T.STRING;
  if (a.f) return T.FLOAT;
  return T.INT;
}

function value(
  a: AttrProps,
  type: number,
  where: string,
  ctx: ImportContext,
  sub: SubgraphBuilder,
): AttributeValue {
  const name = a.name ?? '';
  switch (type) {
    case T.FLOAT:
      return { kind: 'float', value: a.f ?? 0 };
    case T.INT:
      return { kind: 'int', value: int64(a.i) };
    case T.STRING:
      return { kind: 'string', value: a.s ? text(a.s) : '' };
    case T.TENSOR:
      if (!a.t) break;
      return { kind: 'tensor', value: toTensor(asDecodedTensor(a.t), ctx, where) };
    case T.GRAPH:
      if (!a.g) break;
      return { kind: 'graph', value: sub(a.g, name, 0) };
    case T.SPARSE_TENSOR:
      if (!a.sparseTensor) break;
      return { kind: 'sparse_tensor', value: sparseToTensor(a.sparseTensor, ctx, where) };
    case T.TYPE_PROTO:
      return { kind: 'type', value: typeText(a.tp) };
    case T.FLOATS:
      return { kind: 'floats', value: a.floats ?? [] };
    case T.INTS:
      return { kind: 'ints', value: (a.ints ?? []).map(int64) };
    case T.STRINGS:
      return { kind: 'strings', value: (a.strings ?? []).map(text) };
    case T.TENSORS:
      return {
        kind: 'tensors',
        value: (a.tensors ?? []).map((t, i) => toTensor(asDecodedTensor(t), ctx, `${where}[${i}]`)),
      };
    case T.GRAPHS:
      return { kind: 'graphs', value: (a.graphs ?? []).map((g, i) => sub(g, name, i)) };
    case T.SPARSE_TENSORS:
      return {
        kind: 'sparse_tensors',
        value: (a.sparseTensors ?? []).map((t, i) => sparseToTensor(t, ctx, `${where}[${i}]`)),
      };
    case T.TYPE_PROTOS:
      return { kind: 'types', value: (a.typeProtos ?? []).map((t) => typeText(t)) };
  }
  warn(ctx, 'attribute', `ONNX: attribute ${where} has type ${type} but no matching value; read as int 0`);
  return { kind: 'int', value: 0 };
}

/** The IR attribute; `where` is e.g. `node 'Conv_3' attribute 'pads'` for warnings. */
export function toAttribute(
  a: AttrProps,
  where: string,
  ctx: ImportContext,
  sub: SubgraphBuilder,
): Attribute {
  const name = a.name ?? '';
  const v: AttributeValue = a.refAttrName
    ? { kind: 'ref', value: a.refAttrName }
    : value(a, a.type || inferType(a), where, ctx, sub);
  const attr: Attribute = { ...v, name };
  if (a.docString) attr.docString = a.docString;
  return attr;
}
