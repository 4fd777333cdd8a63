/** The demo log dir behind `nnlens serve --demo`: a few training runs written with SummaryWriter into a folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildHisto, encodeEvent, TfRecordWriter } from '@nnlens/events';
import { crc32cNode, SummaryWriter } from '@nnlens/events-node';
import {
  type DemoRunSpec,
  evalPoint,
  gauss,
  learningRate,
  seeded,
  trainPoint,
} from './events-demo-curves.js';
import { demoAudio, demoImage } from './events-demo-samples.js';

/** The demo's runs: two CNN optimisers, a step schedule, and a transformer with loss spikes and a restart. */
export const DEMO_RUNS: DemoRunSpec[] = [
  {
    name: 'resnet18/sgd_lr0.1',
    optimizer: 'sgd',
    lr: 0.1,
    schedule: 'cosine',
    batchSize: 128,
    dropout: 0.1,
    model: 'resnet18',
    floor: 0.08,
    tau: 520,
    spikes: [],
    secondsPerStep: 0.21,
    seed: 1,
  },
  {
    name: 'resnet18/adam_lr1e-3',
    optimizer: 'adam',
    lr: 1e-3,
    schedule: 'constant',
    batchSize: 128,
    dropout: 0.1,
    model: 'resnet18',
    floor: 0.16,
    tau: 380,
    spikes: [2210],
    secondsPerStep: 0.23,
    seed: 2,
  },
  {
    name: 'resnet18/sgd_lr0.01_step',
    optimizer: 'sgd',
    lr: 0.01,
    schedule: 'step',
    batchSize: 64,
    dropout: 0.3,
    model: 'resnet18',
    floor: 0.22,
    tau: 900,
    spikes: [],
    secondsPerStep: 0.16,
    seed: 3,
  },
  {
    name: 'vit-tiny/adamw_lr5e-4',
    optimizer: 'adamw',
    lr: 5e-4,
    schedule: 'cosine',
    batchSize: 256,
    dropout: 0.0,
    model: 'vit-tiny',
    floor: 0.12,
    tau: 700,
    spikes: [1340, 2875],
    secondsPerStep: 0.34,
    seed: 4,
  },
];

/** Demo settings. */
export interface DemoOptions {
  /** Training steps per run (default 4,000: 4 scalar tags × 4,000 points per run). */
  steps?: number;
  /** Wall time (s) at which the runs end; they start earlier by their duration (default: now). */
  endTime?: number;
}

/** Writes the demo runs under `dir` and returns the run directories written. */
export function writeDemoLogdir(dir: string, opts: DemoOptions = {}): string[] {
  const total = opts.steps ?? 4000;
  const end = opts.endTime ?? Date.now() / 1000;
  return DEMO_RUNS.map((spec) => writeRun(dir, spec, total, end));
}

function writeRun(dir: string, spec: DemoRunSpec, total: number, end: number): string {
  const rand = seeded(spec.seed);
  const runDir = join(dir, spec.name);
  const start = end - total * spec.secondsPerStep - spec.seed * 40;
  const wall = (step: number) => start + step * spec.secondsPerStep * (1 + 0.05 * Math.sin(step / 97));
  // The vit run crashes at 70 % and resumes from the checkpoint at 60 %: TensorBoard's restart rule
  // (SessionLog START) hides the first attempt's points past the checkpoint.
  const crashAt = spec.model === 'vit-tiny' ? Math.round(total * 0.7) : total;
  const w = new SummaryWriter(runDir, { now: () => start });
  const evalEvery = Math.max(1, Math.round(total / 16));
  w.addText('notes/config', configMarkdown(spec, total), 0, wall(0));
  for (let step = 0; step < crashAt; step++) writeStep(w, spec, step, total, wall(step), rand, evalEvery);
  w.close();
  let endWall = wall(total);
  if (crashAt < total) {
    const from = Math.round(total * 0.6);
    const restartTime = wall(crashAt) + 120;
    writeResumed(runDir, spec, from, total, restartTime, rand, evalEvery);
    endWall = restartTime + (total - from) * spec.secondsPerStep;
  }
  const last = evalPoint(spec, total, total, rand);
  // A later file (name order = time order) so no restart rule of the training files can hide it.
  const hp = new SummaryWriter(runDir, { now: () => endWall + 1 });
  hp.addHparams(
    {
      model: spec.model,
      optimizer: spec.optimizer,
      lr: spec.lr,
      batch_size: spec.batchSize,
      dropout: spec.dropout,
      schedule: spec.schedule,
    },
    { 'hparam/accuracy': last.accuracy, 'hparam/loss': last.loss },
    { step: total },
  );
  hp.close();
  return runDir;
}

