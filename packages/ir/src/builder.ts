/** Small constructors that keep the graph's cross references (producer, consumers, values) consistent. */
import type { DType } from './dtype.js';
import type { Attribute, Graph, Model, Node, Tensor, Value } from './model.js';
import type { Shape } from './shape.js';

/** A new empty graph. */
export function createGraph(name: string): Graph {
  return { name, nodes: [], values: new Map(), inputs: [], outputs: [], initializers: new Map() };
}

/** A new model around a graph, with empty metadata. */
export function createModel(format: string, graph: Graph, extra: Partial<Model> = {}): Model {
  return {
    format,
    formatVersion: '',
    producer: '',
    producerVersion: '',
    domain: '',
    modelVersion: 0,
    docString: '',
    opsetImports: [],
    metadata: {},
    functions: [],
    warnings: [],
    ...extra,
    graph,
  };
}

/** The value called `name` in `graph` or an enclosing graph (subgraphs see outer values). */
export function lookupValue(graph: Graph, name: string): Value | undefined {
  for (let g: Graph | undefined = graph; g; g = g.owner?.node.graph) {
    const v = g.values.get(name);
    if (v) return v;
  }
  return undefined;
}

/** Returns the value named `name` in `graph`, creating it (unknown type) when absent. */
export function ensureValue(
  graph: Graph,
  name: string,
  dtype: DType = 'unknown',
  shape: Shape = null,
): Value {
  let v = graph.values.get(name);
  if (!v) {
    v = { name, dtype, shape, shapeSource: shape ? 'file' : 'none', consumers: [] };
    graph.values.set(name, v);
  }
  return v;
}

/** Adds an initializer tensor and its value to the graph. */
export function addInitializer(graph: Graph, tensor: Tensor): Value {
  const v = ensureValue(graph, tensor.name);
  v.dtype = tensor.dtype;
  v.shape = tensor.shape.slice();
  v.shapeSource = 'file';
  v.initializer = tensor;
  graph.initializers.set(tensor.name, tensor);
  return v;
}

/** Appends a node; links its inputs' consumers and its outputs' producer. */
export function addNode(
  graph: Graph,
  spec: {
    name: string;
    op: string;
    domain?: string;
    inputs: (Value | null)[];
    outputs: (Value | null)[];
    attributes?: Attribute[];
    docString?: string;
  },
): Node {
  const node: Node = {
    index: graph.nodes.length,
    name: spec.name,
    op: spec.op,
    domain: spec.domain ?? '',
    inputs: spec.inputs,
    outputs: spec.outputs,
    attributes: spec.attributes ?? [],
    graph,
  };
  if (spec.docString) node.docString = spec.docString;
  for (const v of spec.inputs) if (v) v.consumers.push(node);
  for (const v of spec.outputs) if (v) v.producer = node;
  graph.nodes.push(node);
  return node;
}

/** The attribute called `name`, if the node has it. */
export function getAttribute(node: Node, name: string): Attribute | undefined {
  return node.attributes.find((a) => a.name === name);
}

/** Every subgraph held by a node's attributes. */
export function subgraphsOf(node: Node): Graph[] {
  const out: Graph[] = [];
  for (const a of node.attributes) {
    if (a.kind === 'graph') out.push(a.value);
    else if (a.kind === 'graphs') out.push(...a.value);
  }
  return out;
}

/** Calls `visit` for the graph and every nested subgraph, depth first, with its nesting depth. */
export function walkGraphs(graph: Graph, visit: (g: Graph, depth: number) => void, depth = 0): void {
  visit(graph, depth);
  for (const node of graph.nodes) for (const sub of subgraphsOf(node)) walkGraphs(sub, visit, depth + 1);
}

/** Node count of the graph alone, or including all subgraphs. */
export function countNodes(graph: Graph, includeSubgraphs = false): number {
  if (!includeSubgraphs) return graph.nodes.length;
  let n = 0;
  walkGraphs(graph, (g) => (n += g.nodes.length));
  return n;
}
