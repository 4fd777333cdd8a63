/** SummaryWriter round trip: tbdump.py (independent) and nnlens decode what was written, exactly. */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildHisto, EventStore } from '@nnlens/events';
import { SummaryWriter } from './summary-writer.js';
import { makePng, makeWav, tbdump, tbdumpUnavailable, tempDir } from './test-util.testkit.js';

const tmp = tempDir('writer');
afterAll(tmp.cleanup);

// What is written, kept here so both readers are compared with the inputs, not with each other.
const WALL = 1_700_000_000.25;
const loss = Array.from({ length: 100 }, (_, i) => 1 / (i + 1));
const steps = loss.map((_, i) => i * 10);
const weights = Array.from({ length: 500 }, (_, i) => Math.sin(i) * (1 + i / 100));
const png = makePng(7, 5);
const wav = makeWav(800, 8000);
const hparams = { lr: 0.01, optimizer: 'adam', batch_norm: true };

function writeAll(): string {
  let t = WALL;
  const w = new SummaryWriter(tmp.dir, { now: () => (t += 0.001) });
  loss.forEach((v, i) => w.addScalar('train/loss', v, steps[i]!, WALL + i));
  w.addScalar('edge', NaN, 1, WALL);
  w.addScalar('edge', Infinity, 2, WALL);
  w.addScalar('edge', -2.5, 2 ** 40, WALL);
  w.addHistogram('weights', weights, 3, WALL);
  w.addImage('sample', png, 4, {}, WALL);
  w.addAudio('clip', wav, 5, {}, WALL);
  w.addText('notes', 'hello **world**', 6, WALL);
  w.addHparams(hparams, { hp_metric: 0.875 }, { step: 7 });
  w.close();
  return w.file;
}

const f32 = (x: number) => Math.fround(x);
const file = writeAll();

describe('SummaryWriter files decode exactly as written', () => {
  const why = tbdumpUnavailable();
  it.skipIf(why !== null)(`tbdump.py reads them back${why ? ` (${why})` : ''}`, () => {
    const t = tbdump(file) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(t.file_version).toBe('brain.Event:2');
    expect(t.crc_failures).toBe(0);
    expect(t.parse_failures).toBe(0);
    expect(t.records).toBe(1 + 100 + 3 + 4 + 4); // file_version, scalars, histogram/image/audio/text, hparams ×3 + metric
    const l = t.tags['train/loss'];
    expect(l.count).toBe(100);
    expect([l.first_step, l.last_step]).toEqual([0, 990]);
    expect([l.first_wall_time, l.last_wall_time]).toEqual([WALL, WALL + 99]);
    const vals = loss.map(f32);
    expect(l.scalar.first).toBe(vals[0]);
    expect(l.scalar.last).toBe(vals[99]);
    expect(l.scalar.min).toBe(Math.min(...vals));
    expect(l.scalar.sum).toBe(vals.reduce((a, b) => a + b, 0));
    const e = t.tags.edge;
    expect(e.scalar).toMatchObject({ count: 3, nonfinite: 2, first: 'NaN', last: -2.5 });
    expect(e.last_step).toBe(2 ** 40);
    const h = t.tags.weights.histo;
    const built = buildHisto(weights);
    expect(h.num_first).toBe(500);
    expect(h.min_of_min).toBe(Math.min(...weights));
    expect(h.max_of_max).toBe(Math.max(...weights));
    expect(h.sum_of_bucket_counts_last).toBe(500);
    expect(h.bucket_counts).toEqual([built.bucket.length]);
    expect(t.tags.sample.image).toEqual({ sizes: [[7, 5, 3]], formats: ['png'], bytes_total: png.length });
    expect(t.tags.clip.audio).toEqual({
      sample_rates: [8000],
      content_types: ['audio/wav'],
      bytes_total: wav.length,
    });
    const n = t.tags.notes;
    expect(n).toMatchObject({ plugin_name: 'text', dtypes: ['DT_STRING'], shapes: [[]] });
    expect(n.string_tensor.head).toEqual(['hello **world**']);
    const hp = (tag: string) => t.tags[`_hparams_/${tag}`].hparams_plugin_data[0];
    expect(hp('experiment').experiment.hparam_infos).toEqual([
      { name: 'lr', type: 3 },
      { name: 'optimizer', type: 1 },
      { name: 'batch_norm', type: 2 },
    ]);
    expect(hp('experiment').experiment.metric_infos).toEqual([{ group: '', tag: 'hp_metric' }]);
    expect(hp('session_start_info').session_start_info.hparams).toEqual(hparams);
    expect(hp('session_end_info').session_end_info.status).toBe(1);
    expect(t.tags.hp_metric.scalar.first).toBe(f32(0.875));
    expect(t.tags.hp_metric.first_step).toBe(7);
  });

  it('nnlens reads them back', () => {
    const store = new EventStore();
    const b = readFileSync(file);
    const r = store.addFile('.', file, new Uint8Array(b.buffer, b.byteOffset, b.length));
    expect(r.health).toMatchObject({
      records: 112,
      crcFailures: 0,
      parseFailures: 0,
      fileVersion: 'brain.Event:2',
    });
    const s = store.scalars('.', 'train/loss')!;
    expect([...s.values]).toEqual(loss.map(f32));
    expect([...s.steps]).toEqual(steps);
    expect(store.images('.', 'sample')!.samples[0]!.value).toMatchObject({
      width: 7,
      height: 5,
      format: 'png',
      blobs: [png],
    });
    expect(store.audio('.', 'clip')!.samples[0]!.value).toMatchObject({ sampleRate: 8000, blobs: [wav] });
    expect(store.text('.', 'notes')!.samples[0]!.value).toEqual({ strings: ['hello **world**'], shape: [] });
    const hist = store.histograms('.', 'weights')!.samples[0]!.value;
    expect(hist.num).toBe(500);
    const hp = store.hparams();
    expect(hp.experiments).toHaveLength(1);
    expect(hp.sessions[0]).toMatchObject({
      run: '.',
      hparams,
      status: 1,
      metrics: { hp_metric: { value: f32(0.875), step: 7 } },
    });
  });

  it('refuses writes after close, naming the file', () => {
    const w = new SummaryWriter(tmp.dir);
    w.close();
    expect(() => w.addScalar('x', 1)).toThrow(w.file);
  });
});
