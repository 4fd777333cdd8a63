/** Weight plumbing: which nodes only feed weights (hidden in the view) and which tensor a weight input carries. */
import type { Graph, Node, Tensor, Value } from '@nnlens/ir';

function feedsOnlyNodes(node: Node, graph: Graph): boolean {
  const outs = graph.outputs;
  return node.outputs.every((v) => v !== null && v.consumers.length > 0 && !outs.includes(v));
}

/**
 * True for a Constant node, or an Identity of a weight (exporters insert those for shared weights), whose
 * outputs go only to other nodes. These are drawn in the consumer's panel, not as boxes of their own.
 */
export function isWeightPlumbing(node: Node): boolean {
  if (node.op === 'Constant' && node.inputs.length === 0) return feedsOnlyNodes(node, node.graph);
  if (node.op === 'Identity' && node.inputs.length === 1) {
    const src = node.inputs[0];
    return !!src && constantTensor(src) !== null && feedsOnlyNodes(node, node.graph);
  }
  return false;
}

/** The constant tensor a value carries: an initializer, a Constant's `value`, or either through Identity nodes. */
export function constantTensor(value: Value): Tensor | null {
  let v: Value | null | undefined = value;
  for (let hops = 0; v && hops < 8; hops++) {
    if (v.initializer) return v.initializer;
    const p: Node | undefined = v.producer;
    if (!p) return null;
    if (p.op === 'Constant') {
      const a = p.attributes.find((x) => x.name === 'value' || x.name === 'sparse_value');
      return a && (a.kind === 'tensor' || a.kind === 'sparse_tensor') ? a.value : null;
    }
    if (p.op !== 'Identity') return null;
    v = p.inputs[0];
  }
  return null;
}
