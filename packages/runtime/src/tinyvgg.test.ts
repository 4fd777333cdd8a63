/** Tiny VGG forward pass against the PyTorch reference: every layer of both shared cases within 1e-5. */
import { openModel } from '@nnlens/formats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../test/corpus.js';
import { readNpy } from './npy.js';
import { liveTensors, Session } from './session.js';

const REF = 'explain/reference/tinyvgg';
const LAYERS: Record<string, string> = {
  conv_1_1: '/conv_1_1/Conv_output_0',
  relu_1_1: '/relu_1_1/Relu_output_0',
  conv_1_2: '/conv_1_2/Conv_output_0',
  relu_1_2: '/relu_1_2/Relu_output_0',
  max_pool_1: '/max_pool_1/MaxPool_output_0',
  conv_2_1: '/conv_2_1/Conv_output_0',
  relu_2_1: '/relu_2_1/Relu_output_0',
  conv_2_2: '/conv_2_2/Conv_output_0',
  relu_2_2: '/relu_2_2/Relu_output_0',
  max_pool_2: '/max_pool_2/MaxPool_output_0',
  flatten: '/flatten/Flatten_output_0',
  output: 'logits',
};

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describeCorpus('Tiny VGG forward (reference layers)', () => {
  let session: Session;
  beforeAll(async () => {
    session = await Session.create(openModel({ name: 'model.onnx', bytes: readCorpus(`${REF}/model.onnx`) }));
    // The first run prepares (and keeps) filters and weights; later runs must not leak.
    session
      .run({ input: { dtype: 'float32', shape: [1, 3, 64, 64], data: new Float32Array(3 * 64 * 64) } })
      .dispose();
  });
  afterAll(() => session?.dispose());

  for (const c of ['espresso_1', 'koala_1']) {
    it(`${c}: every layer's output and the logits`, () => {
      const input = readNpy(readCorpus(`${REF}/${c}/input.npy`));
      const before = liveTensors();
      const trace = session.run({
        input: { dtype: 'float32', shape: input.shape, data: input.data as Float32Array },
      });
      for (const [layer, value] of Object.entries(LAYERS)) {
        const ref = readNpy(readCorpus(`${REF}/${c}/layers/${layer}.npy`));
        const got = trace.read(value);
        expect(got.shape, layer).toEqual(ref.shape);
        expect(maxDiff(got.data, ref.data), layer).toBeLessThan(1e-5);
      }
      const logits = readNpy(readCorpus(`${REF}/${c}/logits.npy`));
      expect(maxDiff(trace.read('logits').data, logits.data)).toBeLessThan(1e-5);
      trace.dispose();
      expect(liveTensors()).toBe(before);
    });
  }
});
