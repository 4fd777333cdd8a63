/** Structure-only corpus models run once their missing weights are filled with seeded random values. */
import { openModel } from '@nnlens/formats';
import { describe, expect, it } from 'vitest';
import { createGraph, createModel, addInitializer } from '@nnlens/ir';
import { describeCorpus, readCorpus } from '../../../test/corpus.js';
import { fillRandomWeights } from './random-weights.js';
import { supportedOps } from './ops/index.js';
import { Session } from './session.js';

describe('fillRandomWeights', () => {
  it('fills only float tensors without data, He-scaled, deterministically', () => {
    const make = () => {
      const g = createGraph('g');
      addInitializer(g, {
        name: 'w',
        dtype: 'float32',
        shape: [64, 32, 3, 3],
        storage: { kind: 'external', location: 'x', offset: 0, length: null },
      });
      addInitializer(g, { name: 'b', dtype: 'float32', shape: [64], storage: { kind: 'none' } });
      addInitializer(g, {
        name: 'k',
        dtype: 'float32',
        shape: [2],
        storage: { kind: 'values', values: [5, 6] },
      });
      return createModel('onnx', g);
    };
    const a = make();
    expect(fillRandomWeights(a, 3)).toBe(2);
    const w = a.graph.initializers.get('w')!;
    const vals = new Float32Array((w.storage as { bytes: Uint8Array }).bytes.buffer);
    const std = Math.sqrt(vals.reduce((s, v) => s + v * v, 0) / vals.length);
    expect(std).toBeGreaterThan(0.9 * Math.sqrt(2 / 288));
    expect(std).toBeLessThan(1.1 * Math.sqrt(2 / 288));
    expect(a.graph.initializers.get('k')!.storage.kind).toBe('values');
    const b = make();
    fillRandomWeights(b, 3);
    expect((b.graph.initializers.get('w')!.storage as { bytes: Uint8Array }).bytes).toEqual(
      (w.storage as { bytes: Uint8Array }).bytes,
    );
  });
});

describeCorpus('structure-only analyzer models', () => {
  const open = (f: string) => {
    const m = openModel({ name: f, bytes: readCorpus(`analyzer/onnx_graph_only/${f}`) });
    fillRandomWeights(m, 1);
    return m;
  };

  it('every op of the 13 torchvision exports and LeNet-5 is executable (ViT, DenseNet, Inception, MobileNet-v3 …)', () => {
    const files = [
      'alexnet',
      'densenet121',
      'googlenet',
      'inception_v3',
      'lenet5',
      'mobilenet_v2',
      'mobilenet_v3_small',
      'resnet18',
      'resnet50',
      'squeezenet1_0',
      'squeezenet1_1',
      'vgg16',
      'vit_b_16',
    ];
    const known = new Set(supportedOps());
    for (const f of files) {
      const m = openModel({ name: f, bytes: readCorpus(`analyzer/onnx_graph_only/${f}.onnx`) });
      const missing = [...new Set(m.graph.nodes.map((n) => n.op))].filter((op) => !known.has(op));
      expect(missing, f).toEqual([]);
    }
  });

  for (const [f, shape] of [
    ['lenet5.onnx', [1, 1, 32, 32]],
    ['mobilenet_v3_small.onnx', [1, 3, 224, 224]],
    ['googlenet.onnx', [1, 3, 224, 224]],
  ] as const) {
    it(`${f} runs with seeded weights to finite [1, classes] outputs`, async () => {
      const s = await Session.create(open(f));
      const n = (shape as readonly number[]).reduce((a, b) => a * b, 1);
      const trace = s.run(
        {
          [s.inputs[0]!.name]: {
            dtype: 'float32',
            shape: [...shape],
            data: Float32Array.from({ length: n }, (_, i) => Math.sin(i)),
          },
        },
        { keep: 'outputs' },
      );
      const out = trace.read(s.outputs[0]!);
      trace.dispose();
      s.dispose();
      expect(out.shape[0]).toBe(1);
      expect(Array.from(out.data).every(Number.isFinite)).toBe(true);
    });
  }
});
