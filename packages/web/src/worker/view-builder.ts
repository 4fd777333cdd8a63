/** Turns a graph, its analysis and its scope tree into the serialisable GraphView the page draws. */
import { countNodes, type Graph, type Model, type Value } from '@nnlens/ir';
import { opCategory } from '../shared/op-category.js';
import { shapeText } from '../shared/node-metrics.js';
import type {
  GraphView,
  GroupView,
  InitializerView,
  LayoutView,
  ModelInfoView,
  NodeView,
  TotalsView,
  ValueView,
} from '../shared/view-model.js';
import { formatAttribute } from './attr-format.js';
import type { GraphLayout, ModelAnalysis, ScopeTree } from './engine.js';
import { graphTrail, subgraphPaths } from './graph-path.js';
import { summarizeNode } from './node-summary.js';
import { constantTensor, isWeightPlumbing } from './weights.js';
import { tensorByteSize, tensorElementCount } from '@nnlens/ir';

function initializerView(v: Value): InitializerView | undefined {
  const t = constantTensor(v);
  if (!t) return undefined;
  const view: InitializerView = {
    dtype: t.dtype,
    shape: t.shape.slice(),
    elements: tensorElementCount(t),
    bytes: tensorByteSize(t),
    storage: t.storage.kind,
  };
  if (t.storage.kind === 'external') view.location = t.storage.location;
  return view;
}

/** Every value a graph's nodes touch, indexed; outer-scope values used by a subgraph are included. */
function collectValues(graph: Graph): { values: Value[]; index: Map<Value, number> } {
  const index = new Map<Value, number>();
  const values: Value[] = [];
  const add = (v: Value | null): void => {
    if (v && !index.has(v)) {
      index.set(v, values.length);
      values.push(v);
    }
  };
  graph.inputs.forEach(add);
  for (const n of graph.nodes) {
    n.inputs.forEach(add);
    n.outputs.forEach(add);
  }
  graph.outputs.forEach(add);
  return { values, index };
}

/** Converts the layout package's result to the page's layout view. */
export function layoutView(layout: GraphLayout, expanded: Iterable<string>): LayoutView {
  return {
    width: layout.width,
    height: layout.height,
    items: layout.items as LayoutView['items'],
    edges: layout.edges,
    expanded: [...expanded],
    curve: 'polyline',
  };
}

/** The flat group list of a scope tree. */
export function groupViews(tree: ScopeTree): GroupView[] {
  const out: GroupView[] = [];
  const visit = (g: ScopeTree['root']): void => {
    out.push({
      id: g.id,
      label: g.label,
      parent: g.parent ? g.parent.id : null,
      children: g.children.map((c) => c.id),
      nodes: g.nodes.slice(),
      nodeCount: g.nodeCount,
      repeat: g.repeat?.count ?? 1,
      repeatIndex: g.repeat?.index ?? 0,
    });
    g.children.forEach(visit);
  };
  visit(tree.root);
  return out;
}

/** The GraphView of one graph. */
export function buildGraphView(
  model: Model,
  graph: Graph,
  path: string,
  analysis: ModelAnalysis,
  tree: ScopeTree,
  layout: LayoutView,
): GraphView {
  const { values, index } = collectValues(graph);
  const outputs = new Set(graph.outputs);
  const inputs = new Set(graph.inputs);
  const valueViews: ValueView[] = values.map((v) => {
    const vv: ValueView = {
      name: v.name,
      dtype: v.dtype,
      dims: v.shape ? v.shape.slice() : null,
      shape: shapeText(v.shape),
      producer: v.producer && v.producer.graph === graph ? v.producer.index : -1,
      consumers: [...new Set(v.consumers.filter((n) => n.graph === graph).map((n) => n.index))],
      graphInput: inputs.has(v),
      graphOutput: outputs.has(v),
    };
    const init = initializerView(v);
    if (init) vv.init = init;
    return vv;
  });
  const nodes: NodeView[] = graph.nodes.map((n) => {
    const cost = analysis.nodeCosts.get(n);
    return {
      index: n.index,
      name: n.name,
      op: n.op,
      domain: n.domain,
      category: opCategory(n.op),
      summary: summarizeNode(n),
      attributes: n.attributes.map(formatAttribute),
      inputs: n.inputs.map((v) => (v ? index.get(v)! : -1)),
      outputs: n.outputs.map((v) => (v ? index.get(v)! : -1)),
      cost: cost ? { ...cost } : null,
      subgraphs: subgraphPaths(path, n).map((s) => ({
        attribute: s.attribute,
        path: s.path,
        label: s.label,
        nodeCount: countNodes(s.graph, true),
      })),
      hidden: isWeightPlumbing(n),
    };
  });
  return {
    path,
    name: graph.name,
    trail: graphTrail(model, path),
    nodes,
    values: valueViews,
    inputs: graph.inputs.map((v) => index.get(v)!),
    outputs: graph.outputs.map((v) => index.get(v)!),
    groups: groupViews(tree),
    rootGroup: tree.root.id,
    groupOfNode: tree.groupOfNode.slice(),
    layout,
  };
}

/** Model-level facts. */
export function modelInfoView(
  model: Model,
  fileName: string,
  fileBytes: number,
  externalFiles: string[],
  extraWarnings: string[],
): ModelInfoView {
  return {
    fileName,
    fileBytes,
    format: model.format,
    formatVersion: model.formatVersion,
    producer: model.producer,
    producerVersion: model.producerVersion,
    domain: model.domain,
    modelVersion: model.modelVersion,
    docString: model.docString,
    opsets: model.opsetImports.map((o) => ({ domain: o.domain || 'ai.onnx', version: o.version })),
    metadata: Object.entries(model.metadata),
    nodeCount: model.graph.nodes.length,
    nodeCountWithSubgraphs: countNodes(model.graph, true),
    externalFiles,
    warnings: [...model.warnings, ...extraWarnings],
  };
}

/** Totals for the model panel. */
export function totalsView(analysis: ModelAnalysis): TotalsView {
  const t = analysis.totals;
  return {
    params: t.params,
    paramsExcludingBuffers: t.params - t.bufferParams,
    bufferParams: t.bufferParams,
    macs: t.macs,
    weightBytes: t.weightBytes,
    activationBytes: t.activationBytes,
    macsByOp: Object.entries(analysis.macsByOp)
      .filter(([, m]) => m > 0)
      .sort((a, b) => b[1] - a[1]),
    unresolved: analysis.unresolved.length,
  };
}
