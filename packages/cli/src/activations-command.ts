/** `nnlens activations MODEL IMAGE -o dir/`: every layer's feature maps as PNG grids, dense layers as bar charts, an index. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  featureGrid,
  inputToImage,
  labelOf,
  listLayers,
  type LayerInfo,
  type ScaleMode,
  type TapTensor,
} from '@nnlens/runtime';
import { barChartSvg } from './activations-svg.js';
import { svgToPng } from './draw-png.js';
import { encodePng } from './explain-image.js';
import { prepare, topK, type PreprocessFlags } from './explain-setup.js';

/** Options of the activations command. */
export interface ActivationsOptions extends PreprocessFlags {
  output: string;
  mode?: string;
  /** Draw at most this many channels per layer. */
  maxChannels?: number;
}

function fileName(i: number, label: string): string {
  return `${String(i).padStart(3, '0')}-${label.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'layer'}.png`;
}

function stats(t: TapTensor): { min: number; max: number; mean: number } {
  let [min, max, sum] = [Infinity, -Infinity, 0];
  for (const v of t.data) {
    const x = Number(v);
    min = Math.min(min, x);
    max = Math.max(max, x);
    sum += x;
  }
  return { min, max, mean: t.data.length ? sum / t.data.length : 0 };
}

/** Runs the command; resolves to the exit code. */
export async function runActivations(
  modelPath: string,
  imagePath: string,
  opts: ActivationsOptions,
): Promise<number> {
  const mode = (opts.mode ?? 'unit') as ScaleMode;
  if (!['unit', 'layer', 'global'].includes(mode))
    throw new Error(`--mode '${opts.mode}': expected unit, layer or global`);
  const p = await prepare(modelPath, imagePath, opts);
  mkdirSync(opts.output, { recursive: true });
  const trace = p.session.run({ [p.session.inputs[0]!.name]: p.input });
  const layers = listLayers(p.session.program, trace);
  let globalRange = 0;
  const taps = new Map<string, TapTensor>();
  for (const l of layers) {
    const t = trace.readNchw(l.value);
    taps.set(l.value, t);
    if (l.kind !== 'input' && t.shape.length === 4)
      for (const v of t.data) globalRange = Math.max(globalRange, Math.abs(Number(v)));
  }
  const outputName = p.session.outputs[0]!;
  const index: Record<string, unknown>[] = [];
  let i = 0;
  const write = async (l: LayerInfo, t: TapTensor): Promise<string | null> => {
    const name = fileName(i, l.label);
    if (l.kind === 'input' && t.shape.length === 4) {
      // The picture is the model's own input (its layout), not the channels-first tap.
      writeFileSync(join(opts.output, name), await encodePng(inputToImage(p.input, p.pre)));
    } else if (t.shape.length === 4) {
      const grid = featureGrid(t, { mode, globalRange, limit: opts.maxChannels ?? 256 });
      writeFileSync(join(opts.output, name), await encodePng(grid));
    } else if (t.shape.length === 2 && t.shape[0] === 1 && t.data.length <= 128) {
      const names = l.value === outputName ? Array.from(t.data, (_, k) => labelOf(p.labels, k)) : null;
      writeFileSync(
        join(opts.output, name),
        svgToPng(barChartSvg(`${l.label} (${l.op}) [${t.shape.join('×')}]`, t.data, names), 96),
      );
    } else {
      return null;
    }
    return name;
  };
  for (const l of layers) {
    const t = taps.get(l.value)!;
    const file = await write(l, t);
    index.push({ label: l.label, value: l.value, op: l.op, kind: l.kind, shape: l.shape, ...stats(t), file });
    i++;
  }
  const top = topK(trace.read(outputName).data).map((t) => ({ ...t, label: labelOf(p.labels, t.index) }));
  trace.dispose();
  p.session.dispose();
  writeFileSync(
    join(opts.output, 'index.json'),
    JSON.stringify({ model: modelPath, image: imagePath, mode, top, layers: index }, null, 2) + '\n',
  );
  const files = index.filter((x) => x.file).length;
  process.stdout.write(`${files} layer images and index.json → ${opts.output}\n`);
  for (const t of top.slice(0, 3))
    process.stdout.write(`  ${(100 * t.prob).toFixed(1).padStart(5)}%  ${t.label}\n`);
  return 0;
}
