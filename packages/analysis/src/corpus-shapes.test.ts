import { openModel } from '@nnlens/formats';
import { walkGraphs } from '@nnlens/ir';
import type { Dim, Model, Value } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../test/corpus.js';
import { analyze } from './analyze.js';

interface IoFact {
  name: string;
  elem_type: string;
  shape: (number | string)[];
}
interface OnnxFact {
  path: string;
  format: string;
  graph_inputs: IoFact[];
  graph_outputs_after_shape_inference: IoFact[];
  value_info_count_after_shape_inference: number;
  initializer_numel_total: number;
  initializer_dtype_histogram: Record<string, number>;
}

const ELEM: Record<string, string> = { FLOAT: 'float32', INT64: 'int64', BOOL: 'bool', INT32: 'int32' };

const facts = readCorpusJsonSafe()
  .files.filter((f) => f.format === 'onnx')
  .filter((f) => /^(onnx|trained|third_party\/onnx)\//.test(f.path));

function readCorpusJsonSafe(): { files: OnnxFact[] } {
  try {
    return readCorpusJson<{ files: OnnxFact[] }>('MANIFEST.json');
  } catch {
    return { files: [] };
  }
}

function load(path: string): Model {
  return openModel({ name: path, bytes: readCorpus(path) });
}

/** Every value some node produces, in all graphs. */
function producedValues(model: Model): Value[] {
  const out: Value[] = [];
  walkGraphs(model.graph, (g) => {
    for (const n of g.nodes) for (const v of n.outputs) if (v) out.push(v);
  });
  return out;
}

describeCorpus('shapes of every ONNX file in the corpus against MANIFEST.json', () => {
  it('covers the ONNX files of onnx/, trained/ and third_party/onnx', () => {
    expect(facts.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(facts.map((f) => [f.path, f] as const))('%s', (path, fact) => {
    const model = load(path);
    const a = analyze(model);
    const symbols = new Set(fact.graph_inputs.flatMap((i) => i.shape.filter((d) => typeof d === 'string')));

    it('gives every produced value a full shape (only the inputs’ symbolic dims stay symbolic)', () => {
      const bad = producedValues(model).filter(
        (v) =>
          v.shape === null || v.shape.some((d) => d === null || (typeof d === 'string' && !symbols.has(d))),
      );
      expect(bad.map((v) => `${v.name}: ${JSON.stringify(v.shape)}`)).toEqual([]);
      expect(a.unresolved).toEqual([]);
    });

    it('infers the graph outputs ONNX shape inference reports', () => {
      const want = fact.graph_outputs_after_shape_inference;
      expect(model.graph.outputs.map((v) => v.name)).toEqual(want.map((o) => o.name));
      want.forEach((o, i) => {
        const v = model.graph.outputs[i] as Value;
        expect(v.dtype).toBe(ELEM[o.elem_type]);
        expect(v.shape?.length).toBe(o.shape.length);
        o.shape.forEach((d, j) => {
          const got: Dim = v.shape?.[j] ?? null;
          // ONNX invents names for dims it cannot know ('Gemmy_dim_0'): a size or a symbol are both fine there.
          if (typeof d === 'number' || symbols.has(d)) expect(got, `${o.name}[${j}]`).toBe(d);
          else expect(got).not.toBeNull();
        });
      });
    });

    it('knows at least as many value shapes as ONNX shape inference', () => {
      const outputs = new Set(model.graph.outputs);
      const shaped = producedValues(model).filter((v) => !outputs.has(v) && v.shape !== null);
      expect(shaped.length).toBeGreaterThanOrEqual(fact.value_info_count_after_shape_inference);
    });

    it.runIf(Object.keys(fact.initializer_dtype_histogram).every((k) => k === 'FLOAT'))(
      'counts all float initializer elements as params',
      () => {
        expect(a.totals.params).toBe(fact.initializer_numel_total);
      },
    );
  });

  it('keeps the symbolic batch of mobilenet_v2_dynamic_batch through to the output', () => {
    const model = load('onnx/mobilenet_v2_dynamic_batch.onnx');
    analyze(model);
    expect(model.graph.outputs[0]?.shape).toEqual(['batch', 1000]);
    const convs = model.graph.nodes.filter((n) => n.op === 'Conv');
    expect(convs.length).toBe(52);
    for (const c of convs) expect(c.outputs[0]?.shape?.[0]).toBe('batch');
  });

  it('infers the bodies of control_flow_loop_if (Loop → If → branches)', () => {
    const model = load('onnx/control_flow_loop_if.onnx');
    const a = analyze(model);
    const loop = model.graph.nodes.find((n) => n.op === 'Loop');
    expect(loop?.outputs[0]?.shape).toEqual([1, 16]);
    let subgraphValues = 0;
    walkGraphs(model.graph, (g, depth) => {
      if (depth === 0) return;
      for (const n of g.nodes) {
        for (const v of n.outputs) {
          if (!v) continue;
          subgraphValues++;
          expect(v.shapeSource === 'inferred' || v.shapeSource === 'file').toBe(true);
          expect(v.shape, v.name).not.toBeNull();
        }
      }
    });
    expect(subgraphValues).toBe(13);
    const ifNode =
      loop &&
      (loop.attributes[0]?.kind === 'graph' ? loop.attributes[0].value : null)?.nodes.find(
        (n) => n.op === 'If',
      );
    expect(ifNode?.outputs[0]?.shape).toEqual([1, 16]);
    // Trip count is a graph input: the body is counted once, with a warning.
    expect(a.warnings.some((w) => w.includes('iteration count unknown'))).toBe(true);
    expect(a.totals.macs).toBe(16 * 16 + 16 * 4);
  });

  it('shares one weight set across the 24 identical transformer layers', () => {
    const model = load('onnx/transformer_encoder_24l_identical_layers.onnx');
    const a = analyze(model);
    const matmuls = model.graph.nodes.filter((n) => n.op === 'MatMul' || n.op === 'Gemm');
    const weighted = matmuls.filter((n) => (a.nodeCosts.get(n)?.params ?? 0) > 0);
    expect(weighted.length).toBeGreaterThanOrEqual(24 * 3);
    for (const n of weighted) expect(a.nodeCosts.get(n)?.sharedParams).toBe(a.nodeCosts.get(n)?.params);
    let perNode = 0;
    for (const c of a.nodeCosts.values()) perNode += c.params;
    expect(perNode).toBeGreaterThan(20 * a.totals.params);
    const fact = facts.find((f) => f.path === 'onnx/transformer_encoder_24l_identical_layers.onnx');
    expect(a.totals.params).toBe(fact?.initializer_numel_total);
  });

  it('reads resnet18 with external data without loading it (same MACs as the truth table)', () => {
    const a = analyze(load('onnx/resnet18_external_data.onnx'));
    const truth = readCorpusJson<{ models: { model: string; macs_hook: number }[] }>(
      'analyzer/flops_params.json',
    );
    expect(a.totals.macs).toBe(truth.models.find((m) => m.model === 'resnet18')?.macs_hook);
  });
});
