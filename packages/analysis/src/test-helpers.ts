/** Test-only helpers: a terse way to build small ONNX-like graphs with the ir builder. */
import { addInitializer, addNode, createGraph, createModel, ensureValue } from '@nnlens/ir';
import type { Attribute, DType, Graph, Model, Node, Shape, Tensor, Value } from '@nnlens/ir';

/** Marks a number as a float attribute (plain numbers become ints). */
export class F {
  constructor(readonly value: number) {}
}

/** Attribute values accepted by `GraphSpec.node`. */
export type AttrInput = number | number[] | string | string[] | F | F[] | Tensor | Graph;

function toAttribute(name: string, v: AttrInput): Attribute {
  if (v instanceof F) return { name, kind: 'float', value: v.value };
  if (typeof v === 'number') return { name, kind: 'int', value: v };
  if (typeof v === 'string') return { name, kind: 'string', value: v };
  if (Array.isArray(v)) {
    if (v.length > 0 && v[0] instanceof F)
      return { name, kind: 'floats', value: (v as F[]).map((x) => x.value) };
    if (v.length > 0 && typeof v[0] === 'string') return { name, kind: 'strings', value: v as string[] };
    return { name, kind: 'ints', value: v as number[] };
  }
  if ('nodes' in v) return { name, kind: 'graph', value: v };
  return { name, kind: 'tensor', value: v };
}

/** Builds a graph by value names; values are created on first mention. */
export class GraphSpec {
  readonly graph: Graph;
  /** `parent`: the enclosing graph spec, whose values a body may read (outer scope). */
  constructor(
    name = 'main',
    private readonly parent?: GraphSpec,
  ) {
    this.graph = createGraph(name);
  }
  /** The value `name` here or in an enclosing graph; created here when absent everywhere. */
  v(name: string): Value {
    return this.find(name) ?? ensureValue(this.graph, name);
  }
  private find(name: string): Value | undefined {
    return this.graph.values.get(name) ?? this.parent?.find(name);
  }
  input(name: string, dtype: DType, shape: Shape): Value {
    const v = ensureValue(this.graph, name, dtype, shape);
    this.graph.inputs.push(v);
    return v;
  }
  /** An initializer; with `data` its values are known, without it the data is external. */
  init(name: string, dtype: DType, shape: number[], data?: number[]): Value {
    const storage: Tensor['storage'] = data
      ? { kind: 'values', values: data }
      : { kind: 'external', location: 'weights.bin', offset: 0, length: null };
    return addInitializer(this.graph, { name, dtype, shape, storage });
  }
  node(
    op: string,
    inputs: (string | null)[],
    outputs: string[],
    attrs: Record<string, AttrInput> = {},
    name?: string,
  ): Node {
    const node = addNode(this.graph, {
      name: name ?? `${op}_${this.graph.nodes.length}`,
      op,
      inputs: inputs.map((n) => (n === null || n === '' ? null : this.v(n))),
      outputs: outputs.map((n) => ensureValue(this.graph, n)),
      attributes: Object.entries(attrs).map(([k, a]) => toAttribute(k, a)),
    });
    for (const g of node.attributes) if (g.kind === 'graph') g.value.owner = { node, attribute: g.name };
    return node;
  }
  output(...names: string[]): void {
    for (const n of names) this.graph.outputs.push(this.v(n));
  }
  model(opset = 13): Model {
    return createModel('onnx', this.graph, { opsetImports: [{ domain: '', version: opset }] });
  }
}

/** A tensor attribute value (for Constant / ConstantOfShape). */
export function tensor(dtype: DType, shape: number[], data: number[]): Tensor {
  return { name: '', dtype, shape, storage: { kind: 'values', values: data } };
}

/** One input of `inferOp`: a graph input of that shape, or an initializer when `data` is given. */
export interface InputSpec {
  shape: Shape;
  dtype?: DType;
  data?: number[];
}

/** Builds a one-node model; inputs named in0, in1 …, outputs out0, out1 … */
export function oneOp(
  op: string,
  inputs: (InputSpec | null)[],
  attrs: Record<string, AttrInput> = {},
  opts: { opset?: number; outputs?: number } = {},
): { spec: GraphSpec; model: Model; node: Node; outs: Value[] } {
  const spec = new GraphSpec();
  const names = inputs.map((inp, i) => {
    if (!inp) return null;
    const name = `in${i}`;
    const dtype = inp.dtype ?? (inp.data ? 'int64' : 'float32');
    if (inp.data) spec.init(name, dtype, inp.shape as number[], inp.data);
    else spec.input(name, dtype, inp.shape);
    return name;
  });
  const outNames = Array.from({ length: opts.outputs ?? 1 }, (_, i) => `out${i}`);
  const node = spec.node(op, names, outNames, attrs);
  spec.output(...outNames);
  return { spec, model: spec.model(opts.opset ?? 13), node, outs: outNames.map((n) => spec.v(n)) };
}
