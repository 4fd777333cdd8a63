// `nnlens explain` and `nnlens activations` end to end on the demo models: numbers against the reference
// (the JPEG is decoded by sharp here, by OpenCV there), images kept in artifacts/explain-cli/, and the errors
// a user meets (non-image, huge image, unsupported op, bad flags).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { readNpy } from '@nnlens/runtime';
import { corpusPath, describeCorpus, readCorpus } from '../../../test/corpus.js';
import { runActivations } from './activations-command.js';
import { runExplain } from './explain-command.js';

const ART = fileURLToPath(new URL('../../../artifacts/explain-cli/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'nnlens-explain-'));
const TV = corpusPath('explain/reference/tinyvgg/model.onnx');
const IMG = (n: string): string => corpusPath(`explain/cnn-explainer-model/img/${n}.jpeg`);

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describeCorpus('nnlens explain / activations', () => {
  let out: string[] = [];
  beforeAll(() => {
    mkdirSync(ART, { recursive: true });
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  });
  afterAll(() => {
    vi.restoreAllMocks();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('Grad-CAM on espresso_1: the .npy equals the reference map and the overlay is a 256×256 PNG', async () => {
    out = [];
    const npy = join(tmp, 'gc.npy');
    const png = join(ART, 'espresso-gradcam.png');
    expect(await runExplain(TV, IMG('espresso_1'), { method: 'gradcam', output: png, npy })).toBe(0);
    const got = readNpy(new Uint8Array(readFileSync(npy)));
    const ref = readNpy(readCorpus('explain/reference/tinyvgg/espresso_1/gradcam.npy'));
    expect(got.shape).toEqual([1, 64, 64]);
    expect(maxDiff(got.data, ref.data)).toBeLessThan(1e-4);
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([256, 256, 'png']);
    expect(out.join('')).toMatch(
      /espresso \(6, 8\.640\)[\s\S]*gradcam for class 6 'espresso' at layer relu_2_2/,
    );
  });

  it('every method writes an overlay; --class and --layer pick what is explained', async () => {
    for (const method of ['gradcampp', 'saliency', 'smoothgrad', 'ig', 'occlusion']) {
      expect(
        await runExplain(TV, IMG('koala_1'), {
          method,
          output: join(ART, `koala-${method}.png`),
          steps: 16,
          samples: 8,
        }),
      ).toBe(0);
    }
    out = [];
    await runExplain(TV, IMG('koala_1'), {
      method: 'gradcam',
      layer: 'relu_1_2',
      class: 7,
      output: join(tmp, 'l.png'),
      json: true,
    });
    const doc = JSON.parse(out.join('')) as {
      target: { label: string };
      layer: { label: string; shape: number[] };
    };
    expect(doc.target.label).toBe('red panda');
    expect(doc.layer).toMatchObject({ label: 'relu_1_2', shape: [1, 10, 60, 60] });
  });

  it("CNN Explainer's own TF.js model (channels-last, softmax output): Grad-CAM of the logit equals the reference", async () => {
    out = [];
    const npy = join(tmp, 'tfjs.npy');
    const model = corpusPath('explain/cnn-explainer-model/model.json');
    expect(
      await runExplain(model, IMG('koala_1'), {
        method: 'gradcam',
        output: join(ART, 'koala-tfjs-gradcam.png'),
        npy,
      }),
    ).toBe(0);
    const ref = readNpy(readCorpus('explain/reference/tinyvgg/koala_1/gradcam.npy'));
    expect(maxDiff(readNpy(new Uint8Array(readFileSync(npy))).data, ref.data)).toBeLessThan(1e-4);
    expect(out.join('')).toMatch(/95\.3%  koala[\s\S]*class 5 'koala' at layer relu_2_2 \[1×10×26×26\]/);
  });

  it('digits LeNet-5 on a test PNG: grey 28×28 input, the golden class', async () => {
    out = [];
    const png = corpusPath('trained/test_images/test003_label9_pred9.png');
    expect(
      await runExplain(corpusPath('trained/digits_lenet5.onnx'), png, {
        method: 'gradcam',
        output: join(ART, 'digit9-gradcam.png'),
      }),
    ).toBe(0);
    expect(out.join('')).toMatch(/class 9 '9' at layer relu2/);
  });

  it('activations: a grid per conv layer, bar charts for dense layers and an index', async () => {
    const dir = join(ART, 'activations-espresso');
    expect(await runActivations(TV, IMG('espresso_1'), { output: dir, mode: 'layer' })).toBe(0);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
      top: { label: string }[];
      layers: { label: string; file: string | null; max: number }[];
    };
    expect(index.top[0]!.label).toBe('espresso');
    expect(index.layers.map((l) => l.label)).toEqual([
      'input',
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
      'flatten',
      'output',
    ]);
    const relu = index.layers.find((l) => l.label === 'relu_2_2')!;
    const ref = readNpy(readCorpus('explain/reference/tinyvgg/espresso_1/layers/relu_2_2.npy'));
    expect(relu.max).toBeCloseTo(Math.max(...ref.data), 4);
    for (const l of index.layers)
      if (l.file) expect((await sharp(join(dir, l.file)).metadata()).format).toBe('png');
  });

  it('refuses a non-image, an unsupported op and bad flags with messages that say why', async () => {
    const bad = join(tmp, 'notes.png');
    writeFileSync(bad, 'not an image');
    await expect(runExplain(TV, bad, { method: 'gradcam', output: join(tmp, 'x.png') })).rejects.toThrow(
      /cannot read .*notes\.png' as an image/,
    );
    await expect(
      runExplain(corpusPath('onnx/control_flow_loop_if.onnx'), IMG('koala_1'), {
        method: 'gradcam',
        output: join(tmp, 'x.png'),
      }),
    ).rejects.toThrow(/unsupported op 'Loop' at node/);
    await expect(
      runExplain(TV, IMG('koala_1'), { method: 'cam', output: join(tmp, 'x.png') }),
    ).rejects.toThrow(/--method 'cam'/);
    await expect(
      runExplain(TV, IMG('koala_1'), { method: 'gradcam', mean: '1,2', output: join(tmp, 'x.png') }),
    ).rejects.toThrow(/--mean/);
  });

  it('an 8000×6000 image is shrunk while decoding and explained', async () => {
    const huge = join(tmp, 'huge.jpg');
    await sharp({ create: { width: 8000, height: 6000, channels: 3, background: { r: 200, g: 60, b: 30 } } })
      .jpeg()
      .toFile(huge);
    expect(await runExplain(TV, huge, { method: 'gradcam', output: join(tmp, 'huge.png') })).toBe(0);
    const meta = await sharp(join(tmp, 'huge.png')).metadata();
    expect(meta.width).toBe(2048);
  });
});
