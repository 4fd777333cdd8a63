/** The demo log dir of `serve --demo`: written to a temp folder at startup, plus one run that keeps training live. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SummaryWriter } from '@nnlens/events-node';
import { gauss, seeded } from './events-demo-curves.js';

/** How long the live run keeps writing, and how often (a new point every 250 ms for 15 minutes). */
const LIVE_MS = 15 * 60_000;
const LIVE_EVERY_MS = 250;

/**
 * Makes a temp dir, fills it with `write(dir)`, starts the live run `live/mlp` (loss and accuracy
 * appended while the server runs, so the Training page visibly updates), and removes the dir on exit.
 */
export function demoLogdir(write: (dir: string) => unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'nnlens-demo-logs-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  write(dir);
  startLiveRun(join(dir, 'live', 'mlp'));
  return dir;
}

/** Appends a training step every LIVE_EVERY_MS; stops after LIVE_MS. Timers never keep the process alive. */
export function startLiveRun(runDir: string): () => void {
  const w = new SummaryWriter(runDir, { flushBytes: 0 });
  const rand = seeded(99);
  let step = 0;
  const tick = (): void => {
    const loss = 0.15 + 2 * Math.exp(-step / 300) + 0.05 * Math.abs(gauss(rand));
    w.addScalar('train/loss', loss, step);
    w.addScalar('train/accuracy', Math.min(0.99, 1 - 0.9 * Math.exp(-step / 250) + 0.01 * gauss(rand)), step);
    w.flush();
    step++;
  };
  for (let i = 0; i < 40; i++) tick(); // some history, so the chart is not empty at first sight
  const timer = setInterval(tick, LIVE_EVERY_MS);
  timer.unref();
  const stopTimer = setTimeout(() => stop(), LIVE_MS);
  stopTimer.unref();
  const stop = (): void => {
    clearInterval(timer);
    clearTimeout(stopTimer);
    w.close();
  };
  return stop;
}
