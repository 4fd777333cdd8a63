/** Tests of image preprocessing, colour maps, label files and feature grids. */
import { openModel } from '@nnlens/formats';
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../../test/corpus.js';
import { colorAt, overlay } from './colormap.js';
import { channelRanges, featureGrid } from './feature-grid.js';
import { parseLabels, TINY_VGG_CLASSES } from '../labels.js';
import { imageToInput, inferPreprocess, inputToImage, type Preprocess } from './preprocess.js';
import { resizeRgba, type RgbaImage } from './rgba.js';

const solid = (w: number, h: number, rgba: number[]): RgbaImage => ({
  width: w,
  height: h,
  data: Uint8ClampedArray.from({ length: w * h * 4 }, (_, i) => rgba[i % 4]!),
});

describe('preprocessing', () => {
  const pre: Preprocess = {
    size: [2, 2],
    channels: 3,
    order: 'rgb',
    scale: 1 / 255,
    mean: [0.5, 0.5, 0.5],
    std: [0.5, 0.25, 1],
    fit: 'stretch',
    layout: 'nchw',
  };
  it('scales, normalises per channel, orders channels and lays out NCHW or NHWC', () => {
    const x = imageToInput(solid(4, 4, [255, 0, 51, 255]), pre);
    expect(x.shape).toEqual([1, 3, 2, 2]);
    expect(Array.from(x.data)).toEqual([
      1,
      1,
      1,
      1,
      -2,
      -2,
      -2,
      -2,
      ...new Array(4).fill(Math.fround(Math.fround(51 / 255) - 0.5)),
    ]);
    const bgr = imageToInput(solid(2, 2, [255, 0, 51, 255]), {
      ...pre,
      order: 'bgr',
      layout: 'nhwc',
      mean: [0, 0, 0],
      std: [1, 1, 1],
    });
    expect(bgr.shape).toEqual([1, 2, 2, 3]);
    expect(Array.from(bgr.data.slice(0, 3))).toEqual([Math.fround(51 / 255), 0, 1]);
  });
  it('composites transparency over white and round-trips through inputToImage', () => {
    const x = imageToInput(solid(2, 2, [0, 0, 0, 0]), { ...pre, mean: [0, 0, 0], std: [1, 1, 1] });
    expect(Array.from(x.data).every((v) => v === 1)).toBe(true);
    const img = inputToImage(imageToInput(solid(2, 2, [10, 20, 30, 255]), pre), pre);
    expect(Array.from(img.data.slice(0, 4))).toEqual([10, 20, 30, 255]);
  });
  it('shrinks by area averaging and enlarges bilinearly', () => {
    const img: RgbaImage = {
      width: 2,
      height: 1,
      data: Uint8ClampedArray.from([0, 0, 0, 255, 200, 100, 50, 255]),
    };
    expect(Array.from(resizeRgba(img, 1, 1))).toEqual([100, 50, 25, 255]);
    expect(Array.from(resizeRgba(img, 4, 1)).filter((_, i) => i % 4 === 0)).toEqual([0, 50, 150, 200]);
  });
});

