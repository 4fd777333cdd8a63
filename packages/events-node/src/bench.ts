/** Ingestion benchmark: MB/s with CRC checks and peak memory vs raw scalar payload, on a generated log dir. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { logFormatOf } from '@nnlens/events';
import { SummaryWriter } from './summary-writer.js';
import { LogdirTailer } from './tailer.js';

/** Benchmark settings. */
export interface BenchOptions {
  /** Log dir size to generate when `dir` holds no logs (default 1 GiB). */
  targetBytes?: number;
  runs?: number;
  tags?: string[];
}

/** Benchmark report. */
export interface BenchResult {
  dir: string;
  bytes: number;
  files: number;
  generatedSeconds: number | null;
  seconds: number;
  mbPerSec: number;
  /** CPU time of the process (user + system, all threads) while ingesting. */
  cpuSeconds: number;
  /** Throughput per core: bytes per CPU-second, unaffected by other load on the machine. */
  mbPerCpuSec: number;
  scalarPoints: number;
  /** points × 20 B: int64 step + float64 wall time + float32 value, the data's native width. */
  rawPayloadBytes: number;
  /** Bytes the store holds (typed arrays), after ingestion. */
  storeBytes: number;
  /** Peak growth of the process's resident memory during ingestion. */
  peakRssDeltaBytes: number;
  /** Peak growth of V8 heap + array buffers (sampled every 2 ms and after every read block). */
  peakHeapDeltaBytes: number;
  storeOverPayload: number;
  peakOverPayload: number;
}

const DEFAULT_TAGS = [
  'train/loss',
  'train/accuracy',
  'train/learning_rate',
  'train/grad_norm',
  'val/loss',
  'val/accuracy',
  'sys/gpu_util',
  'sys/throughput',
];

function logBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && logFormatOf(e.name)) {
        bytes += statSync(p).size;
        files++;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { bytes, files };
}

/** Writes ≈`targetBytes` of scalar events (one simple_value per event, like PyTorch) into `dir`. */
export function generateScalarLogdir(
  dir: string,
  opts: BenchOptions = {},
): { bytes: number; points: number } {
  const target = opts.targetBytes ?? 2 ** 30;
  const runs = opts.runs ?? 4;
  const tags = opts.tags ?? DEFAULT_TAGS;
  let points = 0;
  let bytes = 0;
  const writers = Array.from(
    { length: runs },
    (_, i) => new SummaryWriter(join(dir, `run_${i}`), { flushBytes: 8 << 20 }),
  );
  const perRun = target / runs;
  for (let r = 0; r < runs; r++) {
    const w = writers[r]!;
    let written = 0;
    let wall = 1.7e9 + r * 1e5;
    for (let step = 0; written < perRun; step++) {
      wall += 0.05;
      for (let t = 0; t < tags.length; t++) {
        const v = Math.exp(-step / 1e6) * (1 + t) + Math.sin(step * 0.001 + t) * 0.01;
        w.addScalar(tags[t]!, v, step, wall);
        points++;
      }
      // Record size depends on the tag and step width; estimated from the framing instead of stat().
      written += tags.reduce(
        (a, tag) =>
          a + 16 + 9 + 2 + 2 + 2 + tag.length + 5 + (step ? Math.ceil(Math.log2(step + 1) / 7) + 1 : 0),
        0,
      );
    }
    w.close();
  }
  bytes = logBytes(dir).bytes;
  return { bytes, points };
}

function heapNow(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * Reads `dir` (generating a scalar-dense log dir there first if it holds no logs) with CRC checks, in
 * one poll, and reports throughput and memory. Run with `node --expose-gc` for exact baselines.
 */
export async function benchIngest(dir: string, opts: BenchOptions = {}): Promise<BenchResult> {
  let existing = logBytes(dir);
  let generatedSeconds: number | null = null;
  if (existing.files === 0) {
    const t = performance.now();
    generateScalarLogdir(dir, opts);
    generatedSeconds = (performance.now() - t) / 1000;
    existing = logBytes(dir);
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  // Backing stores of freed buffers (the generator's) are released asynchronously: settle first.
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 20));
  }
  const rss0 = process.memoryUsage().rss;
  const heap0 = heapNow();
  let peakRss = rss0;
  let peakHeap = heap0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
  };
  const timer = setInterval(sample, 2);
  const tailer = new LogdirTailer(dir);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const unsubscribe = tailer.store.subscribe(sample);
  await tailer.poll();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  clearInterval(timer);
  sample();
  unsubscribe();
  const mem = tailer.store.memory();
  const raw = mem.scalarPoints * 20;
  return {
    dir,
    bytes: existing.bytes,
    files: existing.files,
    generatedSeconds,
    seconds,
    mbPerSec: existing.bytes / 1e6 / seconds,
    cpuSeconds,
    mbPerCpuSec: existing.bytes / 1e6 / cpuSeconds,
    scalarPoints: mem.scalarPoints,
    rawPayloadBytes: raw,
    storeBytes: mem.bytes,
    peakRssDeltaBytes: peakRss - rss0,
    peakHeapDeltaBytes: peakHeap - heap0,
    storeOverPayload: mem.bytes / raw,
    peakOverPayload: (peakHeap - heap0) / raw,
  };
}
