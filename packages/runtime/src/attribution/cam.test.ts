/** Grad-CAM / Grad-CAM++ post-processing from the saved A and G, step by step against pytorch-grad-cam (≤ 1e-6). */
import { describe, expect, it } from 'vitest';
import { describeCorpus } from '../../../../test/corpus.js';
import { gradCam, gradCamPlusPlus } from './cam.js';
import { minmax, resizeBilinear } from './maps.js';
import { CASES, maxDiff, ref } from './test-helpers.test-helper.js';

describe('CAM maps', () => {
  it('minmax maps a constant map to zeros, never NaN', () => {
    expect(Array.from(minmax([3, 3, 3]))).toEqual([0, 0, 0]);
    // 1e-7 vanishes next to a float32 range of 2.
    expect(Array.from(minmax([1, 2, 3]))).toEqual([0, 0.5, 1]);
  });

  it('half-pixel bilinear resize matches hand-computed values and keeps constants', () => {
    // 1×2 → 1×4: centres at -0.25, 0.25, 0.75, 1.25 → clamp, 0.25, 0.75, clamp.
    expect(Array.from(resizeBilinear([0, 1], 1, 2, 1, 4))).toEqual([0, 0.25, 0.75, 1]);
    expect(Array.from(resizeBilinear([5, 5, 5, 5], 2, 2, 3, 3))).toEqual(new Array(9).fill(5));
  });

  it('an all-negative CAM is an empty (zero) map, not NaN', () => {
    const A = { shape: [1, 1, 2, 2], data: [1, 2, 3, 4] };
    const G = { shape: [1, 1, 2, 2], data: [-1, -1, -1, -1] };
    const cam = gradCam(A, G, [4, 4]);
    expect(cam.map.every((v) => v === 0)).toBe(true);
  });
});

describeCorpus('CAM post-processing matches the reference from saved A and G', () => {
  for (const c of CASES) {
    it(`${c}: Grad-CAM weights, raw, low-res, upsampled, final`, () => {
      const A = ref(c, 'target_layer_activation');
      const G = ref(c, 'target_layer_grad');
      const cam = gradCam(A, G, [64, 64]);
      expect(maxDiff(cam.weights, ref(c, 'gradcam_weights').data)).toBeLessThan(1e-6);
      expect(maxDiff(cam.raw, ref(c, 'gradcam_raw').data)).toBeLessThan(1e-6);
      expect(maxDiff(cam.lowres, ref(c, 'gradcam_lowres').data)).toBeLessThan(1e-6);
      expect(maxDiff(cam.upsampled, ref(c, 'gradcam_upsampled').data)).toBeLessThan(1e-6);
      expect(maxDiff(cam.map, ref(c, 'gradcam').data)).toBeLessThan(1e-6);
    });

    it(`${c}: Grad-CAM++ alpha, weights, raw, low-res, final`, () => {
      const A = ref(c, 'target_layer_activation');
      const G = ref(c, 'target_layer_grad');
      const cam = gradCamPlusPlus(A, G, [64, 64]);
      expect(maxDiff(cam.alpha!, ref(c, 'gradcampp_alpha').data)).toBeLessThan(1e-6);
      expect(maxDiff(cam.weights, ref(c, 'gradcampp_weights').data)).toBeLessThan(1e-6);
      expect(maxDiff(cam.raw, ref(c, 'gradcampp_raw').data)).toBeLessThan(1e-6);
      expect(maxDiff(cam.lowres, ref(c, 'gradcampp_lowres').data)).toBeLessThan(1e-6);
      expect(maxDiff(cam.map, ref(c, 'gradcampp').data)).toBeLessThan(1e-6);
    });
  }
});
