// Every TF.js model of the corpus opens with its shards and matches the manifest facts; the analyzer agrees.
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { analyze } from '@nnlens/analysis';
import { getAttribute, isConcrete, isFloatDType, tensorElementCount, validate, type Model } from '@nnlens/ir';
import { expect, it } from 'vitest';
import { corpusPath, describeCorpus, readCorpus, readCorpusJson } from '../../../../test/corpus.js';
import { externalDataFiles, openModel } from '../index.js';
import { histogram, kerasLayers, weightElements } from '../keras/layers.test-helper.js';

interface TfjsFact {
  path: string;
  format?: string;
  tfjs_format: string;
  keras_version?: string;
  layer_count?: number;
  layers?: { name: string; class_name: string }[];
  layer_class_histogram?: Record<string, number>;
  batch_input_shapes?: (number | null)[][];
  graph_node_count?: number;
  graph_op_histogram?: Record<string, number>;
  graph_placeholders?: string[];
  weight_shards: string[];
  weight_entries: number;
  weight_numel_total: number;
}

const facts = readCorpusJson<{ files: TfjsFact[] }>('MANIFEST.json').files.filter((f) => f.format === 'tfjs');
const dirOf = (f: TfjsFact): string => dirname(f.path);

/** The model with the shards its manifest names, read from the model's folder (as the CLI does). */
function open(f: TfjsFact, shards = f.weight_shards): Model {
  const sidecars = new Map(shards.map((s) => [s, readCorpus(`${dirOf(f)}/${s}`)]));
  return openModel({ name: f.path.split('/').pop()!, bytes: readCorpus(f.path), sidecars });
}

// The manifest's own entries (the file is ground truth for dtypes; MANIFEST.json gives the totals).
function manifestEntries(f: TfjsFact): { name: string; shape: number[]; dtype: string }[] {
  const json = readCorpusJson<{
    weightsManifest: { weights: { name: string; shape: number[]; dtype: string }[] }[];
  }>(f.path);
  return json.weightsManifest.flatMap((g) => g.weights);
}

describeCorpus('TF.js corpus', () => {
  it('covers every TF.js model of the manifest, shards beside them', () => {
    expect(facts.length).toBe(3);
    for (const f of facts)
      for (const s of f.weight_shards) expect(readdirSync(corpusPath(dirOf(f)))).toContain(s);
  });

  it.each(facts.map((f) => [f.path, f] as const))('%s: weights from the shards', (_p, f) => {
    const model = open(f);
    expect(validate(model)).toEqual([]);
    expect(model.warnings).toEqual([]);
    expect(externalDataFiles(model)).toEqual([]);
    expect(model.graph.initializers.size).toBe(f.weight_entries);
    expect(weightElements(model)).toBe(f.weight_numel_total);
    const dtypes = new Map(manifestEntries(f).map((e) => [e.name, e.dtype]));
    for (const t of model.graph.initializers.values()) expect(t.dtype).toBe(dtypes.get(t.name));
  });

  it.each(facts.map((f) => [f.path, f] as const))(
    '%s: the analyzer counts every float weight and resolves every shape',
    (_p, f) => {
      const model = open(f);
      const a = analyze(model);
      expect(a.warnings).toEqual([]);
      expect(a.unresolved).toEqual([]);
      const floats = manifestEntries(f)
        .filter((e) => e.dtype === 'float32')
        .reduce((n, e) => n + e.shape.reduce((x, y) => x * y, 1), 0);
      expect(a.totals.params).toBe(floats);
      for (const v of model.graph.values.values()) expect(isConcrete(v.shape!.slice(1)), v.name).toBe(true);
      expect(a.totals.macs).toBeGreaterThan(0);
    },
  );

  it.each(facts.filter((f) => f.layers).map((f) => [f.path, f] as const))(
    '%s: layers model (Keras config)',
    (_p, f) => {
      const model = open(f);
      expect(model.metadata['keras_version']).toBe(f.keras_version);
      const layers = kerasLayers(model);
      expect(layers.length).toBe(f.layer_count);
      expect(histogram(layers.map((l) => l.class_name))).toEqual(f.layer_class_histogram);
      expect(layers.map((l) => l.name).sort()).toEqual(f.layers!.map((l) => l.name).sort());
      expect(model.graph.inputs.map((v) => v.shape!.map((d) => (typeof d === 'number' ? d : null)))).toEqual(
        f.batch_input_shapes,
      );
    },
  );

  it.each(facts.filter((f) => f.graph_op_histogram).map((f) => [f.path, f] as const))(
    '%s: graph model (GraphDef)',
    (_p, f) => {
      const model = open(f);
      const g = model.graph;
      // Const nodes become weights and Placeholders inputs; every other node stays a node.
      const ops = g.nodes.map((n) => {
        const a = getAttribute(n, 'source_op');
        return a?.kind === 'string' ? a.value : n.op;
      });
      const h = { ...histogram(ops), Const: g.initializers.size, Placeholder: g.inputs.length };
      expect(h).toEqual(f.graph_op_histogram);
      expect(g.nodes.length + g.initializers.size + g.inputs.length).toBe(f.graph_node_count);
      expect(g.inputs.map((v) => v.name)).toEqual(f.graph_placeholders);
      expect(g.outputs.map((v) => v.name)).toEqual(['Identity']);
    },
  );

  it('darknet-tiny: 31 weight groups, ImageNet output, BN statistics as buffers', () => {
    const f = facts.find((x) => x.path.includes('darknettiny'))!;
    const model = open(f);
    const a = analyze(model);
    expect(model.graph.outputs.map((v) => v.shape)).toEqual([['batch', 1000]]);
    const stats = [...model.graph.initializers.values()].filter((t) =>
      /moving_(mean|variance)$/.test(t.name),
    );
    expect(a.totals.bufferParams).toBe(stats.reduce((n, t) => n + tensorElementCount(t), 0));
  });

  it('CVAE decoder: two inputs, 28×28×1 output', () => {
    const model = open(facts.find((x) => x.path.includes('CVAE'))!);
    analyze(model);
    expect(model.graph.inputs.map((v) => v.name)).toEqual(['latent_input', 'label']);
    expect(model.graph.outputs.map((v) => v.shape)).toEqual([['batch', 28, 28, 1]]);
  });

  it('without shards: the structure opens, weights point at the missing shard files', () => {
    for (const f of facts) {
      const model = open(f, []);
      expect(validate(model)).toEqual([]);
      expect(new Set(externalDataFiles(model))).toEqual(new Set(f.weight_shards));
      expect(model.warnings.join('\n')).toMatch(/not provided/);
      for (const t of model.graph.initializers.values())
        if (isFloatDType(t.dtype)) expect(t.storage.kind).toBe('external');
    }
  });
});
