// Browser tests: bundles the server launcher, serves corpus models and the built web app, drives Debian's
// chromium with playwright-core (never a downloaded browser). Run after `npm run build`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { chromium } from 'playwright-core';
import { bundleNode } from '../scripts/bundle-node.mjs';
import { modelViewerSpecs } from './specs/model-viewer.mjs';
import { openingSpecs } from './specs/opening.mjs';
import { subgraphSpecs } from './specs/subgraphs.mjs';
import { performanceSpecs } from './specs/performance.mjs';
import { trainingSpecs } from './specs/training.mjs';
import { diagramSpecs } from './specs/diagram.mjs';
import { explainSpecs } from './specs/explain.mjs';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const root = new URL('..', import.meta.url).pathname;
const corpus = process.env.NNLENS_CORPUS ?? join(root, '../shared/corpus');
const webRoot = join(root, 'packages/web/dist');

if (!existsSync(CHROMIUM)) {
  console.error(
    `e2e: ${CHROMIUM} not found. Install Debian's chromium (apt-get install -y chromium); no browser is downloaded.`,
  );
  process.exit(1);
}
if (!existsSync(join(webRoot, 'index.html'))) {
  console.error(`e2e: the web app is not built (${webRoot}); run: npm run build`);
  process.exit(1);
}
if (!existsSync(join(corpus, 'MANIFEST.json'))) {
  console.error(`e2e: shared corpus not found at ${corpus} (set NNLENS_CORPUS)`);
  process.exit(1);
}

/** Models the server offers, by key; ids are their positions. */
const MODELS = {
  densenet: 'analyzer/onnx_graph_only/densenet121.onnx',
  transformer: 'onnx/transformer_encoder_24l_identical_layers.onnx',
  controlFlow: 'onnx/control_flow_loop_if.onnx',
  resnetExternal: 'onnx/resnet18_external_data.onnx',
  resnet18: 'analyzer/onnx_graph_only/resnet18.onnx',
};

const ctx = { corpus, url: '', ids: {}, browser: null, server: null };

describe('nnlens in the browser', { concurrency: false }, () => {
  before(async () => {
    const launcher = join(root, 'artifacts/e2e-server.mjs');
    await bundleNode(join(root, 'e2e/serve.ts'), launcher);
    const { serve } = await import(launcher);
    const keys = Object.keys(MODELS);
    ctx.ids = Object.fromEntries(keys.map((k, i) => [k, String(i)]));
    ctx.server = await serve(
      keys.map((k) => join(corpus, MODELS[k])),
      webRoot,
    );
    ctx.url = ctx.server.url;
    ctx.browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });

  modelViewerSpecs(ctx);
  openingSpecs(ctx);
  subgraphSpecs(ctx);
  performanceSpecs(ctx);
  trainingSpecs(ctx);
  diagramSpecs(ctx);
  explainSpecs(ctx);
});
