/** benchExplain(): forward with every tap and Grad-CAM timings (median of runs) for models the caller opened. */
import type { Model } from '@nnlens/ir';
import { explain } from './explain.js';
import { floatTensor, type HostTensor } from './host.js';
import { Session } from './session.js';

/** One model to measure. */
export interface BenchCase {
  name: string;
  model: Model;
  /** Input shape, e.g. [1, 3, 224, 224]. */
  inputShape: number[];
}

/** Timings of one model in milliseconds (medians). */
export interface BenchResult {
  name: string;
  inputShape: number[];
  /** Values tapped per forward pass. */
  taps: number;
  /** Session.create: op check, weight decoding, constant folding. */
  compileMs: number;
  /** Forward pass keeping every intermediate tensor. */
  forwardAllTapsMs: number;
  /** Forward pass keeping every tensor, then every tap read into JS memory (what the Explain page shows). */
  activationsMs: number;
  /** explain(method 'gradcam') at the default layer: forward, gradient, CAM. */
  gradCamMs: number;
  /** explain(method 'saliency'): forward and full input gradient. */
  saliencyMs: number;
  /** Default Grad-CAM layer. */
  camLayer: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]! * 10) / 10;
}

async function timed(runs: number, fn: () => unknown): Promise<number> {
  await fn(); // warm-up: prepares filters and compiles kernels
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function pseudoImage(shape: number[]): HostTensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return floatTensor(
    Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) * 0.8),
    shape,
  );
}

/** Measures each case (median of `runs`, default 3, after a warm-up). */
export async function benchExplain(
  cases: BenchCase[],
  options: { runs?: number } = {},
): Promise<BenchResult[]> {
  const runs = options.runs ?? 3;
  const out: BenchResult[] = [];
  for (const c of cases) {
    const t0 = performance.now();
    const session = await Session.create(c.model);
    const compileMs = Math.round((performance.now() - t0) * 10) / 10;
    const x = pseudoImage(c.inputShape);
    const feeds = { [session.inputs[0]!.name]: x };
    let taps = 0;
    const forwardAllTapsMs = await timed(runs, () => session.run(feeds, { keep: 'all' }).dispose());
    const activationsMs = await timed(runs, () => {
      const trace = session.run(feeds, { keep: 'all' });
      const names = trace.names();
      for (const n of names) trace.read(n);
      taps = names.length;
      trace.dispose();
    });
    let camLayer = '';
    const gradCamMs = await timed(runs, async () => {
      camLayer = (await explain(session, x, { method: 'gradcam' })).layer?.label ?? '';
    });
    const saliencyMs = await timed(Math.min(runs, 3), () => explain(session, x, { method: 'saliency' }));
    session.dispose();
    out.push({
      name: c.name,
      inputShape: c.inputShape,
      taps,
      compileMs,
      forwardAllTapsMs,
      activationsMs,
      gradCamMs,
      saliencyMs,
      camLayer,
    });
  }
  return out;
}
