import { openModel } from '@nnlens/formats';
import type { Model } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../test/corpus.js';
import { analyze } from './analyze.js';

interface Layer {
  name: string;
  type: string;
  out_shape: number[];
  params: number;
  macs: number;
}
interface TruthModel {
  model: string;
  attn_matmul_macs: number;
  macs_hook_by_layer_type: Record<string, number>;
  layers: Layer[];
  onnx_graph: {
    initializer_float_elems: number;
    macs_from_graph: number;
    macs_by_op: Record<string, number>;
    unresolved_nodes: unknown[];
  };
}

const MAC_OPS = new Set(['Conv', 'ConvTranspose', 'Gemm', 'MatMul']);
// torch module type → the ONNX op torch.onnx exports it as (Dropout disappears in eval export).
const ONNX_OP: Record<string, string> = {
  Conv2d: 'Conv',
  Linear: 'Gemm',
  MaxPool2d: 'MaxPool',
  AvgPool2d: 'AveragePool',
  AdaptiveAvgPool2d: 'AveragePool',
  ReLU: 'Relu',
  Tanh: 'Tanh',
};

function open(model: string): Model {
  const rel = `analyzer/onnx_graph_only/${model}.onnx`;
  return openModel({ name: rel, bytes: readCorpus(rel) });
}

describeCorpus('analyzer truth table (flops_params.json) on the graph-only ONNX files', () => {
  const truth = readCorpusJson<{ models: TruthModel[] }>('analyzer/flops_params.json').models;

  describe.each(truth.map((m) => [m.model, m] as const))('%s', (_name, t) => {
    const model = open(t.model);
    const a = analyze(model);

    it('counts float initializer elements exactly as params', () => {
      expect(a.totals.params).toBe(t.onnx_graph.initializer_float_elems);
    });

    it('counts graph MACs exactly, by op too', () => {
      expect(Math.abs(a.totals.macs - t.onnx_graph.macs_from_graph)).toBeLessThanOrEqual(
        t.onnx_graph.macs_from_graph * 0.001,
      );
      expect(a.totals.macs).toBe(t.onnx_graph.macs_from_graph);
      expect(a.macsByOp).toEqual(t.onnx_graph.macs_by_op);
    });

    it('resolves every node (in particular every MAC node)', () => {
      expect(a.unresolved.filter((n) => MAC_OPS.has(n.op))).toEqual([]);
      expect(a.unresolved.length).toBe(t.onnx_graph.unresolved_nodes.length);
    });
  });

  it.each(['lenet5', 'alexnet'])(
    '%s: per-layer output shapes, params and MACs match the layer table',
    (name) => {
      const t = truth.find((m) => m.model === name) as TruthModel;
      const model = open(name);
      const a = analyze(model);
      const queues = new Map<string, typeof model.graph.nodes>();
      for (const n of model.graph.nodes) queues.set(n.op, [...(queues.get(n.op) ?? []), n]);
      let compared = 0;
      for (const layer of t.layers) {
        const op = ONNX_OP[layer.type];
        if (!op) continue;
        const node = queues.get(op)?.shift();
        expect(node, `${layer.name} (${layer.type})`).toBeDefined();
        if (!node) continue;
        expect(node.outputs[0]?.shape, layer.name).toEqual(layer.out_shape);
        if (op === 'Conv' || op === 'Gemm') {
          const cost = a.nodeCosts.get(node);
          expect(cost?.macs, layer.name).toBe(layer.macs);
          expect(cost?.params, layer.name).toBe(layer.params);
        }
        compared++;
      }
      expect(compared).toBeGreaterThanOrEqual(name === 'lenet5' ? 11 : 17);
    },
  );

  it('vit_b_16: weight-free MatMuls are the attention QKᵀ and A·V (attn_matmul_macs)', () => {
    const t = truth.find((m) => m.model === 'vit_b_16') as TruthModel;
    const model = open('vit_b_16');
    const a = analyze(model);
    let attention = 0;
    let count = 0;
    for (const n of model.graph.nodes) {
      const c = a.nodeCosts.get(n);
      if (n.op !== 'MatMul' || !c || c.params > 0) continue;
      attention += c.macs;
      count++;
    }
    expect(count).toBe(24);
    expect(attention).toBe(t.attn_matmul_macs);
    expect(a.macsByOp.Conv).toBe(t.macs_hook_by_layer_type.Conv2d);
  });
});
