/** Wires `nnlens draw MODEL|SPEC` to the loader, the analyzer, the diagram styles and the SVG/PNG/TeX writers. */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyze } from '@nnlens/analysis';
import {
  STYLES,
  drawDiagramReport,
  drawSpec,
  type DiagramReport,
  type DiagramStyle,
  type DrawOptions,
} from '@nnlens/diagrams';
import { collectOptions, outputKind } from './draw-options.js';
import { svgToPng } from './draw-png.js';
import { loadModelAsync } from './load-model.js';

/** Command-line options of `nnlens draw`. */
export interface DrawCommandOptions {
  style?: string;
  output?: string;
  dpi?: number;
  title?: string;
  depth?: number;
  direction?: string;
  transparent?: boolean;
  legend?: boolean;
  skips?: boolean;
  option?: string[];
}

/** True when the file is a hand-written spec rather than a model. */
export function isSpecFile(path: string, text?: string): boolean {
  if (/\.ya?ml$/i.test(path)) return true;
  if (!/\.json$/i.test(path)) return false;
  // Keras and TF.js models are JSON too: they carry a topology.
  return !/"(modelTopology|class_name|format)"\s*:/.test(text ?? readFileSync(path, 'utf8').slice(0, 4096));
}

/** Draws `input` per the options; writes the file (or stdout) and returns the exit code. */
export async function runDraw(input: string, opts: DrawCommandOptions): Promise<number> {
  const style = (opts.style ??
    (opts.output?.toLowerCase().endsWith('.tex') ? 'tikz' : 'graph')) as DiagramStyle;
  if (!(STYLES as readonly string[]).includes(style))
    throw new Error(`--style ${style}: expected one of ${STYLES.join(', ')}`);
  const kind = outputKind(opts.output, style);
  const options: Record<string, unknown> = collectOptions(opts.option);
  if (opts.title !== undefined) options.title = opts.title;
  if (opts.depth !== undefined) options.depth = opts.depth;
  if (opts.direction !== undefined) options.direction = opts.direction;
  if (opts.transparent) options.background = 'none';
  if (opts.legend === false) options.legend = false;
  if (opts.skips === false) options.skips = false;
  let report: DiagramReport;
  if (isSpecFile(input)) {
    report = drawSpec(readFileSync(input, 'utf8'), basename(input), { ...options, style });
  } else {
    const loaded = await loadModelAsync(input);
    const analysis = analyze(loaded.model);
    report = drawDiagramReport(loaded.model, analysis, { ...options, style } as DrawOptions);
    report.warnings.unshift(...loaded.warnings);
  }
  const bytes = kind === 'png' ? svgToPng(report.output, opts.dpi ?? 150) : report.output;
  if (opts.output) writeFileSync(opts.output, bytes);
  else process.stdout.write(bytes);
  for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`);
  return 0;
}
