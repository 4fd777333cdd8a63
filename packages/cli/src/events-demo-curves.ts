/** Synthetic training curves for the demo log dir: seeded noise, learning-rate schedules, loss and accuracy shapes. */

/** A seeded uniform RNG (mulberry32) so the demo is the same on every start. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal sample (Box–Muller) from a uniform RNG. */
export function gauss(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** How a demo run trains. */
export interface DemoRunSpec {
  name: string;
  optimizer: 'sgd' | 'adam' | 'adamw';
  lr: number;
  schedule: 'cosine' | 'step' | 'constant';
  batchSize: number;
  dropout: number;
  model: string;
  /** Final training loss level and how fast it is reached (steps). */
  floor: number;
  tau: number;
  /** Steps where the loss spikes (a bad batch, an LR too high for a moment). */
  spikes: number[];
  /** Seconds per step (wall time), so relative time differs between runs. */
  secondsPerStep: number;
  seed: number;
}

/** Learning rate at `step` of `total` with a 5 % linear warm-up. */
export function learningRate(spec: DemoRunSpec, step: number, total: number): number {
  const warm = Math.max(1, Math.round(total * 0.05));
  if (step < warm) return (spec.lr * (step + 1)) / warm;
  const t = (step - warm) / Math.max(1, total - warm);
  if (spec.schedule === 'cosine') return spec.lr * 0.5 * (1 + Math.cos(Math.PI * t));
  if (spec.schedule === 'step') return spec.lr * (t < 0.5 ? 1 : t < 0.8 ? 0.1 : 0.01);
  return spec.lr;
}

/** Training loss and accuracy at a step: exponential decay, batch noise, rare spikes that fade out. */
export function trainPoint(
  spec: DemoRunSpec,
  step: number,
  rand: () => number,
): { loss: number; accuracy: number } {
  const base = spec.floor + 2.3 * Math.exp(-step / spec.tau) + 0.25 * Math.exp(-step / (spec.tau * 6));
  let spike = 0;
  for (const s of spec.spikes) if (step >= s && step < s + 60) spike += 3.5 * Math.exp(-(step - s) / 8);
  const noise = 1 + 0.09 * gauss(rand);
  const loss = Math.max(1e-4, (base + spike) * noise);
  const accuracy = Math.min(
    0.999,
    Math.max(
      0,
      1 - 0.9 * Math.exp(-step / (spec.tau * 0.8)) - spec.floor * 0.35 + 0.015 * gauss(rand) - spike * 0.08,
    ),
  );
  return { loss, accuracy };
}

/** Evaluation metrics: smoother than training, slightly worse, with an overfitting upturn for low dropout. */
export function evalPoint(
  spec: DemoRunSpec,
  step: number,
  total: number,
  rand: () => number,
): { loss: number; accuracy: number } {
  const clean = spec.floor + 2.3 * Math.exp(-step / spec.tau) + 0.25 * Math.exp(-step / (spec.tau * 6));
  const overfit = (0.35 - spec.dropout) * 0.4 * Math.max(0, step / total - 0.45);
  const loss = (clean * 1.12 + 0.05 + overfit) * (1 + 0.02 * gauss(rand));
  const accuracy = Math.min(
    0.99,
    1 -
      0.92 * Math.exp(-step / (spec.tau * 0.8)) -
      spec.floor * 0.5 -
      0.03 -
      overfit * 0.3 +
      0.006 * gauss(rand),
  );
  return { loss, accuracy };
}
