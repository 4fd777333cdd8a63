/** Runs many perturbed copies of one input through a session in batches (IG steps, SmoothGrad samples, occlusions). */
import type { HostTensor } from '../host.js';
import type { Session } from '../session.js';

/** Progress, cancellation and batching of a long attribution. */
export interface BatchOptions {
  /** Samples per forward pass when the model's batch dim is free (default 16). */
  batchSize?: number;
  /** Called after each batch. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between batches; an aborted run rejects with an AbortError-named error. */
  signal?: { readonly aborted: boolean };
}

/** Samples per pass: models exported with batch 1 baked in take one at a time. */
export function batchLimit(session: Session, wanted = 16): number {
  const d0 = session.inputs[0]?.shape?.[0];
  return typeof d0 === 'number' ? 1 : Math.max(1, wanted);
}

/** Lets the event loop run (messages, cancel clicks) between batches. */
async function breathe(opts: BatchOptions, done: number, total: number): Promise<void> {
  opts.onProgress?.(done, total);
  await new Promise((r) => setTimeout(r, 0));
  if (opts.signal?.aborted) {
    const e = new Error('attribution cancelled');
    e.name = 'AbortError';
    throw e;
  }
}

/** One sample's values are written into `out` (length = sample size) by `make(i, out)`. */
export type SampleMaker = (i: number, out: Float32Array) => void;

function batchInput(
  session: Session,
  shape: number[],
  from: number,
  n: number,
  make: SampleMaker,
): Record<string, HostTensor> {
  const per = shape.slice(1).reduce((a, b) => a * b, 1);
  const data = new Float32Array(n * per);
  for (let k = 0; k < n; k++) make(from + k, data.subarray(k * per, (k + 1) * per));
  return { [session.inputs[0]!.name]: { dtype: 'float32', shape: [n, ...shape.slice(1)], data } };
}

/** Input gradients of `count` samples: `onGrad(i, grad)` per sample; resolves to the per-sample scores' sum. */
export async function sampleGradients(
  session: Session,
  shape: number[],
  count: number,
  make: SampleMaker,
  targetIndex: number,
  onGrad: (i: number, grad: Float32Array) => void,
  opts: BatchOptions = {},
): Promise<void> {
  const step = batchLimit(session, opts.batchSize);
  const per = shape.slice(1).reduce((a, b) => a * b, 1);
  for (let from = 0; from < count; from += step) {
    const n = Math.min(step, count - from);
    const { grad } = session.inputGradient(batchInput(session, shape, from, n, make), { index: targetIndex });
    const g = grad.data as Float32Array;
    for (let k = 0; k < n; k++) onGrad(from + k, g.subarray(k * per, (k + 1) * per));
    await breathe(opts, from + n, count);
  }
}

/** Scores (output[·, targetIndex], pre-softmax when the model ends in one) of `count` samples, forward only. */
export async function sampleScores(
  session: Session,
  shape: number[],
  count: number,
  make: SampleMaker,
  targetIndex: number,
  opts: BatchOptions = {},
): Promise<Float64Array> {
  const step = batchLimit(session, opts.batchSize);
  const out = new Float64Array(count);
  // The score attributions explain: logits when the model ends in a softmax.
  const output = session.program.scoreOutput();
  for (let from = 0; from < count; from += step) {
    const n = Math.min(step, count - from);
    const trace = session.run(batchInput(session, shape, from, n, make), { keep: 'outputs' });
    const y = trace.read(output);
    trace.dispose();
    const width = y.data.length / n;
    for (let k = 0; k < n; k++) out[from + k] = Number(y.data[k * width + targetIndex]);
    await breathe(opts, from + n, count);
  }
  return out;
}
