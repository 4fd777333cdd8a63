/** Topological node order; ONNX files are already sorted, so that case costs one linear check. */
import type { Graph, Node } from '@nnlens/ir';

function isSorted(graph: Graph): boolean {
  for (const node of graph.nodes) {
    for (const v of node.inputs) {
      const p = v?.producer;
      if (p && p.graph === graph && p.index >= node.index) return false;
    }
  }
  return true;
}

/** The graph's nodes with every producer before its consumers; nodes in cycles come last, in file order. */
export function topologicalOrder(graph: Graph): Node[] {
  if (isSorted(graph)) return graph.nodes;
  const pending = new Map<Node, number>();
  const ready: Node[] = [];
  for (const node of graph.nodes) {
    let deps = 0;
    for (const v of node.inputs) if (v?.producer && v.producer.graph === graph) deps++;
    pending.set(node, deps);
    if (deps === 0) ready.push(node);
  }
  const order: Node[] = [];
  const done = new Set<Node>();
  while (ready.length > 0) {
    const node = ready.pop() as Node;
    order.push(node);
    done.add(node);
    for (const out of node.outputs) {
      if (!out) continue;
      for (const c of out.consumers) {
        if (c.graph !== graph) continue;
        const left = (pending.get(c) ?? 0) - 1;
        pending.set(c, left);
        if (left === 0) ready.push(c);
      }
    }
  }
  for (const node of graph.nodes) if (!done.has(node)) order.push(node);
  return order;
}
