/** The `nnlens` command line: serve the web app, summarise a model, draw figures, explain predictions. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { writeDemoLogdir } from './events-demo.js';
import { runEventsExport } from './events-export.js';
import { demoLogdir } from './events-live-demo.js';
import { runServe } from './serve.js';
import { runDraw, type DrawCommandOptions } from './draw-command.js';
import { runSummary } from './summary-command.js';
import { runExplain, type ExplainCommandOptions } from './explain-command.js';
import { runActivations, type ActivationsOptions } from './activations-command.js';

function intOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`'${value}' is not a non-negative integer`);
  return n;
}

const program = new Command()
  .name('nnlens')
  .description('Open the black box of neural networks: model viewer, analyzer and more.')
  .showHelpAfterError();

program
  .command('serve')
  .description('start the web app (http://127.0.0.1:6006 by default) with the given model files')
  .argument('[files...]', 'model files to open (.onnx; external data is read from beside them)')
  .option('--host <host>', 'interface to bind (use 0.0.0.0 to expose on the network)', '127.0.0.1')
  .option('--port <port>', 'port (0 = any free port)', intOption, 6006)
  .option(
    '--logdir <spec>',
    'training logs: a directory, or name1:dir1,name2:dir2 (TensorBoard --logdir_spec)',
  )
  .option('--demo', 'serve the built-in demo model and demo training logs')
  .action(async (files: string[], opts: { host: string; port: number; demo?: boolean; logdir?: string }) => {
    const demoDir = fileURLToPath(new URL('../demo/', import.meta.url));
    const all = [...files];
    if (opts.demo || all.length === 0) {
      const demo = `${demoDir}resnet_cifar.onnx`;
      if (existsSync(demo)) all.push(demo);
    }
    let logdir = opts.logdir;
    if (opts.demo) {
      const dir = demoLogdir(writeDemoLogdir);
      logdir = logdir ? `${logdir},demo:${dir}` : dir;
    }
    await runServe(all, { ...opts, logdir });
  });

program
  .command('summary')
  .description('print a per-layer table of shapes, parameters and MACs (torchinfo-like)')
  .argument('<file>', 'model file')
  .option('--depth <n>', 'roll up name scopes deeper than n (default: every node)', intOption)
  .option('--json', 'print JSON instead of a table')
  .option(
    '--input-shape <name=dims...>',
    'override an input shape, e.g. input=1,3,299,299 or batch=8 for a symbol',
  )
  .action(async (file: string, opts: { depth?: number; json?: boolean; inputShape?: string[] }) => {
    process.exitCode = await runSummary(file, opts);
  });

program
  .command('draw')
  .description('draw a publication figure of a model or a JSON/YAML layer spec (SVG, PNG or TikZ)')
  .argument('<input>', 'model file (.onnx, …) or spec file (.json, .yaml)')
  .option(
    '-s, --style <style>',
    'graph | lenet | alexnet | fcnn | layered | tikz (default graph; tikz for -o *.tex)',
  )
  .option('-o, --output <file>', 'output .svg, .png or .tex (default: SVG/TeX on stdout)')
  .option('--dpi <n>', 'PNG resolution (default 150)', intOption)
  .option('--title <text>', 'title drawn above the figure')
  .option('--depth <n>', 'module levels drawn layer by layer (default: automatic)', intOption)
  .option('--direction <dir>', 'graph: TB | LR | BT | RL; fcnn: right | up')
  .option('--transparent', 'no background (PNG with alpha)')
  .option('--no-legend', 'leave out the legend')
  .option('--no-skips', 'leave out skip connections')
  .option(
    '-O, --option <key=value...>',
    'any style option, e.g. -O mapSpacing=8 -O colorBy=alternate (see packages/diagrams/README.md)',
  )
  .action(async (input: string, opts: DrawCommandOptions) => {
    process.exitCode = await runDraw(input, opts);
  });

const events = program.command('events').description('read TensorBoard / VisualDL training logs');

events
  .command('export')
  .description('export every run and tag of a log dir (scalars in full) as JSON or CSV')
  .argument('<logdir>', 'a directory, or name1:dir1,name2:dir2')
  .option(
    '--format <format>',
    'json or csv',
    (v: string) => {
      if (v !== 'json' && v !== 'csv') throw new InvalidArgumentError(`'${v}' is not json or csv`);
      return v;
    },
    'json',
  )
  .option('-o, --output <file>', 'write to a file instead of stdout')
  .action(async (logdir: string, opts: { format: 'json' | 'csv'; output?: string }) => {
    process.exitCode = await runEventsExport(logdir, opts);
  });

program
  .command('explain')
  .description(
    'attribution overlay PNG of an image: Grad-CAM, Grad-CAM++, saliency, SmoothGrad, IG or occlusion',
  )
  .argument('<model>', 'model file (.onnx, …)')
  .argument('<image>', 'image file (PNG, JPEG, WebP, …)')
  .requiredOption('--method <method>', 'gradcam | gradcampp | saliency | smoothgrad | ig | occlusion')
  .requiredOption('-o, --output <file>', 'overlay PNG to write')
  .option(
    '--layer <name>',
    'CAM layer: label (relu_2_2), node or value name (default: last conv block activation)',
  )
  .option('--class <k>', 'class to explain (default: the top prediction)', intOption)
  .option('--npy <file>', 'also write the raw attribution numbers as .npy')
  .option('--size <HxW>', 'model input size, e.g. 224 or 224x224 (default: from the model)')
  .option('--mean <r,g,b>', 'mean subtracted after scaling to [0,1] (default: from the model)')
  .option('--std <r,g,b>', 'std divided by after the mean (default: from the model)')
  .option('--bgr', 'feed channels as BGR')
  .option('--crop', 'centre-crop to a square before resizing')
  .option('--labels <file>', 'class names: one per line or JSON')
  .option('--opacity <a>', 'heatmap opacity 0–1 (default 0.5)', Number)
  .option('--colormap <name>', 'jet | viridis | inferno | greys (default jet)')
  .option('--steps <n>', 'IG steps (default 50)', intOption)
  .option('--samples <n>', 'SmoothGrad samples (default 16)', intOption)
  .option('--window <n>', 'occlusion window in pixels (default 1/8 of the input)', intOption)
  .option('--stride <n>', 'occlusion stride (default half the window)', intOption)
  .option('--json', 'print a JSON summary instead of text')
  .action(async (model: string, image: string, opts: ExplainCommandOptions) => {
    process.exitCode = await runExplain(model, image, opts);
  });

program
  .command('activations')
  .description(
    "write every layer's activations of an image as PNG grids (dense layers as bar charts) and index.json",
  )
  .argument('<model>', 'model file (.onnx, …)')
  .argument('<image>', 'image file (PNG, JPEG, WebP, …)')
  .requiredOption('-o, --output <dir>', 'folder to write into (created if missing)')
  .option('--mode <mode>', 'colour range per unit | layer | global (default unit)')
  .option('--max-channels <n>', 'channels drawn per layer (default 256)', intOption)
  .option('--size <HxW>', 'model input size (default: from the model)')
  .option('--mean <r,g,b>', 'mean subtracted after scaling to [0,1]')
  .option('--std <r,g,b>', 'std divided by after the mean')
  .option('--bgr', 'feed channels as BGR')
  .option('--crop', 'centre-crop to a square before resizing')
  .option('--labels <file>', 'class names: one per line or JSON')
  .action(async (model: string, image: string, opts: ActivationsOptions) => {
    process.exitCode = await runActivations(model, image, opts);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`nnlens: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
