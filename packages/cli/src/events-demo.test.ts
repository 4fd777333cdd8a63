/** The demo log dir: what TensorBoard's rules make visible of the written runs, read back with the log-dir tailer. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { LogdirTailer } from '@nnlens/events-node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_RUNS, writeDemoLogdir } from './events-demo.js';
import { learningRate } from './events-demo-curves.js';
import { demoAudio, demoImage } from './events-demo-samples.js';

let dir: string;
let tailer: LogdirTailer;
const STEPS = 1000;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nnlens-demo-test-'));
  writeDemoLogdir(dir, { steps: STEPS, endTime: 1_700_000_000 });
  tailer = new LogdirTailer(dir);
  await tailer.poll();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('writes one run per spec, each readable without problems', () => {
  const runs = tailer.store.runs();
  expect(runs.map((r) => r.run).sort()).toEqual(DEMO_RUNS.map((r) => r.name).sort());
  expect(tailer.store.problems()).toEqual([]);
});

it('has every training step of the scalar tags, and the learning-rate schedule as specified', () => {
  const spec = DEMO_RUNS[0]!;
  const lr = tailer.store.scalars(spec.name, 'optim/learning_rate')!;
  expect(lr.values.length).toBe(STEPS);
  for (const s of [0, 10, 500, 999]) expect(lr.values[s]).toBe(Math.fround(learningRate(spec, s, STEPS)));
  expect(tailer.store.scalars(spec.name, 'train/loss')!.steps.length).toBe(STEPS);
});

it('hides the crashed attempt of the vit run after its restart (SessionLog START at 60 %)', () => {
  const run = 'vit-tiny/adamw_lr5e-4';
  const loss = tailer.store.scalars(run, 'train/loss')!;
  expect(loss.steps.length).toBe(STEPS);
  expect([...loss.steps].every((s, i) => s === i)).toBe(true);
  const purges = tailer.store.purges(run);
  expect(purges.map((p) => [p.reason, p.step])).toEqual([['session_start', 600]]);
  expect(tailer.store.runs().find((r) => r.run === run)!.purgedPoints).toBeGreaterThan(0);
});

it('has histograms, images, audio, text and one hparams session per run', () => {
  const tags = tailer.store.tags(DEMO_RUNS[0]!.name);
  expect(tags.histograms!.map((t) => t.tag).sort()).toEqual(['gradients/fc', 'weights/conv1', 'weights/fc']);
  expect(tags.images!.map((t) => t.count)).toEqual([6, 6]);
  expect(tags.audio!.map((t) => t.count)).toEqual([4]);
  expect(tags.text!.map((t) => t.tag).sort()).toEqual(['notes/config', 'notes/eval']);
  const hp = tailer.store.hparams();
  expect(hp.sessions.length).toBe(DEMO_RUNS.length);
  for (const s of hp.sessions)
    expect(Object.keys(s.metrics).sort()).toEqual(['hparam/accuracy', 'hparam/loss']);
  expect(hp.sessions.find((s) => s.run === DEMO_RUNS[0]!.name)!.hparams.lr).toBe(0.1);
});

it('encodes valid PNGs (chunk CRCs, inflatable pixels) and WAVs', () => {
  const png = demoImage(1, 0.5);
  const dv = new DataView(png.buffer, png.byteOffset);
  expect([dv.getUint32(16), dv.getUint32(20)]).toEqual([96, 96]);
  const idatLen = dv.getUint32(33);
  const raw = inflateSync(png.subarray(41, 41 + idatLen));
  expect(raw.length).toBe(96 * (1 + 96 * 3));
  const wav = demoAudio(0.2);
  const w = new DataView(wav.buffer, wav.byteOffset);
  expect(w.getUint32(24, true)).toBe(16000);
  expect(w.getUint32(40, true)).toBe(32000);
});
