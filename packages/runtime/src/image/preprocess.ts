/** Image → model input: resize, channel order, scale, mean/std, NCHW; settings inferred from the model. */
import type { Model } from '@nnlens/ir';
import type { HostTensor } from '../host.js';
import { centerSquare, resizeRgba, type RgbaImage } from './rgba.js';

/** How an image becomes the model's input tensor. */
export interface Preprocess {
  /** Model input size [H, W]. */
  size: [number, number];
  /** 1 = grey (luma), 3 = colour. */
  channels: 1 | 3;
  /** Colour order of the channels. */
  order: 'rgb' | 'bgr';
  /** Pixel (0–255) multiplier before mean/std, e.g. 1/255. */
  scale: number;
  /** Per-channel mean subtracted after scaling. */
  mean: number[];
  /** Per-channel std divided by after subtracting the mean. */
  std: number[];
  /** 'stretch' the whole image, or 'crop' its central square first. */
  fit: 'stretch' | 'crop';
  /** Tensor layout of the model input. */
  layout: 'nchw' | 'nhwc';
}

/** ImageNet statistics on [0, 1] pixels (torchvision). */
export const IMAGENET_MEAN = [0.485, 0.456, 0.406];
/** ImageNet standard deviations on [0, 1] pixels. */
export const IMAGENET_STD = [0.229, 0.224, 0.225];

/**
 * Preprocessing read off the model: size and channels from the input shape (NCHW, or NHWC when the last
 * dim is 1 or 3), [0, 1] pixels, and ImageNet mean/std for 224-class inputs with 1000 outputs (the
 * torchvision convention). Metadata keys `mean`, `std`, `scale`, `channel_order` override.
 */
export function inferPreprocess(model: Model): Preprocess {
  const input = model.graph.inputs.find((v) => !model.graph.initializers.has(v.name));
  const shape = input?.shape ?? null;
  const dims = (shape ?? []).map((d) => (typeof d === 'number' ? d : null));
  let layout: Preprocess['layout'] = 'nchw';
  let [c, h, w] = [dims[1] ?? 3, dims[2] ?? 224, dims[3] ?? 224];
  if (dims.length === 4 && (dims[3] === 1 || dims[3] === 3) && dims[1] !== 1 && dims[1] !== 3) {
    layout = 'nhwc';
    [h, w, c] = [dims[1] ?? 224, dims[2] ?? 224, dims[3]!];
  }
  const out = model.graph.outputs[0]?.shape;
  const classes = out && typeof out[out.length - 1] === 'number' ? (out[out.length - 1] as number) : 0;
  const imagenet = c === 3 && classes >= 1000 && h >= 160;
  const meta = model.metadata;
  const nums = (s: string | undefined): number[] | undefined =>
    s
      ? s
          .split(/[\s,[\]]+/)
          .filter(Boolean)
          .map(Number)
          .filter((x) => Number.isFinite(x))
      : undefined;
  return {
    size: [h, w],
    channels: c === 1 ? 1 : 3,
    order: meta.channel_order?.toLowerCase() === 'bgr' ? 'bgr' : 'rgb',
    scale: Number(meta.scale ?? 1 / 255),
    mean: nums(meta.mean) ?? (imagenet ? IMAGENET_MEAN : [0, 0, 0]),
    std: nums(meta.std) ?? (imagenet ? IMAGENET_STD : [1, 1, 1]),
    fit: 'stretch',
    layout,
  };
}

/** The model input [1, C, H, W] (or [1, H, W, C]) for an image. Alpha is composited over white. */
export function imageToInput(img: RgbaImage, pre: Preprocess): HostTensor {
  const [h, w] = pre.size;
  const src = pre.fit === 'crop' ? centerSquare(img) : img;
  const px = src.width === w && src.height === h ? Float32Array.from(src.data) : resizeRgba(src, w, h);
  const c = pre.channels;
  const data = new Float32Array(c * h * w);
  // x/255 in float32, exactly as numpy's `img.astype(float32) / 255` (multiplying by 1/255 is off by an ulp).
  const inv = 1 / pre.scale;
  const scaled =
    Math.abs(inv - Math.round(inv)) < 1e-9
      ? (v: number) => Math.fround(v / Math.round(inv))
      : (v: number) => Math.fround(v * pre.scale);
  for (let i = 0; i < h * w; i++) {
    const a = px[i * 4 + 3]! / 255;
    const rgb = [0, 1, 2].map((k) => px[i * 4 + k]! * a + 255 * (1 - a));
    const grey =
      rgb[0] === rgb[1] && rgb[1] === rgb[2] ? rgb[0]! : 0.299 * rgb[0]! + 0.587 * rgb[1]! + 0.114 * rgb[2]!;
    const chans = c === 1 ? [grey] : pre.order === 'bgr' ? rgb.reverse() : rgb;
    for (let k = 0; k < c; k++) {
      const v = (scaled(chans[k]!) - (pre.mean[k] ?? pre.mean[0] ?? 0)) / (pre.std[k] ?? pre.std[0] ?? 1);
      data[pre.layout === 'nchw' ? k * h * w + i : i * c + k] = v;
    }
  }
  const shape = pre.layout === 'nchw' ? [1, c, h, w] : [1, h, w, c];
  return { dtype: 'float32', shape, data };
}

/** The input tensor back as an image (undoing mean/std/scale), for showing what the model saw. */
export function inputToImage(x: HostTensor, pre: Preprocess): RgbaImage {
  const [h, w] = pre.size;
  const c = pre.channels;
  const data = new Uint8ClampedArray(h * w * 4);
  for (let i = 0; i < h * w; i++) {
    const get = (k: number): number => {
      const v = Number(x.data[pre.layout === 'nchw' ? k * h * w + i : i * c + k]);
      return (v * (pre.std[k] ?? 1) + (pre.mean[k] ?? 0)) / pre.scale;
    };
    const rgb = c === 1 ? [get(0), get(0), get(0)] : [get(0), get(1), get(2)];
    if (c === 3 && pre.order === 'bgr') rgb.reverse();
    data.set([rgb[0]!, rgb[1]!, rgb[2]!, 255], i * 4);
  }
  return { width: w, height: h, data };
}
