/** Throwaway timing script: layout times for synthetic DenseNets and corpus models (run with scripts/timing.sh). */
import { buildScopeTree, layoutGraph, layeredLayout, makeSyntheticDenseNet } from '../src/index.js';
import type { Graph, Node } from '@nnlens/ir';

const hidden = (n: Node): boolean => n.op === 'Constant';

/** Best of `runs`: the machine is shared, and the minimum is the least disturbed measurement. */
function time<T>(f: () => T, runs = 5): { ms: number; value: T } {
  const ms: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = f();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { ms: Math.round(ms[0]! * 10) / 10, value };
}

function report(name: string, graph: Graph): void {
  const tree = time(() => buildScopeTree(graph));
  const all = new Set(tree.value.groups.keys());
  const top = new Set<string>();
  const exp = time(() => layoutGraph(graph, tree.value, { expanded: all, hidden }));
  const col = time(() => layoutGraph(graph, tree.value, { expanded: top, hidden }));
  const firstLevel = new Set(tree.value.root.children.map((c) => c.id));
  const col1 = time(() => layoutGraph(graph, tree.value, { expanded: firstLevel, hidden }));
  // Flat: one layered layout of every node, no groups.
  const nodes = graph.nodes
    .filter((n) => !hidden(n))
    .map((n) => ({ id: String(n.index), width: 80, height: 32 }));
  const edges: { source: string; target: string }[] = [];
  for (const n of graph.nodes) {
    if (hidden(n)) continue;
    for (const v of n.inputs)
      if (v?.producer && !hidden(v.producer))
        edges.push({ source: String(v.producer.index), target: String(n.index) });
  }
  const flat = time(() => layeredLayout(nodes, edges), 3);
  console.log(
    JSON.stringify({
      name,
      nodes: graph.nodes.length,
      groups: tree.value.groups.size,
      treeMs: tree.ms,
      expandedMs: exp.ms,
      expandedItems: exp.value.items.length,
      expandedSize: [Math.round(exp.value.width), Math.round(exp.value.height)],
      collapsedMs: col.ms,
      level1Ms: col1.ms,
      flatMs: flat.ms,
      flatSize: [Math.round(flat.value.width), Math.round(flat.value.height)],
    }),
  );
}

const sizes = (process.argv[2] ?? '1000,5000,20000').split(',').map(Number);
for (const n of sizes) report(`synthetic-${n}`, makeSyntheticDenseNet(n).graph);
try {
  const { openModel } = (await import('@nnlens/formats')) as {
    openModel: (a: { name: string; bytes: Uint8Array }) => { graph: Graph };
  };
  const { readFileSync } = await import('node:fs');
  for (const f of [
    'analyzer/onnx_graph_only/densenet121.onnx',
    'onnx/transformer_encoder_24l_identical_layers.onnx',
    'analyzer/onnx_graph_only/vit_b_16.onnx',
    'analyzer/onnx_graph_only/inception_v3.onnx',
  ]) {
    const b = readFileSync(`/work/shared/corpus/${f}`);
    const m = openModel({
      name: f.split('/').pop()!,
      bytes: new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
    });
    report(f, m.graph);
  }
} catch (e) {
  console.log('corpus models skipped:', (e as Error).message);
}
