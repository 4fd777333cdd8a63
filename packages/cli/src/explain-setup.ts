/** Shared setup of explain/activations: model session, preprocessing flags, labels, and the preprocessed input. */
import { readFileSync } from 'node:fs';
import {
  builtinLabels,
  imageToInput,
  inferPreprocess,
  parseLabels,
  Session,
  type HostTensor,
  type Preprocess,
  type RgbaImage,
} from '@nnlens/runtime';
import type { Model } from '@nnlens/ir';
import { loadModelAsync } from './load-model.js';
import { readImage } from './explain-image.js';

/** Preprocessing flags shared by explain and activations. */
export interface PreprocessFlags {
  size?: string;
  mean?: string;
  std?: string;
  bgr?: boolean;
  scale?: number;
  crop?: boolean;
  labels?: string;
}

function numbers(flag: string, text: string, count: number[]): number[] {
  const v = text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number);
  if (!count.includes(v.length) || v.some((x) => !Number.isFinite(x))) {
    throw new Error(`--${flag} '${text}': expected ${count.join(' or ')} comma-separated numbers`);
  }
  return v;
}

/** The model's inferred preprocessing with the command-line overrides applied. */
export function preprocessFor(model: Model, flags: PreprocessFlags): Preprocess {
  const pre = inferPreprocess(model);
  if (flags.size) {
    const s = numbers('size', flags.size.replace(/x/i, ','), [1, 2]);
    pre.size = [s[0]!, s[1] ?? s[0]!];
  }
  if (flags.mean) pre.mean = numbers('mean', flags.mean, [1, 3]);
  if (flags.std) pre.std = numbers('std', flags.std, [1, 3]);
  if (pre.std.some((x) => x === 0)) throw new Error('--std must not contain 0');
  if (flags.bgr) pre.order = 'bgr';
  if (flags.scale !== undefined) pre.scale = flags.scale;
  if (flags.crop) pre.fit = 'crop';
  return pre;
}

/** Class labels: --labels FILE, else the built-in classes of the demo models. */
export function labelsFor(model: Model, file?: string): string[] | null {
  return file ? parseLabels(readFileSync(file, 'utf8')) : builtinLabels(model);
}

/** Everything the commands need. */
export interface Prepared {
  model: Model;
  session: Session;
  pre: Preprocess;
  image: RgbaImage;
  input: HostTensor;
  labels: string[] | null;
  warnings: string[];
}

/** Loads the model and the image, and builds the input. */
export async function prepare(
  modelPath: string,
  imagePath: string,
  flags: PreprocessFlags,
): Promise<Prepared> {
  const loaded = await loadModelAsync(modelPath);
  const session = await Session.create(loaded.model);
  const pre = preprocessFor(loaded.model, flags);
  const image = await readImage(imagePath);
  const input = imageToInput(image, pre);
  return {
    model: loaded.model,
    session,
    pre,
    image,
    input,
    labels: labelsFor(loaded.model, flags.labels),
    warnings: loaded.warnings,
  };
}

/** Top-k (index, value, probability) of a logits/probabilities vector. */
export function topK(output: ArrayLike<number>, k = 5): { index: number; value: number; prob: number }[] {
  const vals = Array.from(output);
  const sumsToOne = vals.every((v) => v >= 0) && Math.abs(vals.reduce((a, b) => a + b, 0) - 1) < 1e-3;
  const max = Math.max(...vals);
  const exps = vals.map((v) => Math.exp(v - max));
  const z = exps.reduce((a, b) => a + b, 0);
  const probs = sumsToOne ? vals : exps.map((e) => e / z);
  return vals
    .map((value, index) => ({ index, value, prob: probs[index]! }))
    .sort((a, b) => b.value - a.value)
    .slice(0, k);
}
