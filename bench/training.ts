/** Training-chart benchmark: draw time of a 1,000,000-point scalar chart in headless Debian chromium. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { SummaryWriter } from '@nnlens/events-node';
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

/** Results of benchTrainingBrowser (milliseconds). */
export interface TrainingBenchResult {
  points: number;
  /** Navigation start → the page's data-nnlens-state = ready (fetch 20 MB, decode, smooth, decimate, paint). */
  openToReadyMs: number;
  /** First draw of the chart (smoothing 0.6 over all points, decimation, paint). */
  firstDrawMs: number;
  /** Median of repeated full redraws (cached smoothing: decimation + paint, as on resize). */
  redrawMedianMs: number;
  /** Median redraw with the smoothing weight changed each time (EMA over 1M points recomputed). */
  resmoothMedianMs: number;
  /** Median / 95th-percentile frame time while zooming into and panning across the series. */
  zoomFrameMedianMs: number;
  zoomFrameP95Ms: number;
}

/** The page's automation hooks, as seen from this Node-side file. */
interface PageHooks {
  __nnlensCharts: Record<
    string,
    { draw(): number; setZoom(r: [number, number] | null): void; extent(): [number, number] | null }
  >;
  __nnlensChartTimings: { byChart: Record<string, { totalMs: number }> };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

/** Writes 1,000,000 `train/loss` points (noisy decay, one spike) into `<dir>/big`. */
function writeMillion(dir: string, n: number): void {
  const w = new SummaryWriter(join(dir, 'big'), { flushBytes: 8 << 20 });
  let s = 1;
  for (let i = 0; i < n; i++) {
    s = (s * 16807) % 2147483647;
    w.addScalar(
      'train/loss',
      i === Math.floor(n * 0.65) ? 25 : 1 + Math.exp(-i / (n / 5)) + (s / 2147483647 - 0.5) * 0.2,
      i,
      1.7e9 + i * 0.01,
    );
  }
  w.close();
}

/** The built web app, found upwards from this file (it runs bundled under artifacts/ or from bench/). */
function findWebRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++, dir = dirname(dir))
    if (existsSync(join(dir, 'packages/web/package.json'))) return join(dir, 'packages/web/dist');
  return join(process.cwd(), 'packages/web/dist');
}

/** Median-of-`runs` timings of a 1M-point chart in the built web app (skips when chromium or the build is missing). */
export async function benchTrainingBrowser(
  runs = 3,
  points = 1_000_000,
): Promise<TrainingBenchResult | { skipped: string }> {
  const webRoot = findWebRoot();
  if (!existsSync('/usr/bin/chromium'))
    return { skipped: '/usr/bin/chromium missing (apt-get install -y chromium)' };
  if (!existsSync(join(webRoot, 'index.html'))) return { skipped: 'web app not built (npm run build)' };
  const dir = mkdtempSync(join(tmpdir(), 'nnlens-bench-1m-'));
  writeMillion(dir, points);
  const server = await startServer({ files: [], port: 0, webRoot, logdirs: dir, pollMs: 1000 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const opens: number[] = [];
  const firsts: number[] = [];
  let last: Omit<TrainingBenchResult, 'points' | 'openToReadyMs' | 'firstDrawMs'> | null = null;
  try {
    for (let r = 0; r <= runs; r++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.addInitScript(() => localStorage.clear());
      await page.goto(`${server.url}/training#scalars`);
      await page.waitForFunction(() => document.documentElement.dataset.nnlensState === 'ready', null, {
        timeout: 120_000,
      });
      const m = await page.evaluate(async () => {
        const hooks = window as unknown as PageHooks;
        const chart = hooks.__nnlensCharts['train/loss']!;
        const first = hooks.__nnlensChartTimings.byChart['train/loss']!.totalMs;
        const redraw: number[] = [];
        for (let i = 0; i < 15; i++) redraw.push(chart.draw());
        const resmooth: number[] = [];
        const input = document.querySelector<HTMLInputElement>('input[aria-label="Smoothing weight"]')!;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        for (const w of [0.5, 0.7, 0.9, 0.95, 0.6]) {
          setValue.call(input, String(w));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          resmooth.push(hooks.__nnlensChartTimings.byChart['train/loss']!.totalMs);
        }
        // Zoom in 40 frames towards the middle, then pan 40 frames.
        const [a, b] = chart.extent()!;
        const frames: number[] = [];
        for (let i = 1; i <= 40; i++) {
          const k = Math.pow(0.9, i);
          const c = (a + b) / 2;
          chart.setZoom([c - ((b - a) / 2) * k, c + ((b - a) / 2) * k]);
          frames.push(chart.draw());
        }
        const span = (b - a) * Math.pow(0.9, 40);
        for (let i = 0; i < 40; i++) {
          const x0 = a + ((b - a - span) * i) / 39;
          chart.setZoom([x0, x0 + span]);
          frames.push(chart.draw());
        }
        return { first, redraw, resmooth, frames, readyAt: performance.now() };
      });
      const readyAt = await page.evaluate(
        () => (window as unknown as { __nnlensTrainingReadyAt: number }).__nnlensTrainingReadyAt,
      );
      if (r > 0) {
        opens.push(readyAt); // performance.now() counts from navigation start
        firsts.push(m.first);
      }
      const sorted = [...m.frames].sort((x, y) => x - y);
      last = {
        redrawMedianMs: round(median(m.redraw)),
        resmoothMedianMs: round(median(m.resmooth)),
        zoomFrameMedianMs: round(median(m.frames)),
        zoomFrameP95Ms: round(sorted[Math.floor(sorted.length * 0.95)]!),
      };
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { points, openToReadyMs: round(median(opens)), firstDrawMs: round(median(firsts)), ...last! };
}
