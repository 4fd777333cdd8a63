// Every TFLite file of the corpus opens and matches what flatc read from it (MANIFEST.json); the analyzer agrees with the file's shapes.
import { analyze } from '@nnlens/analysis';
import { getAttribute, isConcrete, tensorValues, validate, type Model, type Node } from '@nnlens/ir';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../../test/corpus.js';
import { openModel } from '../index.js';

interface IoFact {
  name: string;
  shape: number[];
  type: string;
}
interface TfliteFact {
  path: string;
  format?: string;
  schema_version: number;
  description: string;
  operator_codes: string[];
  subgraph_count: number;
  subgraphs: {
    name: string | null;
    operator_count: number;
    tensor_count: number;
    op_histogram: Record<string, number>;
    inputs: IoFact[];
    outputs: IoFact[];
  }[];
  metadata_names: string[];
  signature_defs: number;
}

const facts = readCorpusJson<{ files: TfliteFact[] }>('MANIFEST.json').files.filter(
  (f) => f.format === 'tflite',
);
const open = (f: TfliteFact): Model =>
  openModel({ name: f.path.split('/').pop()!, bytes: readCorpus(f.path) });
const sourceOp = (n: Node): string => {
  const a = getAttribute(n, 'source_op');
  return a?.kind === 'string' ? a.value : '';
};
const histogram = (xs: string[]): Record<string, number> =>
  xs.reduce<Record<string, number>>((h, k) => ((h[k] = (h[k] ?? 0) + 1), h), {});

describeCorpus('TFLite corpus', () => {
  it('covers every TFLite model of the manifest', () => {
    expect(facts.length).toBe(2);
  });

  it.each(facts.map((f) => [f.path.split('/').pop()!, f] as const))(
    '%s: operators, tensors, inputs and outputs',
    (_n, f) => {
      const model = open(f);
      expect(validate(model)).toEqual([]);
      expect(model.warnings).toEqual([]);
      expect(model.formatVersion).toBe(`TFLite v${f.schema_version}`);
      expect(model.metadata['description']).toBe(f.description);
      for (const name of f.metadata_names) expect(model.metadata[`metadata.${name}`]).toBeDefined();
      const sg = f.subgraphs[0]!;
      const g = model.graph;
      expect(g.name).toBe(sg.name ?? 'main');
      expect(g.nodes.length).toBe(sg.operator_count);
      expect(histogram(g.nodes.map(sourceOp))).toEqual(sg.op_histogram);
      expect([...new Set(g.nodes.map(sourceOp))].sort()).toEqual([...f.operator_codes].sort());
      // Every tensor is a value of the graph (weights as initializers).
      expect(g.values.size).toBe(sg.tensor_count);
      const io = (vs: typeof g.inputs): IoFact[] =>
        vs.map((v) => ({ name: v.name, shape: v.shape as number[], type: v.dtype.toUpperCase() }));
      expect(io(g.inputs)).toEqual(sg.inputs);
      expect(io(g.outputs)).toEqual(sg.outputs);
    },
  );

  it.each(facts.map((f) => [f.path.split('/').pop()!, f] as const))(
    '%s: int8 weights carry their quantization',
    (_n, f) => {
      const model = open(f);
      const weights = [...model.graph.initializers.values()];
      const quantized = weights.filter((t) => t.dtype === 'int8');
      expect(quantized.length).toBeGreaterThan(0);
      for (const t of quantized) {
        const q = t.quantization!;
        expect(q.scale.length).toBeGreaterThan(0);
        expect(q.zeroPoint.length).toBe(q.scale.length);
        for (const s of q.scale) expect(s).toBeGreaterThan(0);
        // Per-channel scales run along the axis the file names (output channels of conv kernels).
        if (q.scale.length > 1) expect(t.shape[q.axis!]).toBe(q.scale.length);
        const vals = tensorValues(t) as number[];
        expect(vals.reduce((m, v) => Math.min(m, v), 0)).toBeGreaterThanOrEqual(-128);
        expect(vals.reduce((m, v) => Math.max(m, v), 0)).toBeLessThanOrEqual(127);
      }
      // Activations keep theirs in the value's description.
      expect(model.graph.inputs[0]!.docString).toMatch(/^quantization: scale \[/);
    },
  );

  it('hello_world_int8: the values flatc prints', () => {
    const model = open(facts.find((f) => f.path.includes('hello_world'))!);
    // flatc --json: input scale 0.02448, zero_point -128; dense/MatMul weight [16, 1] scale 0.004039.
    expect(model.graph.inputs[0]!.docString).toMatch(/scale \[0\.0244\d*\], zero_point \[-128\]/);
    const w = model.graph.initializers.get('sequential/dense/MatMul')!;
    expect(w.shape).toEqual([16, 1]);
    expect(w.quantization!.scale[0]).toBeCloseTo(0.004039, 5);
    expect(w.quantization!.zeroPoint).toEqual([0]);
  });

  it.each(facts.map((f) => [f.path.split('/').pop()!, f] as const))(
    '%s: the analyzer agrees with every shape the file states',
    (_n, f) => {
      const model = open(f);
      const a = analyze(model);
      expect(a.warnings).toEqual([]);
      expect(a.unresolved).toEqual([]);
      for (const v of model.graph.values.values()) expect(isConcrete(v.shape)).toBe(true);
      // Every stored constant is a weight: int8 kernels and int32 biases carry quantization, the reshape target does not.
      let params = 0;
      for (const t of model.graph.initializers.values())
        if (t.quantization) params += t.shape.reduce((x, y) => x * y, 1);
      expect(a.totals.params).toBe(params);
      expect(a.totals.macs).toBeGreaterThan(0);
    },
  );

  it('person_detect: MACs of MobileNet v1 (0.25, 96×96) by hand', () => {
    const model = open(facts.find((f) => f.path.includes('person_detect'))!);
    const a = analyze(model);
    let expected = 0;
    for (const n of model.graph.nodes) {
      if (n.op !== 'Conv') continue;
      const out = n.outputs[0]!.shape as number[];
      const w = n.inputs[1]!.shape as number[];
      // CONV_2D [O,kh,kw,I]: out × kh·kw·I; DEPTHWISE_CONV_2D [1,kh,kw,O]: out × kh·kw.
      const perOut = sourceOp(n) === 'DEPTHWISE_CONV_2D' ? w[1]! * w[2]! : w[1]! * w[2]! * w[3]!;
      expected += out.reduce((x, y) => x * y, 1) * perOut;
    }
    expect(a.totals.macs).toBe(expected);
    expect(expected).toBe(7_157_888);
  });
});