type Writer = Pick<SummaryWriter, 'addScalar' | 'addHistogram' | 'addImage' | 'addAudio' | 'addText'>;

function writeStep(
  w: Writer,
  spec: DemoRunSpec,
  step: number,
  total: number,
  t: number,
  rand: () => number,
  evalEvery: number,
): void {
  const p = trainPoint(spec, step, rand);
  w.addScalar('train/loss', p.loss, step, t);
  w.addScalar('train/accuracy', p.accuracy, step, t);
  w.addScalar('optim/learning_rate', learningRate(spec, step, total), step, t);
  const gn =
    0.6 +
    2.4 * Math.exp(-step / spec.tau) +
    Math.abs(gauss(rand)) * 0.35 +
    (p.loss > 1.5 && step > spec.tau ? 6 : 0);
  w.addScalar('optim/grad_norm', gn, step, t);
  if (step % 25 === 0)
    w.addScalar(
      'system/throughput_img_per_s',
      (spec.batchSize / spec.secondsPerStep) * (0.95 + 0.05 * rand()),
      step,
      t,
    );
  if (step % evalEvery === 0 || step === total - 1) {
    const e = evalPoint(spec, step, total, rand);
    w.addScalar('eval/loss', e.loss, step, t);
    w.addScalar('eval/accuracy', e.accuracy, step, t);
    const progress = step / total;
    for (const [tag, std, mean] of [
      ['weights/conv1', 0.05 + 0.1 * progress, 0],
      ['weights/fc', 0.02 + 0.05 * Math.sqrt(progress), 0.01 * progress],
      ['gradients/fc', 0.02 * Math.exp(-3 * progress) + 0.002, 0],
    ] as const)
      w.addHistogram(
        tag,
        Float64Array.from({ length: 2000 }, () => mean + std * gauss(rand)),
        step,
        t,
      );
    w.addText(
      'notes/eval',
      `### Step ${step}\n- eval accuracy: **${e.accuracy.toFixed(4)}**\n- eval loss: \`${e.loss.toFixed(4)}\``,
      step,
      t,
    );
  }
  if (step % Math.round(total / 5) === 0 || step === total - 1) {
    w.addImage('samples/reconstruction', demoImage(spec.seed, step / total), step, {}, t);
    w.addImage('samples/attention_map', demoImage(spec.seed + 10, step / total, true), step, {}, t);
  }
  if (step % Math.round(total / 3) === 0 || step === total - 1)
    w.addAudio('samples/generated_tone', demoAudio(step / total), step, {}, t);
}

/** The second attempt after a crash: a new file that starts with SessionLog START at the checkpoint step. */
function writeResumed(
  runDir: string,
  spec: DemoRunSpec,
  from: number,
  total: number,
  restartTime: number,
  rand: () => number,
  evalEvery: number,
): void {
  const at = (s: number) => restartTime + (s - from) * spec.secondsPerStep;
  const records = new TfRecordWriter(crc32cNode);
  records.record(encodeEvent({ wallTime: restartTime, fileVersion: 'brain.Event:2' }));
  records.record(encodeEvent({ wallTime: restartTime, step: from, sessionLog: { status: 1 } }));
  // The resumed steps' scalars and histograms go into the same record buffer (sparse media are left out).
  const sink: Writer = {
    addScalar: (tag, v, step = 0, t = 0) => records.scalar(tag, v, step, t),
    addHistogram: (tag, values, step = 0, t = 0) =>
      records.record(encodeEvent({ wallTime: t, step, summary: [{ tag, histo: buildHisto(values) }] })),
    addImage: () => undefined,
    addAudio: () => undefined,
    addText: () => undefined,
  };
  for (let step = from; step < total; step++) writeStep(sink, spec, step, total, at(step), rand, evalEvery);
  mkdirSync(runDir, { recursive: true });
  writeFileSync(join(runDir, `events.out.tfevents.${Math.floor(restartTime)}.demo.resumed`), records.take());
}

function configMarkdown(spec: DemoRunSpec, total: number): string {
  return [
    `## ${spec.name}`,
    '',
    `A **${spec.model}** trained for ${total.toLocaleString('en-US')} steps with *${spec.optimizer}*.`,
    '',
    '| setting | value |',
    '| --- | --- |',
    `| learning rate | ${spec.lr} (${spec.schedule}) |`,
    `| batch size | ${spec.batchSize} |`,
    `| dropout | ${spec.dropout} |`,
    '',
    '```bash',
    `python train.py --model ${spec.model} --opt ${spec.optimizer} --lr ${spec.lr}`,
    '```',
  ].join('\n');
}
