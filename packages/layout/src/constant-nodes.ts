/** Finds nodes that compute only from weights and constants (Constant, Identity of a weight, …). */
import type { Graph } from '@nnlens/ir';

/**
 * True per node index when every input is an initializer or the output of another such node
 * (a node without inputs, like Constant, qualifies). These are weight plumbing rather than
 * layers: exporters add them unevenly (e.g. Identity aliases of shared weights), so structure
 * signatures skip them, and views may hide them.
 */
export function constantNodes(graph: Graph): boolean[] {
  const out = new Array<boolean>(graph.nodes.length).fill(false);
  // Graph order is topological for ONNX; a second pass catches the rare out-of-order file.
  for (let pass = 0; pass < 2; pass++) {
    for (const nd of graph.nodes) {
      if (out[nd.index]) continue;
      let constant = true;
      for (const v of nd.inputs) {
        if (!v || v.initializer) continue;
        // A value from an enclosing graph (read by a subgraph) counts as a live input.
        if (!v.producer || v.producer.graph !== graph || !out[v.producer.index]) {
          constant = false;
          break;
        }
      }
      // Nodes with subgraphs (If, Loop) may read outer values; never call them constant.
      if (constant && nd.attributes.some((a) => a.kind === 'graph' || a.kind === 'graphs')) constant = false;
      out[nd.index] = constant;
    }
  }
  return out;
}
