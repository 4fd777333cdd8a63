/** `nnlens explain MODEL IMAGE --method …`: an attribution overlay PNG (and the raw numbers as .npy). */
import { writeFileSync } from 'node:fs';
import {
  explain,
  labelOf,
  METHODS,
  overlay,
  resizeBilinear,
  resizeRgba,
  type RgbaImage,
  writeNpy,
  type AttributionMethod,
  type ColormapName,
  type ExplainOptions,
} from '@nnlens/runtime';
import { encodePng } from './explain-image.js';
import { prepare, topK, type PreprocessFlags } from './explain-setup.js';

/** Options of the explain command. */
export interface ExplainCommandOptions extends PreprocessFlags {
  method: string;
  layer?: string;
  class?: number;
  output: string;
  npy?: string;
  opacity?: number;
  colormap?: string;
  steps?: number;
  samples?: number;
  window?: number;
  stride?: number;
  json?: boolean;
}

const COLORMAPS = ['jet', 'viridis', 'inferno', 'greys'];

/** The image enlarged (bilinear) so its long side is at least `min` pixels. */
function upscaled(img: RgbaImage, min: number): RgbaImage {
  const f = Math.ceil(min / Math.max(img.width, img.height));
  if (f <= 1) return img;
  const data = Uint8ClampedArray.from(resizeRgba(img, img.width * f, img.height * f));
  return { width: img.width * f, height: img.height * f, data };
}

/** Runs the command; resolves to the exit code. */
export async function runExplain(
  modelPath: string,
  imagePath: string,
  opts: ExplainCommandOptions,
): Promise<number> {
  const method = opts.method as AttributionMethod;
  if (!METHODS.includes(method))
    throw new Error(`--method '${opts.method}': expected one of ${METHODS.join(', ')}`);
  const cmap = (opts.colormap ?? 'jet') as ColormapName;
  if (!COLORMAPS.includes(cmap))
    throw new Error(`--colormap '${opts.colormap}': expected one of ${COLORMAPS.join(', ')}`);
  const p = await prepare(modelPath, imagePath, opts);
  const options: ExplainOptions = { method };
  if (opts.layer) options.layer = opts.layer;
  if (opts.class !== undefined) options.target = opts.class;
  if (opts.steps) options.ig = { steps: opts.steps };
  if (opts.samples) options.smoothGrad = { samples: opts.samples };
  if (opts.window) {
    const w = opts.window;
    const s = opts.stride ?? Math.max(1, Math.floor(w / 2));
    options.occlusion = { window: [w, w], stride: [s, s] };
  }
  const t0 = performance.now();
  const e = await explain(p.session, p.input, options);
  const ms = performance.now() - t0;
  // The heatmap is drawn over the (decoded, size-bounded) original image, enlarged when tiny (64×64 demos).
  const [h, w] = e.size;
  const base = upscaled(p.image, 256);
  const heat = resizeBilinear(e.heatmap, h, w, base.height, base.width);
  const png = await encodePng(overlay(base, heat, { opacity: opts.opacity ?? 0.5, colormap: cmap }));
  writeFileSync(opts.output, png);
  if (opts.npy) writeFileSync(opts.npy, writeNpy(e.values.data as Float32Array, e.values.shape));
  const top = topK(e.output);
  if (opts.json) {
    const doc = {
      method,
      target: { index: e.target, label: labelOf(p.labels, e.target) },
      layer: e.layer ? { label: e.layer.label, value: e.layer.value, shape: e.layer.shape } : null,
      top: top.map((t) => ({ ...t, label: labelOf(p.labels, t.index) })),
      output: opts.output,
      npy: opts.npy ?? null,
      ms: Math.round(ms),
    };
    process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
  } else {
    for (const t of top) {
      process.stdout.write(
        `  ${(100 * t.prob).toFixed(1).padStart(5)}%  ${labelOf(p.labels, t.index)} (${t.index}, ${t.value.toFixed(3)})\n`,
      );
    }
    const where = e.layer ? ` at layer ${e.layer.label} [${e.layer.shape.join('×')}]` : '';
    process.stdout.write(
      `${method} for class ${e.target} '${labelOf(p.labels, e.target)}'${where} in ${ms.toFixed(0)} ms → ${opts.output}${opts.npy ? `, ${opts.npy}` : ''}\n`,
    );
  }
  for (const wng of p.warnings) process.stderr.write(`warning: ${wng}\n`);
  p.session.dispose();
  return 0;
}
