/** ONNX GraphProto → IR Graph: initializers, inputs, nodes (with nested subgraphs), outputs, value_info. */
import {
  addInitializer,
  addNode,
  createGraph,
  ensureValue,
  lookupValue,
  type Graph,
  type Node,
  type Value,
} from '@nnlens/ir';
import { toAttribute, type SubgraphBuilder } from './attributes.js';
import { warn, type ImportContext } from './context.js';
import { asDecodedTensor, type onnx } from './proto.js';
import { sparseToTensor } from './sparse.js';
import { toTensor } from './tensor.js';
import { valueType } from './types.js';

type GraphProps = onnx.GraphProto.$Properties;
type ValueInfoProps = onnx.ValueInfoProto.$Properties;

function applyType(v: Value, vi: ValueInfoProps, overwrite: boolean): void {
  if (vi.docString && !v.docString) v.docString = vi.docString;
  if (v.initializer) return; // the tensor's own dtype and dims are authoritative
  const t = valueType(vi.type);
  if (t.dtype !== 'unknown' && (overwrite || v.dtype === 'unknown')) v.dtype = t.dtype;
  if (t.shape !== null && (overwrite || v.shape === null)) {
    v.shape = t.shape;
    v.shapeSource = 'file';
  }
}

// Empty node names get `${op}_${index}`, made unique against every name the file does use.
function nodeNames(nodes: onnx.NodeProto.$Properties[]): string[] {
  const used = new Set<string>();
  for (const n of nodes) if (n.name) used.add(n.name);
  return nodes.map((n, i) => {
    if (n.name) return n.name;
    const base = `${n.opType || 'node'}_${i}`;
    let name = base;
    for (let k = 1; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    return name;
  });
}

function addNodes(g: Graph, gp: GraphProps, path: string, ctx: ImportContext): void {
  const nodes = gp.node ?? [];
  const names = nodeNames(nodes);
  nodes.forEach((np, i) => {
    const inputs = (np.input ?? []).map((n) => (n ? (lookupValue(g, n) ?? ensureValue(g, n)) : null));
    const outputs = (np.output ?? []).map((n) => (n ? ensureValue(g, n) : null));
    const spec: Parameters<typeof addNode>[1] = {
      name: names[i]!,
      op: np.opType ?? '',
      domain: np.domain ?? '',
      inputs,
      outputs,
    };
    if (np.docString) spec.docString = np.docString;
    const node: Node = addNode(g, spec);
    const attrs = np.attribute;
    if (!attrs?.length) return;
    const sub: SubgraphBuilder = (sg, attribute, k) =>
      buildGraph(sg, ctx, `${path}/${node.name}.${attribute}${k ? `[${k}]` : ''}`, { node, attribute });
    node.attributes = attrs.map((a) => toAttribute(a, node.name, ctx, sub));
  });
}

/** Builds the IR graph; `path` names it in warnings; `owner` is set for If/Loop/Scan bodies. */
export function buildGraph(
  gp: GraphProps,
  ctx: ImportContext,
  path: string,
  owner?: { node: Node; attribute: string },
): Graph {
  const g = createGraph(gp.name ?? '');
  if (gp.docString) g.docString = gp.docString;
  // Set before the nodes so that subgraph nodes can resolve outer-scope values through the owner chain.
  if (owner) g.owner = owner;
  (gp.initializer ?? []).forEach((t, i) => {
    const tensor = toTensor(asDecodedTensor(t), ctx, `${path} initializer[${i}]`);
    if (!tensor.name) warn(ctx, 'names', `ONNX: ${path} initializer[${i}] has no name`);
    addInitializer(g, tensor);
  });
  (gp.sparseInitializer ?? []).forEach((sp, i) => {
    addInitializer(g, sparseToTensor(sp, ctx, `${path} sparse_initializer[${i}]`));
  });
  for (const vi of gp.input ?? []) {
    const name = vi.name ?? '';
    // IR < 4 files list every initializer as a graph input too: keep those as initializers only.
    if (g.initializers.has(name)) continue;
    const v = ensureValue(g, name);
    applyType(v, vi, true);
    if (!g.inputs.includes(v)) g.inputs.push(v);
  }
  addNodes(g, gp, path, ctx);
  for (const vi of gp.output ?? []) {
    const name = vi.name ?? '';
    const local = g.values.get(name);
    const v = local ?? lookupValue(g, name) ?? ensureValue(g, name);
    applyType(v, vi, local !== undefined);
    g.outputs.push(v);
  }
  for (const vi of gp.valueInfo ?? []) {
    const v = g.values.get(vi.name ?? '');
    if (v) applyType(v, vi, false);
  }
  return g;
}
