/** Every attribution method end to end on Tiny VGG against the PyTorch/pytorch-grad-cam/captum reference arrays. */
import { openModel } from '@nnlens/formats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../test/corpus.js';
import { CASES, maxAbs, maxDiff, outliers, ref } from './attribution/test-helpers.test-helper.js';
import { explain } from './explain.js';
import type { HostTensor } from './host.js';
import { Session } from './session.js';

/**
 * Gradients of a piecewise-linear net: ≤ 1e-4·max|ref|, allowing `flips` values moved by ReLU/max-pool
 * decision flips (which still stay within 1 % of max|ref|).
 */
function expectGradLike(got: ArrayLike<number>, want: ArrayLike<number>, name: string, flips = 0): void {
  const tol = 1e-4 * maxAbs(want);
  expect(got.length, name).toBe(want.length);
  expect(
    outliers(got, want, tol),
    `${name}: values off by more than ${tol.toExponential(2)}`,
  ).toBeLessThanOrEqual(flips);
  expect(maxDiff(got, want), name).toBeLessThan(1e-2 * maxAbs(want));
}

describeCorpus('attributions on Tiny VGG match the reference', () => {
  let session: Session;
  const input: Record<string, HostTensor> = {};
  beforeAll(async () => {
    session = await Session.create(
      openModel({ name: 'model.onnx', bytes: readCorpus('explain/reference/tinyvgg/model.onnx') }),
    );
    for (const c of CASES) {
      const x = ref(c, 'input');
      input[c] = { dtype: 'float32', shape: x.shape, data: x.data as Float32Array };
    }
  });
  afterAll(() => session?.dispose());

  for (const c of CASES) {
    it(`${c}: Grad-CAM at the default layer (relu_2_2), every step`, async () => {
      const e = await explain(session, input[c]!, { method: 'gradcam' });
      expect(e.layer?.label).toBe('relu_2_2');
      expect(e.target).toBe(c === 'espresso_1' ? 6 : 5);
      expect(maxDiff(e.extras.activation!.data, ref(c, 'target_layer_activation').data)).toBeLessThan(1e-5);
      expectGradLike(e.extras.gradient!.data, ref(c, 'target_layer_grad').data, 'G');
      const cam = e.cam!;
      expect(maxDiff(cam.weights, ref(c, 'gradcam_weights').data)).toBeLessThan(1e-5);
      expect(maxDiff(cam.raw, ref(c, 'gradcam_raw').data)).toBeLessThan(1e-4);
      expect(maxDiff(cam.lowres, ref(c, 'gradcam_lowres').data)).toBeLessThan(1e-4);
      expect(maxDiff(cam.upsampled, ref(c, 'gradcam_upsampled').data)).toBeLessThan(1e-4);
      expect(maxDiff(e.heatmap, ref(c, 'gradcam').data)).toBeLessThan(1e-4);
    });

    it(`${c}: Grad-CAM++`, async () => {
      const e = await explain(session, input[c]!, { method: 'gradcampp', layer: 'relu_2_2' });
      expect(maxDiff(e.cam!.weights, ref(c, 'gradcampp_weights').data)).toBeLessThan(
        1e-4 * maxAbs(ref(c, 'gradcampp_weights').data),
      );
      expect(maxDiff(e.cam!.lowres, ref(c, 'gradcampp_lowres').data)).toBeLessThan(1e-4);
      expect(maxDiff(e.heatmap, ref(c, 'gradcampp').data)).toBeLessThan(1e-4);
    });

    it(`${c}: vanilla gradient saliency (signed, |·|max, |·|sum)`, async () => {
      const e = await explain(session, input[c]!, { method: 'saliency' });
      expectGradLike(e.values.data, ref(c, 'saliency_grad').data, 'grad');
      expectGradLike(e.extras.saliency_absmax!.data, ref(c, 'saliency_absmax').data, 'absmax');
      expectGradLike(e.extras.saliency_abssum!.data, ref(c, 'saliency_abssum').data, 'abssum');
    });

    it(`${c}: SmoothGrad with the reference noise`, async () => {
      const noise = ref('..', 'smoothgrad_noise').data as Float32Array;
      const e = await explain(session, input[c]!, {
        method: 'smoothgrad',
        smoothGrad: { noise, samples: 16, sigmaFraction: 0.15 },
      });
      expectGradLike(e.values.data, ref(c, 'smoothgrad').data, 'smoothgrad', 8);
      expectGradLike(e.extras.smoothgrad_absmax!.data, ref(c, 'smoothgrad_absmax').data, 'absmax', 8);
      expectGradLike(e.extras.smoothgrad_sq!.data, ref(c, 'smoothgrad_sq').data, 'sq', 8);
    });

    it(`${c}: Integrated Gradients, right Riemann and Gauss–Legendre (50 steps)`, async () => {
      const rr = await explain(session, input[c]!, {
        method: 'ig',
        ig: { rule: 'riemann_right', steps: 50 },
      });
      expectGradLike(rr.values.data, ref(c, 'ig_riemann_right_50').data, 'IG right');
      expectGradLike(
        rr.extras.ig_mean_grad!.data,
        ref(c, 'ig_riemann_right_50_avg_grad').data,
        'avg grad',
        16,
      );
      // captum evaluates all 50 Gauss–Legendre points in one torch batch; on espresso one of them flips
      // ReLU/max-pool decisions (219 of 12,288 values, at most 0.56 % of max|IG|); koala matches fully.
      const gl = await explain(session, input[c]!, { method: 'ig' });
      expectGradLike(
        gl.values.data,
        ref(c, 'ig_gausslegendre_50_captum').data,
        'IG GL',
        c === 'espresso_1' ? 250 : 0,
      );
    });

    it(`${c}: occlusion, window 8 stride 4 (captum semantics)`, async () => {
      const e = await explain(session, input[c]!, {
        method: 'occlusion',
        occlusion: { window: [8, 8], stride: [4, 4] },
      });
      const want = ref(c, 'occlusion').data;
      expect(maxDiff(e.values.data, want)).toBeLessThan(1e-4 * Math.max(1, maxAbs(want)));
      // captum repeats the map on each of the 3 channels.
      const captum = ref(c, 'occlusion_captum').data as Float32Array;
      for (let ch = 1; ch < 3; ch++)
        expect(maxDiff(captum.subarray(ch * 4096, (ch + 1) * 4096), captum.subarray(0, 4096))).toBe(0);
      expect(maxDiff(e.values.data, captum.subarray(0, 64 * 64))).toBeLessThan(
        1e-4 * Math.max(1, maxAbs(want)),
      );
    });
  }

  it('any class: dY_k/d(flatten) is row k of the output layer’s weight for every k', async () => {
    const w = session.model.graph.initializers.get('output.weight')!;
    const rows = new Float32Array(
      w.storage.kind === 'raw' ? w.storage.bytes.slice().buffer : new ArrayBuffer(0),
    );
    const trace = session.run({ input: input.espresso_1! });
    for (let k = 0; k < 10; k++) {
      const g = session.gradient(trace, '/flatten/Flatten_output_0', { index: k }).grad.data;
      expect(maxDiff(g, rows.subarray(k * 1690, (k + 1) * 1690))).toBe(0);
    }
    trace.dispose();
  });

  it('any layer: the gradient at conv_2_2 is the reference relu_2_2 gradient masked by conv_2_2 > 0', async () => {
    const e = await explain(session, input.espresso_1!, { method: 'gradcam', layer: 'conv_2_2' });
    expect(e.layer?.value).toBe('/conv_2_2/Conv_output_0');
    const pre = ref('espresso_1', 'layers/conv_2_2').data;
    const G = ref('espresso_1', 'target_layer_grad').data;
    const want = Float32Array.from(G, (g, i) => (pre[i]! > 0 ? g : 0));
    expectGradLike(e.extras.gradient!.data, want, 'G conv_2_2');
  });

  it('names what is wrong: unknown layer, class out of range, non-spatial layer', async () => {
    await expect(explain(session, input.koala_1!, { method: 'gradcam', layer: 'nope' })).rejects.toThrow(
      /no layer 'nope'.*relu_2_2/,
    );
    await expect(explain(session, input.koala_1!, { method: 'saliency', target: 10 })).rejects.toThrow(
      /class 10/,
    );
    await expect(explain(session, input.koala_1!, { method: 'gradcam', layer: 'flatten' })).rejects.toThrow(
      /not \[N,C,H,W\]/,
    );
  });
});
