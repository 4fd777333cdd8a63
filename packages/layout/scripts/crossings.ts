/** Throwaway: total crossings and time of the ordering phase on corpus graphs (flat, no groups). */
import { readFileSync } from 'node:fs';
import { openModel } from '@nnlens/formats';
import type { Graph } from '@nnlens/ir';
import { constantNodes, makeSyntheticDenseNet } from '../src/index.js';
import { totalCrossings } from '../src/layered/crossings.js';
import { orderLayers } from '../src/layered/ordering.js';
import { makeProper } from '../src/layered/proper-graph.js';
import { assignRanks, findBackEdges, indexGraph, topoOrder } from '../src/layered/rank.js';

function measure(name: string, g: Graph): void {
  const c = constantNodes(g);
  const ids = new Map<number, number>();
  for (const n of g.nodes) if (!c[n.index]) ids.set(n.index, ids.size);
  const es: number[] = [];
  const et: number[] = [];
  for (const n of g.nodes) {
    if (c[n.index]) continue;
    for (const v of n.inputs)
      if (v?.producer && ids.has(v.producer.index)) {
        es.push(ids.get(v.producer.index)!);
        et.push(ids.get(n.index)!);
      }
  }
  const ig = indexGraph(ids.size, es, et);
  const back = findBackEdges(ig);
  const { rank, count } = assignRanks(ig, topoOrder(ig));
  const p = makeProper(ig, rank, count, es, et, back);
  const t = performance.now();
  const o0 = orderLayers(p, 0);
  process.stdout.write(`init ${totalCrossings(o0.layers, p.down, o0.pos)} `);
  const o = orderLayers(p, Number(process.env.SWEEPS ?? 8));
  const ms = performance.now() - t;
  console.log(
    name.padEnd(24),
    'nodes',
    ids.size,
    'dummies',
    p.size - ids.size,
    'crossings',
    totalCrossings(o.layers, p.down, o.pos),
    'ms',
    ms.toFixed(1),
  );
}
const C = '/work/shared/corpus/';
for (const f of [
  'analyzer/onnx_graph_only/densenet121.onnx',
  'analyzer/onnx_graph_only/inception_v3.onnx',
  'analyzer/onnx_graph_only/googlenet.onnx',
  'analyzer/onnx_graph_only/vit_b_16.onnx',
  'onnx/transformer_encoder_24l_identical_layers.onnx',
  'analyzer/onnx_graph_only/mobilenet_v3_small.onnx',
  'analyzer/onnx_graph_only/resnet50.onnx',
]) {
  measure(f.split('/').pop()!, openModel({ name: f, bytes: new Uint8Array(readFileSync(C + f)) }).graph);
}
measure('synthetic-5000', makeSyntheticDenseNet(5000).graph);
