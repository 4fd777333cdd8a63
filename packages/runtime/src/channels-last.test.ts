/** Channels-last models: CNN Explainer's original TF.js Tiny VGG against the PyTorch reference, and a Keras CNN. */
import { openModelAsync } from '@nnlens/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../test/corpus.js';
import { maxAbs, maxDiff, outliers, ref } from './attribution/test-helpers.test-helper.js';
import { channelsLastValues, nchwToNhwc, nhwcToNchw } from './channels-last.js';
import { explain } from './explain.js';
import { listLayers } from './layers.js';
import type { HostTensor } from './host.js';
import { Session } from './session.js';

describe('layout helpers', () => {
  it('NHWC ↔ NCHW round-trips', () => {
    const t: HostTensor = {
      dtype: 'float32',
      shape: [1, 2, 3, 4],
      data: Float32Array.from({ length: 24 }, (_, i) => i),
    };
    const back = nhwcToNchw(nchwToNhwc(t));
    expect(back).toEqual(t);
    expect(nchwToNhwc(t).data[1]).toBe(12); // [0,0,0,1] NHWC = channel 1 of pixel (0,0)
  });
});

const DIR = 'explain/cnn-explainer-model';
const LAYERS = [
  'conv_1_1',
  'relu_1_1',
  'conv_1_2',
  'relu_1_2',
  'max_pool_1',
  'conv_2_1',
  'relu_2_1',
  'conv_2_2',
  'relu_2_2',
  'max_pool_2',
];

describeCorpus('CNN Explainer’s own TF.js Tiny VGG (channels-last, HWIO kernels, Dense with softmax)', () => {
  let session: Session;
  let x: HostTensor;
  beforeAll(async () => {
    const model = await openModelAsync({
      name: 'model.json',
      bytes: readCorpus(`${DIR}/model.json`),
      sidecars: new Map([['group1-shard1of1.bin', readCorpus(`${DIR}/group1-shard1of1.bin`)]]),
    });
    expect(channelsLastValues(model.graph).has('conv_1_1_input')).toBe(true);
    session = await Session.create(model);
    const input = ref('espresso_1', 'input');
    x = nchwToNhwc({ dtype: 'float32', shape: input.shape, data: input.data as Float32Array });
  });
  afterAll(() => session?.dispose());

  it('every layer equals the PyTorch reference (read channels first) and the output equals softmax(logits)', () => {
    const trace = session.run({ conv_1_1_input: x });
    const layers = listLayers(session.program, trace);
    for (const l of LAYERS) {
      const got = trace.readNchw(layers.find((x) => x.label === l)!.value);
      const want = ref('espresso_1', `layers/${l}`);
      expect(got.shape, l).toEqual(want.shape);
      expect(maxDiff(got.data, want.data), l).toBeLessThan(1e-4);
    }
    const probs = trace.read(session.outputs[0]!).data;
    expect(maxDiff(probs, ref('espresso_1', 'probs').data)).toBeLessThan(1e-5);
    trace.dispose();
  });

  it('Grad-CAM explains the pre-softmax logit at relu_2_2, equal to pytorch-grad-cam', async () => {
    const e = await explain(session, x, { method: 'gradcam' });
    expect(e.layer?.label).toBe('relu_2_2');
    expect(e.layer?.shape).toEqual([1, 10, 26, 26]);
    expect(e.target).toBe(6);
    expect(maxDiff(e.heatmap, ref('espresso_1', 'gradcam').data)).toBeLessThan(1e-4);
  });

  it('saliency (NHWC gradient) and occlusion match the reference', async () => {
    const s = await explain(session, x, { method: 'saliency' });
    const g = nhwcToNchw({ dtype: 'float32', shape: x.shape, data: s.values.data as Float32Array }).data;
    const want = ref('espresso_1', 'saliency_grad').data;
    expect(outliers(g, want, 1e-4 * maxAbs(want))).toBe(0);
    expect(maxDiff(s.extras.saliency_absmax!.data, ref('espresso_1', 'saliency_absmax').data)).toBeLessThan(
      1e-4 * maxAbs(want),
    );
    const o = await explain(session, x, {
      method: 'occlusion',
      occlusion: { window: [8, 8], stride: [4, 4] },
    });
    // Scores are the logits before the Dense layer's fused softmax, as in the reference.
    expect(maxDiff(o.values.data, ref('espresso_1', 'occlusion').data)).toBeLessThan(1e-4);
  });
});

describeCorpus('a Keras HDF5 CNN (mnist.h5)', () => {
  it('runs channels-last end to end: prediction, every layer, Grad-CAM', async () => {
    const model = await openModelAsync({
      name: 'mnist.h5',
      bytes: readCorpus('third_party/keras_h5/AvikantSrivastava__Handwritten-digits-recognition/mnist.h5'),
    });
    const session = await Session.create(model);
    const input = session.inputs[0]!;
    const shape = (input.shape ?? []).map((d) => (typeof d === 'number' ? d : 1));
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    // A vertical bar, like a "1".
    for (let r = 4; r < 24; r++) for (let c = 13; c < 16; c++) data[r * 28 + c] = 1;
    const e = await explain(session, { dtype: 'float32', shape, data }, { method: 'gradcam' });
    expect(Array.from(e.output).every(Number.isFinite)).toBe(true);
    expect(e.layer?.shape.length).toBe(4);
    expect(e.heatmap.length).toBe(28 * 28);
    expect(Math.max(...e.heatmap)).toBeGreaterThan(0.99);
    session.dispose();
  });
});

describeCorpus('Keras mini-XCEPTION (separable convs, BN, residual adds, GAP, softmax)', () => {
  it('runs and explains on a 48×48 grey input', async () => {
    const file =
      'third_party/keras_h5/oarriaga__face_classification/trained_models/emotion_models/fer2013_mini_XCEPTION.102-0.66.hdf5';
    const session = await Session.create(await openModelAsync({ name: 'x.hdf5', bytes: readCorpus(file) }));
    const data = Float32Array.from({ length: 48 * 48 }, (_, i) => Math.sin(i / 7) * 0.5);
    const e = await explain(
      session,
      { dtype: 'float32', shape: [1, 48, 48, 1], data },
      { method: 'gradcam' },
    );
    expect(e.output.length).toBe(7);
    expect(Math.abs(e.output.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-5);
    expect(e.layer!.shape).toHaveLength(4);
    expect(e.layer!.shape[2]! * e.layer!.shape[3]!).toBeGreaterThan(1);
    expect(Array.from(e.heatmap).every(Number.isFinite)).toBe(true);
    session.dispose();
  });
});
