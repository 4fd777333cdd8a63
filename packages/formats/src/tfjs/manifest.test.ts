// TF.js weight manifests: shards by relative path, tensors crossing shard boundaries, quantized weights decoded on demand.
import { analyze } from '@nnlens/analysis';
import { tensorValues, type Model } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { externalDataFiles, openModel } from '../index.js';

// A Dense(3) layers model on 4 inputs: kernel [4, 3] then bias [3], back to back.
const kernel = Float32Array.from({ length: 12 }, (_, i) => i / 4 - 1);
const bias = Float32Array.from([0.5, -0.5, 2]);
const stream = new Uint8Array([...new Uint8Array(kernel.buffer), ...new Uint8Array(bias.buffer)]);

function modelJson(
  paths: string[],
  weights: unknown[] = [
    { name: 'dense/kernel', shape: [4, 3], dtype: 'float32' },
    { name: 'dense/bias', shape: [3], dtype: 'float32' },
  ],
): Uint8Array {
  const topology = {
    class_name: 'Sequential',
    config: {
      name: 's',
      layers: [{ class_name: 'Dense', config: { name: 'dense', units: 3, batch_input_shape: [null, 4] } }],
    },
  };
  return new TextEncoder().encode(
    JSON.stringify({
      format: 'layers-model',
      modelTopology: topology,
      weightsManifest: [{ paths, weights }],
    }),
  );
}

const open = (bytes: Uint8Array, sidecars?: Map<string, Uint8Array>): Model =>
  openModel({ name: 'model.json', bytes, sidecars });
const values = (m: Model, name: string): number[] =>
  Array.from(tensorValues(m.graph.initializers.get(name)!) as ArrayLike<number>);

describe('TF.js weight shards', () => {
  it('splits at any byte, also inside a tensor (the one case that copies)', () => {
    for (const cut of [1, 20, 47, 48, 49, 59]) {
      const sidecars = new Map([
        ['group1-shard1of2.bin', stream.slice(0, cut)],
        ['group1-shard2of2.bin', stream.slice(cut)],
      ]);
      const m = open(modelJson(['group1-shard1of2.bin', 'group1-shard2of2.bin']), sidecars);
      expect(m.warnings).toEqual([]);
      expect(values(m, 'dense/kernel')).toEqual(Array.from(kernel));
      expect(values(m, 'dense/bias')).toEqual(Array.from(bias));
    }
  });

  it('names every shard still needed, one more each time the earlier ones are given', () => {
    const json = modelJson(['a.bin', 'b.bin']);
    const none = open(json);
    expect(externalDataFiles(none)).toEqual(['a.bin']);
    // With a.bin, the bias (which starts in b.bin) asks for b.bin; the CLI re-opens until nothing new is asked.
    const first = open(json, new Map([['a.bin', stream.slice(0, 40)]]));
    expect(externalDataFiles(first)).toEqual(['b.bin']);
    expect(first.warnings.join()).toMatch(/'b.bin' not provided/);
    const both = open(
      json,
      new Map([
        ['a.bin', stream.slice(0, 40)],
        ['b.bin', stream.slice(40)],
      ]),
    );
    expect(externalDataFiles(both)).toEqual([]);
  });

  it('finds shards in a subfolder or by file name (files dropped together), never outside the folder', () => {
    const viaFolder = open(modelJson(['./weights/w.bin']), new Map([['weights/w.bin', stream]]));
    expect(values(viaFolder, 'dense/bias')).toEqual(Array.from(bias));
    const byName = open(modelJson(['weights/w.bin']), new Map([['w.bin', stream]]));
    expect(values(byName, 'dense/bias')).toEqual(Array.from(bias));
    const escaping = open(modelJson(['../secret.bin']), new Map([['secret.bin', stream]]));
    expect(escaping.graph.initializers.get('dense/bias')!.storage.kind).toBe('external');
  });

  it('reports shards that are too short', () => {
    const m = open(modelJson(['w.bin']), new Map([['w.bin', stream.slice(0, 50)]]));
    expect(m.warnings.join()).toMatch(/'dense\/bias' runs past the end of its shards/);
    expect(values(m, 'dense/kernel')).toEqual(Array.from(kernel));
  });
});

describe('quantized TF.js weights', () => {
  it('uint8 and uint16 codes become min + code × scale when read', () => {
    const codes8 = Uint8Array.from({ length: 12 }, (_, i) => i * 20);
    const codes16 = new Uint16Array([0, 1000, 65535]);
    const bytes = new Uint8Array([...codes8, ...new Uint8Array(codes16.buffer)]);
    const m = open(
      modelJson(
        ['q.bin'],
        [
          {
            name: 'dense/kernel',
            shape: [4, 3],
            dtype: 'float32',
            quantization: { dtype: 'uint8', min: -1, scale: 0.01 },
          },
          {
            name: 'dense/bias',
            shape: [3],
            dtype: 'float32',
            quantization: { dtype: 'uint16', min: 0.5, scale: 0.001 },
          },
        ],
      ),
      new Map([['q.bin', bytes]]),
    );
    expect(m.warnings).toEqual([]);
    const k = m.graph.initializers.get('dense/kernel')!;
    expect(k.dtype).toBe('float32');
    expect(k.docString).toMatch(/stored as uint8 \(min -1, scale 0.01\)/);
    values(m, 'dense/kernel').forEach((v, i) => expect(v).toBeCloseTo(-1 + i * 20 * 0.01, 6));
    values(m, 'dense/bias').forEach((v, i) => expect(v).toBeCloseTo(0.5 + [0, 1000, 65535][i]! * 0.001, 4));
    // Quantized weights are parameters like any float weight.
    expect(analyze(m).totals.params).toBe(15);
  });

  it('float16-quantized weights stay float16 and decode by hand', () => {
    // 1.0, -2.0, 0.5 as IEEE half floats.
    const half = new Uint8Array(new Uint16Array([0x3c00, 0xc000, 0x3800]).buffer);
    const m = open(
      modelJson(
        ['h.bin'],
        [
          { name: 'dense/kernel', shape: [4, 3], dtype: 'float32', quantization: { dtype: 'float16' } },
          { name: 'dense/bias', shape: [3], dtype: 'float32', quantization: { dtype: 'float16' } },
        ],
      ),
      new Map([['h.bin', new Uint8Array([...new Uint8Array(24), ...half])]]),
    );
    expect(m.graph.initializers.get('dense/bias')!.dtype).toBe('float16');
    expect(values(m, 'dense/bias')).toEqual([1, -2, 0.5]);
  });
});
