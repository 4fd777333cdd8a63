// Every Keras HDF5 file of the corpus opens and matches the facts h5py measured (MANIFEST.json); the analyzer agrees.
import { analyze } from '@nnlens/analysis';
import { isConcrete, validate, type Model } from '@nnlens/ir';
import { beforeAll, expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../../test/corpus.js';
import { openModelAsync } from '../index.js';
import { histogram, kerasLayers, weightElements } from './layers.test-helper.js';

interface KerasFact {
  path: string;
  format?: string;
  keras_version: string;
  model_class: string;
  model_name: string;
  layer_count: number;
  layers: { name: string; class_name: string }[];
  layer_class_histogram: Record<string, number>;
  batch_input_shapes: (number | null)[][];
  output_layers: [string, number, number][] | null;
  last_layer_units?: number;
  weight_datasets: number;
  weight_numel_total: number;
  weight_dtype_histogram: Record<string, number>;
}

const manifest = readCorpusJson<{ files: KerasFact[] }>('MANIFEST.json');
const facts = manifest.files.filter((f) => f.format === 'keras_hdf5');

describeCorpus('Keras HDF5 corpus', () => {
  const models = new Map<string, Model>();
  beforeAll(async () => {
    for (const f of facts)
      models.set(f.path, await openModelAsync({ name: f.path.split('/').pop()!, bytes: readCorpus(f.path) }));
  });

  it('covers every Keras file of the manifest', () => {
    expect(facts.length).toBe(4);
  });

  it.each(facts.map((f) => [f.path.split('/').pop()!, f] as const))(
    '%s: layers, weights, shapes',
    (_name, f) => {
      const model = models.get(f.path)!;
      expect(validate(model)).toEqual([]);
      expect(model.format).toBe('keras');
      expect(model.producerVersion).toBe(f.keras_version);
      expect(model.metadata['model_class']).toBe(f.model_class);
      expect(model.graph.name).toBe(f.model_name);
      const layers = kerasLayers(model);
      expect(layers.length).toBe(f.layer_count);
      expect(histogram(layers.map((l) => l.class_name))).toEqual(f.layer_class_histogram);
      expect(new Set(layers.map((l) => `${l.class_name}:${l.name}`))).toEqual(
        new Set(f.layers.map((l) => `${l.class_name}:${l.name}`)),
      );
      // Weights: one tensor per dataset, their element total and dtypes.
      expect(model.graph.initializers.size).toBe(f.weight_datasets);
      expect(weightElements(model)).toBe(f.weight_numel_total);
      expect(histogram([...model.graph.initializers.values()].map((t) => t.dtype))).toEqual(
        f.weight_dtype_histogram,
      );
      // Input shapes as stored (batch as a symbol).
      expect(model.graph.inputs.map((v) => v.shape!.map((d) => (typeof d === 'number' ? d : null)))).toEqual(
        f.batch_input_shapes,
      );
      expect(model.warnings).toEqual([]);
    },
  );

  it.each(facts.map((f) => [f.path.split('/').pop()!, f] as const))(
    '%s: the analyzer counts every stored weight',
    (_name, f) => {
      const model = models.get(f.path)!;
      const a = analyze(model);
      expect(a.warnings).toEqual([]);
      expect(a.unresolved).toEqual([]);
      // Keras' "Total params": trainable and not (BatchNormalization moving mean/variance included).
      expect(a.totals.params).toBe(f.weight_numel_total);
      expect(a.totals.macs).toBeGreaterThan(0);
      // Every value is concrete but for the batch dim, which stays the symbol 'batch'.
      for (const v of model.graph.values.values()) {
        expect(v.shape, v.name).not.toBeNull();
        expect(isConcrete(v.shape!.slice(1)), v.name).toBe(true);
      }
      const out = model.graph.outputs.map((v) => v.shape);
      if (f.output_layers)
        expect(model.graph.outputs.map((v) => v.name)).toEqual(f.output_layers.map((o) => o[0]));
      const classes =
        f.last_layer_units ?? Number(/(\d+) classes/.exec((f as unknown as { notes: string }).notes)?.[1]);
      expect(out).toEqual([['batch', classes]]);
    },
  );

  it('mnist.h5: MACs by hand (two 3×3 convolutions and two dense layers)', () => {
    const model = models.get(facts.find((f) => f.path.endsWith('mnist.h5'))!.path)!;
    const a = analyze(model);
    // conv 26·26·64·9 + conv 11·11·64·576 + dense 1600·128 + dense 128·10
    expect(a.totals.macs).toBe(26 * 26 * 64 * 9 + 11 * 11 * 64 * 576 + 1600 * 128 + 128 * 10);
  });

  it('mini-Xception: BatchNormalization statistics are the analyzer buffers', () => {
    const f = facts.find((x) => x.path.includes('fer2013'))!;
    const a = analyze(models.get(f.path)!);
    // 14 BatchNormalization layers hold moving mean + variance; channels from the weights themselves.
    let stats = 0;
    for (const t of models.get(f.path)!.graph.initializers.values())
      if (/moving_(mean|variance)$/.test(t.name)) stats += t.shape[0]!;
    expect(a.totals.bufferParams).toBe(stats);
    expect(stats).toBeGreaterThan(0);
  });
});
