/** Forward passes of the executable ONNX corpus models against torch's golden outputs, and clear errors for the rest. */
import { openModel } from '@nnlens/formats';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../test/corpus.js';
import { UnsupportedOpError } from './errors.js';
import { Session } from './session.js';

function f32(rel: string): Float32Array {
  const b = readCorpus(rel);
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

async function open(name: string, withData = false): Promise<Session> {
  const sidecars = new Map<string, Uint8Array>();
  if (withData) sidecars.set(`${name}.onnx.data`, readCorpus(`onnx/${name}.onnx.data`));
  return Session.create(
    openModel({ name: `${name}.onnx`, bytes: readCorpus(`onnx/${name}.onnx`), sidecars }),
  );
}

/** Largest |a−b| relative to max(1e-3, max|b|), i.e. absolute for outputs of normal size. */
function relDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  let scale = 1e-3;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]!));
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m / Math.max(1, scale);
}

const GOLDEN: [string, number[], boolean][] = [
  ['lenet5', [1, 1, 28, 28], false],
  ['squeezenet1_1', [1, 3, 224, 224], false],
  ['resnet18_external_data', [1, 3, 224, 224], true],
  ['mobilenet_v2_dynamic_batch', [1, 3, 224, 224], false],
  ['transformer_encoder_small_opset17', [1, 16, 64], false],
  ['transformer_encoder_24l_identical_layers', [1, 128, 256], false],
];

describeCorpus('ONNX corpus models reproduce torch outputs', () => {
  for (const [name, shape, withData] of GOLDEN) {
    it(`${name}: output within 1e-4`, async () => {
      const session = await open(name, withData);
      try {
        const trace = session.run(
          {
            [session.inputs[0]!.name]: {
              dtype: 'float32',
              shape,
              data: f32(`onnx/golden/${name}.input0.float32.bin`),
            },
          },
          { keep: 'outputs' },
        );
        const out = trace.read(session.outputs[0]!);
        trace.dispose();
        const gold = f32(`onnx/golden/${name}.output.float32.bin`);
        expect(relDiff(out.data, gold)).toBeLessThan(1e-4);
        // MobileNet's untrained export has outputs near 1e-9: also hold every model to 0.1 % of its range.
        let diff = 0;
        let range = 0;
        for (let i = 0; i < gold.length; i++) {
          diff = Math.max(diff, Math.abs(out.data[i]! - gold[i]!));
          range = Math.max(range, Math.abs(gold[i]!));
        }
        expect(diff / range).toBeLessThan(1e-3);
      } finally {
        session.dispose();
      }
    });
  }

  it('control flow (Loop/If) is refused with the op and node named', async () => {
    const model = openModel({ name: 'cf.onnx', bytes: readCorpus('onnx/control_flow_loop_if.onnx') });
    const err = await Session.create(model).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnsupportedOpError);
    expect((err as UnsupportedOpError).op).toMatch(/^(Loop|If)$/);
    expect((err as Error).message).toMatch(/unsupported op '(Loop|If)' at node '.+'/);
  });
});

interface Golden {
  images: { pixels_uint8: number[][]; logits: number[]; predicted_class: number }[];
}

describeCorpus('digits LeNet-5 reproduces the trained model’s golden logits', () => {
  it('all 10 test images: logits within 1e-4 and the same predicted class', async () => {
    const session = await Session.create(
      openModel({ name: 'd.onnx', bytes: readCorpus('trained/digits_lenet5.onnx') }),
    );
    const golden = readCorpusJson<Golden>('trained/golden_outputs.json');
    expect(golden.images).toHaveLength(10);
    for (const img of golden.images) {
      const data = Float32Array.from(img.pixels_uint8.flat(), (p) => p / 255);
      const trace = session.run(
        { input: { dtype: 'float32', shape: [1, 1, 28, 28], data } },
        { keep: 'outputs' },
      );
      const logits = trace.read('logits').data;
      trace.dispose();
      expect(relDiff(logits, img.logits)).toBeLessThan(1e-4);
      const arg = Array.from(logits).indexOf(Math.max(...logits));
      expect(arg).toBe(img.predicted_class);
    }
    session.dispose();
  });

  it('every layer of image 0 matches activations_image0.json', async () => {
    const session = await Session.create(
      openModel({ name: 'd.onnx', bytes: readCorpus('trained/digits_lenet5.onnx') }),
    );
    const golden = readCorpusJson<Golden>('trained/golden_outputs.json');
    const acts = readCorpusJson<{ layers: Record<string, { shape: number[]; values: unknown }> }>(
      'trained/activations_image0.json',
    );
    const data = Float32Array.from(golden.images[0]!.pixels_uint8.flat(), (p) => p / 255);
    const trace = session.run({ input: { dtype: 'float32', shape: [1, 1, 28, 28], data } });
    const op: Record<string, string> = {
      conv: 'Conv',
      relu: 'Relu',
      pool: 'MaxPool',
      flatten: 'Flatten',
      fc: 'Gemm',
    };
    for (const [layer, ref] of Object.entries(acts.layers)) {
      const kind = /^[a-z]+/.exec(layer)![0];
      const value = layer === 'fc3' ? 'logits' : `/${layer}/${op[kind]}_output_0`;
      const got = trace.read(value);
      expect(got.shape.slice(1), layer).toEqual(ref.shape);
      expect(relDiff(got.data, (ref.values as number[]).flat(3) as number[]), layer).toBeLessThan(1e-4);
    }
    trace.dispose();
    session.dispose();
  });
});
