/** Browser part of the benchmark: open→ready time of models in the built web app, in headless Debian chromium. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '@nnlens/server';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const MODELS = [
  'analyzer/onnx_graph_only/densenet121.onnx',
  'onnx/transformer_encoder_24l_identical_layers.onnx',
  'analyzer/onnx_graph_only/resnet50.onnx',
  'analyzer/onnx_graph_only/vit_b_16.onnx',
  'onnx/mobilenet_v2_dynamic_batch.onnx',
];

/** Median open→ready (navigation start to data-nnlens-state=ready) per model, with the page's own timings. */
export async function benchBrowser(corpus: string, runs = 3): Promise<unknown> {
  const webRoot = join(process.cwd(), 'packages/web/dist/');
  if (!existsSync('/usr/bin/chromium'))
    return { skipped: '/usr/bin/chromium missing (apt-get install -y chromium)' };
  if (!existsSync(join(webRoot, 'index.html'))) return { skipped: 'web app not built (npm run build)' };
  const files = MODELS.map((m) => join(corpus, m)).filter((f) => existsSync(f));
  const server = await startServer({ files, port: 0, webRoot });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const results = [];
  try {
    for (let id = 0; id < files.length; id++) {
      const totals: number[] = [];
      let timings: unknown = null;
      let nodes = 0;
      for (let r = 0; r <= runs; r++) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        await page.goto(`${server.url}/?url=${encodeURIComponent(`/api/models/${id}/file`)}`);
        await page.waitForFunction(
          () => ['ready', 'error'].includes(document.documentElement.dataset.nnlensState ?? ''),
          null,
          { timeout: 60_000 },
        );
        const state = await page.evaluate(() => ({
          state: document.documentElement.dataset.nnlensState,
          nodes: Number(document.documentElement.dataset.nnlensNodes ?? 0),
          readyAt: performance.now(),
          timings: (window as unknown as { __nnlensTimings?: unknown }).__nnlensTimings ?? null,
        }));
        if (state.state !== 'ready') throw new Error(`${files[id]}: page state ${state.state}`);
        if (r > 0) totals.push(state.readyAt); // first run warms caches (as a second open in a session would)
        timings = state.timings;
        nodes = state.nodes;
        await page.close();
      }
      totals.sort((a, b) => a - b);
      results.push({
        file: files[id]!.slice(corpus.length),
        drawnNodes: nodes,
        openToReadyMs: Math.round(totals[Math.floor(totals.length / 2)]!),
        runsMs: totals.map(Math.round),
        pageTimings: timings,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
