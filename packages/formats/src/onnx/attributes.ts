/** ONNX AttributeProto → IR Attribute, for every attribute kind including subgraphs and references. */
import type { Attribute, Graph } from '@nnlens/ir';
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
  nodeName: string,
  ctx: ImportContext,
  sub: SubgraphBuilder,
): Attribute {
  const name = a.name ?? '';
  // Only tensors and warnings need the label: build it on demand, attributes are many.
  const where = (): string => `node '${nodeName}' attribute '${name}'`;
  switch (type) {
    case T.FLOAT:
      return { name, kind: 'float', value: a.f ?? 0 };
    case T.INT:
      return { name, kind: 'int', value: int64(a.i) };
    case T.STRING:
      return { name, kind: 'string', value: a.s ? text(a.s) : '' };
    case T.TENSOR:
      if (!a.t) break;
      return { name, kind: 'tensor', value: toTensor(asDecodedTensor(a.t), ctx, where()) };
    case T.GRAPH:
      if (!a.g) break;
      return { name, kind: 'graph', value: sub(a.g, name, 0) };
    case T.SPARSE_TENSOR:
      if (!a.sparseTensor) break;
      return { name, kind: 'sparse_tensor', value: sparseToTensor(a.sparseTensor, ctx, where()) };
    case T.TYPE_PROTO:
      return { name, kind: 'type', value: typeText(a.tp) };
    case T.FLOATS:
      return { name, kind: 'floats', value: a.floats ?? [] };
    case T.INTS:
      return { name, kind: 'ints', value: (a.ints ?? []).map(int64) };
    case T.STRINGS:
      return { name, kind: 'strings', value: (a.strings ?? []).map(text) };
    case T.TENSORS:
      return {
        name,
        kind: 'tensors',
        value: (a.tensors ?? []).map((t, i) => toTensor(asDecodedTensor(t), ctx, `${where()}[${i}]`)),
      };
    case T.GRAPHS:
      return { name, kind: 'graphs', value: (a.graphs ?? []).map((g, i) => sub(g, name, i)) };
    case T.SPARSE_TENSORS:
      return {
        name,
        kind: 'sparse_tensors',
        value: (a.sparseTensors ?? []).map((t, i) => sparseToTensor(t, ctx, `${where()}[${i}]`)),
      };
    case T.TYPE_PROTOS:
      return { name, kind: 'types', value: (a.typeProtos ?? []).map((t) => typeText(t)) };
  }
  warn(ctx, 'attribute', `ONNX: attribute ${where()} has type ${type} but no matching value; read as int 0`);
  return { name, kind: 'int', value: 0 };
}

/** The IR attribute of the node called `nodeName` (the name is used in warnings only). */
export function toAttribute(
  a: AttrProps,
  nodeName: string,
  ctx: ImportContext,
  sub: SubgraphBuilder,
): Attribute {
  const attr: Attribute = a.refAttrName
    ? { name: a.name ?? '', kind: 'ref', value: a.refAttrName }
    : value(a, a.type || inferType(a), nodeName, ctx, sub);
  if (a.docString) attr.docString = a.docString;
  return attr;
}
