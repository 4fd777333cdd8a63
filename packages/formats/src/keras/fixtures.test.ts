// Keras layouts the corpus lacks, on small files written by scripts/make-keras-fixtures.py with h5py:
// nested and shared layers, float16 and big-endian weights, chunked name lists, Keras 3 archives, hostile links.
import { readFileSync } from 'node:fs';
import { analyze } from '@nnlens/analysis';
import { tensorValues, validate, type Model } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { ModelFormatError, openModel, openModelAsync } from '../index.js';
import { histogram, kerasLayers, weightElements } from './layers.test-helper.js';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const open = (name: string): Promise<Model> => openModelAsync({ name, bytes: fixture(name) });

describe('Keras 2 HDF5: nested Sequential, shared layer, float16 and big-endian weights', () => {
  it('builds the graph with the nested model inlined and the shared layer called twice', async () => {
    const model = await open('nested-shared.h5');
    expect(validate(model)).toEqual([]);
    expect(model.warnings).toEqual([]);
    const names = model.graph.nodes.map((n) => n.name);
    expect(names).toEqual([
      'conv',
      'bn',
      'gap',
      'head/dense_a',
      'head/drop',
      'head/dense_b',
      'shared',
      'shared#1',
      'add',
    ]);
    expect(histogram(kerasLayers(model).map((l) => l.class_name))).toEqual({
      InputLayer: 1,
      Conv2D: 1,
      BatchNormalization: 1,
      GlobalAveragePooling2D: 1,
      // dense_a, dense_b, and the shared layer's two calls.
      Dense: 4,
      Dropout: 1,
      Add: 1,
    });
    // Both calls of the shared layer read the same two weight tensors.
    const [first, second] = model.graph.nodes.filter((n) => n.name.startsWith('shared'));
    expect(first!.inputs.slice(1)).toEqual(second!.inputs.slice(1));
    expect(second!.inputs[0]).toBe(first!.outputs[0]);
  });

  it('reads every weight: float16 as float16, big-endian swapped', async () => {
    const model = await open('nested-shared.h5');
    const w = model.graph.initializers;
    expect([...w.keys()].sort()).toEqual(
      [
        'conv/kernel',
        'conv/bias',
        'bn/gamma',
        'bn/beta',
        'bn/moving_mean',
        'bn/moving_variance',
        'head/dense_a/kernel',
        'head/dense_a/bias',
        'head/dense_b/kernel',
        'head/dense_b/bias',
        'shared/kernel',
        'shared/bias',
      ].sort(),
    );
    expect(w.get('conv/kernel')!.dtype).toBe('float16');
    expect(w.get('conv/kernel')!.shape).toEqual([3, 3, 3, 4]);
    // float16 decoded by hand: finite numbers of a standard normal sample.
    const half = tensorValues(w.get('conv/kernel')!) as Float32Array;
    expect(half.length).toBe(108);
    expect(half.every((x) => Number.isFinite(x) && Math.abs(x) < 10)).toBe(true);
    // The variance was written big-endian and non-negative: wrong byte order would show as garbage.
    const variance = tensorValues(w.get('bn/moving_variance')!) as Float32Array;
    expect([...variance].every((x) => x >= 0 && x < 10)).toBe(true);
    expect(weightElements(model)).toBe(112 + 16 + 30 + 35 + 30);
  });

  it('analyses shapes, params and MACs', async () => {
    const model = await open('nested-shared.h5');
    const a = analyze(model);
    expect(a.warnings).toEqual([]);
    expect(model.graph.outputs.map((v) => v.shape)).toEqual([['batch', 5]]);
    expect(a.totals.params).toBe(223);
    expect(a.totals.bufferParams).toBe(8);
    // conv 8·8·4·27, dense_a 4·6, dense_b 6·5, shared 5·5 twice.
    expect(a.totals.macs).toBe(6912 + 24 + 30 + 50);
    expect(a.nodeCosts.get(model.graph.nodes.find((n) => n.name === 'shared#1')!)!.sharedParams).toBe(30);
  });

  it('needs openModelAsync until the HDF5 reader is loaded, then opens synchronously too', async () => {
    await open('nested-shared.h5');
    expect(openModel({ name: 'x.h5', bytes: fixture('nested-shared.h5') }).graph.nodes.length).toBe(9);
  });
});

describe('Keras 3 .keras archive', () => {
  it('reads config.json and positional weights (BatchNormalization without gamma)', async () => {
    const model = await open('functional.keras');
    expect(validate(model)).toEqual([]);
    expect(model.warnings).toEqual([]);
    expect(model.formatVersion).toBe('Keras v3 (.keras)');
    expect(model.producerVersion).toBe('3.6.0');
    const bn = model.graph.nodes.find((n) => n.name === 'batch_normalization')!;
    // scale=False: no gamma; beta, mean and variance in their slots.
    expect(bn.inputs.map((v) => v?.name ?? null)).toEqual([
      'conv2d',
      null,
      'batch_normalization/beta',
      'batch_normalization/moving_mean',
      'batch_normalization/moving_variance',
    ]);
    expect(model.graph.initializers.get('mlp/dense/kernel')!.shape).toEqual([784, 10]);
    // The optimizer's variables are not weights of the model.
    expect(weightElements(model)).toBe(80 + 24 + 144 + 7850);
  });

  it('analyses shapes, params and MACs', async () => {
    const model = await open('functional.keras');
    const a = analyze(model);
    expect(a.warnings).toEqual([]);
    const shape = (name: string): unknown => model.graph.values.get(name)!.shape;
    expect(shape('conv2d')).toEqual(['batch', 7, 7, 8]);
    expect(shape('depthwise_conv2d')).toEqual(['batch', 7, 7, 16]);
    expect(shape('flatten')).toEqual(['batch', 784]);
    expect(model.graph.outputs.map((v) => v.shape)).toEqual([['batch', 10]]);
    expect(a.totals.params).toBe(8098);
    expect(a.totals.macs).toBe(7 * 7 * 8 * 9 + 7 * 7 * 16 * 9 + 7840);
  });
});

describe('files that are not full Keras models', () => {
  it('weights-only files are named as such', async () => {
    await expect(open('weights-only.h5')).rejects.toThrow(/holds weights only \(no model_config attribute\)/);
  });

  it('never follows an external link or external dataset storage', async () => {
    const model = await open('hostile-links.h5');
    expect(validate(model)).toEqual([]);
    const text = model.warnings.join('\n');
    expect(text).toMatch(/'model_weights\/dense\/dense\/kernel:0' is not a dataset of the file/);
    expect(text).toMatch(/'model_weights\/dense\/dense\/bias:0' cannot be read/);
    // The other layer's weights are intact and the graph is complete.
    expect([...model.graph.initializers.keys()].sort()).toEqual(['dense_1/bias', 'dense_1/kernel']);
    expect(model.graph.nodes.map((n) => n.op)).toEqual(['MatMul', 'MatMul']);
  });

  it('a file that is not HDF5 fails with a Keras error', async () => {
    const bytes = fixture('nested-shared.h5').slice(0, 4096);
    const e = await openModelAsync({ name: 'cut.h5', bytes }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ModelFormatError);
    expect((e as Error).message).toMatch(/^Keras: 'cut.h5' is not a readable HDF5 file: .*truncated file/);
  });
});