describeCorpus('preprocessing inferred from corpus models', () => {
  it('Tiny VGG: 64×64 RGB in [0,1]; digits: 28×28 grey in [0,1]; ImageNet models: mean/std', () => {
    const tv = inferPreprocess(
      openModel({ name: 'm.onnx', bytes: readCorpus('explain/reference/tinyvgg/model.onnx') }),
    );
    expect(tv).toMatchObject({
      size: [64, 64],
      channels: 3,
      mean: [0, 0, 0],
      std: [1, 1, 1],
      layout: 'nchw',
    });
    const d = inferPreprocess(openModel({ name: 'm.onnx', bytes: readCorpus('trained/digits_lenet5.onnx') }));
    expect(d).toMatchObject({ size: [28, 28], channels: 1 });
    const sq = inferPreprocess(openModel({ name: 'm.onnx', bytes: readCorpus('onnx/squeezenet1_1.onnx') }));
    expect(sq.mean).toEqual([0.485, 0.456, 0.406]);
  });
  it('the digits PNG pixels become exactly the golden input (uint8 / 255)', () => {
    const golden = readCorpusJson<{ images: { pixels_uint8: number[][] }[] }>('trained/golden_outputs.json');
    const px = golden.images[0]!.pixels_uint8.flat();
    const img: RgbaImage = {
      width: 28,
      height: 28,
      data: Uint8ClampedArray.from(px.flatMap((p) => [p, p, p, 255])),
    };
    const d = inferPreprocess(openModel({ name: 'm.onnx', bytes: readCorpus('trained/digits_lenet5.onnx') }));
    const x = imageToInput(img, d);
    expect(Array.from(x.data)).toEqual(px.map((p) => Math.fround(p / 255)));
  });
});

describe('colour maps and overlays', () => {
  it('jet runs blue → green → red like OpenCV; RdBu is white at the middle', () => {
    expect(colorAt('jet', 0)).toEqual([0, 0, 128]);
    expect(colorAt('jet', 0.5)).toEqual([128, 255, 128]);
    expect(colorAt('jet', 1)).toEqual([128, 0, 0]);
    expect(colorAt('rdbu', 0.5)).toEqual([247, 247, 247]);
    expect(colorAt('viridis', Number.NaN)).toEqual(colorAt('viridis', 0));
  });
  it('overlay blends by opacity and can normalise like show_cam_on_image', () => {
    const img = solid(1, 1, [100, 100, 100, 255]);
    expect(Array.from(overlay(img, [1], { opacity: 0 }).data)).toEqual([100, 100, 100, 255]);
    expect(Array.from(overlay(img, [1], { opacity: 1 }).data)).toEqual([128, 0, 0, 255]);
    expect(Array.from(overlay(img, [1], { opacity: 0.5, normalize: true }).data)).toEqual([
      255, 112, 112, 255,
    ]);
  });
});

describe('labels and feature grids', () => {
  it('parses line lists, JSON lists and ImageNet-style index objects', () => {
    expect(parseLabels('cat\ndog\n\n')).toEqual(['cat', 'dog']);
    expect(parseLabels('n01440764 tench\nn01443537 goldfish')).toEqual(['tench', 'goldfish']);
    expect(parseLabels('["a","b"]')).toEqual(['a', 'b']);
    expect(parseLabels('{"1": ["n2", "b"], "0": ["n1", "a"]}')).toEqual(['a', 'b']);
    expect(() => parseLabels('{"x": 1}')).toThrow(/index/);
    expect(TINY_VGG_CLASSES[6]).toBe('espresso');
  });
  it('unit, layer and global ranges; a grid holds every channel', () => {
    const t = { dtype: 'float32' as const, shape: [1, 2, 1, 2], data: Float32Array.of(1, -2, 4, 0) };
    expect(channelRanges(t, 'unit')).toEqual([2, 4]);
    expect(channelRanges(t, 'layer')).toEqual([4, 4]);
    expect(channelRanges(t, 'global', 10)).toEqual([10, 10]);
    const g = featureGrid(t, { cell: 1, gap: 1, columns: 2 });
    expect([g.width, g.height]).toEqual([2 * 2 + 3, 1 + 2]);
    // Channel 1's zero is the middle (white) of RdBu; channel 0's −2 is the reddest colour of its unit range.
    expect(Array.from(g.data.slice((1 * 7 + 5) * 4, (1 * 7 + 5) * 4 + 3))).toEqual(
      colorAt('rdbu', 128 / 255),
    );
    expect(Array.from(g.data.slice((1 * 7 + 2) * 4, (1 * 7 + 2) * 4 + 3))).toEqual(colorAt('rdbu', 0));
  });
});
