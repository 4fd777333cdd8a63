/** Training routes on the corpus log dirs via fastify.inject: runs, health, counts, values and blobs vs truth.json. */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPath, describeCorpus, readCorpusJson } from '../../../../test/corpus.js';
import { buildApp } from '../app.js';
import { SCALARS_MAGIC } from './training-codec.js';

type TagTruth = {
  count: number;
  last_step: number;
  kinds: Record<string, number>;
  plugin_name: string | null;
  scalar?: { count: number; min: number; max: number; first: number; last: number; sum: number };
  image?: { bytes_total: number; formats: string[]; sizes: [number, number, number][] };
  hparams_plugin_data?: { session_start_info?: { hparams: Record<string, unknown> } }[];
  visible_after_preemption: { python_legacy: number };
};
type FileTruth = {
  records: number;
  crc_failures?: number;
  length_crc_failures?: number;
  truncated_tail_bytes: number;
  tags: Record<string, TagTruth>;
};

/** Decodes the binary scalar response with its own reader (independent of any client code). */
function decodeScalars(body: Buffer) {
  const dv = new DataView(body.buffer, body.byteOffset, body.byteLength);
  expect(dv.getUint32(0, true)).toBe(SCALARS_MAGIC);
  const h = dv.getUint32(4, true);
  const header = JSON.parse(body.subarray(8, 8 + h).toString('utf8'));
  const n: number = header.count;
  const at = 8 + h;
  const col = (i: number) => Array.from({ length: n }, (_, k) => dv.getFloat64(at + i * n * 8 + k * 8, true));
  const values = Array.from({ length: n }, (_, k) =>
    header.values === 'f32'
      ? dv.getFloat32(at + 16 * n + 4 * k, true)
      : dv.getFloat64(at + 16 * n + 8 * k, true),
  );
  return { header, steps: col(0), wallTimes: col(1), values };
}

const dirs = readdirSync(corpusPath('tfevents'))
  .filter((f) => f.endsWith('.truth.json'))
  .map((f) => f.replace(/\.truth\.json$/, ''));

async function appFor(dir: string): Promise<FastifyInstance> {
  return buildApp({
    files: [],
    webRoot: '/nonexistent',
    logdirs: corpusPath(`tfevents/${dir}`),
    pollMs: 60_000,
  });
}

describeCorpus('training routes on every corpus log dir', () => {
  for (const dir of dirs) {
    it(dir, async () => {
      const truth = readCorpusJson<Record<string, FileTruth>>(`tfevents/${dir}.truth.json`);
      const app = await appFor(dir);
      try {
        const runs = (await app.inject('/api/training/runs')).json();
        expect(runs.configured).toBe(true);
        const expectedRuns = [...new Set(Object.keys(truth).map((p) => dirname(p)))].sort();
        expect(runs.runs.map((r: { run: string }) => r.run)).toEqual(expectedRuns);
        // File health per file, with paths relative to the log dir (no server paths leak).
        for (const [rel, t] of Object.entries(truth)) {
          const run = runs.runs.find((r: { run: string }) => r.run === dirname(rel));
          const f = run.files.find((x: { file: string }) => x.file === rel);
          expect(f, rel).toBeDefined();
          expect(f.records).toBe(t.records);
          expect(f.crcFailures).toBe(t.crc_failures ?? 0);
          expect(f.lengthCrcFailures).toBe(t.length_crc_failures ?? 0);
          expect(f.truncatedTailBytes).toBe(t.truncated_tail_bytes);
        }
        // Per (run, tag) visible counts, summed over the run's files, as TensorBoard's loader shows them.
        const expected = new Map<string, number>();
        for (const [rel, t] of Object.entries(truth))
          for (const [tag, tt] of Object.entries(t.tags)) {
            const k = `${dirname(rel)}\t${tag}`;
            expected.set(k, (expected.get(k) ?? 0) + tt.visible_after_preemption.python_legacy);
          }
        const tags = (await app.inject('/api/training/tags')).json().tags as Record<
          string,
          { run: string; tag: string; kind: string; count: number }[]
        >;
        const got = new Map<string, number>();
        for (const infos of Object.values(tags))
          for (const i of infos) got.set(`${i.run}\t${i.tag}`, i.count);
        expect(got).toEqual(expected);
        // Every scalar series transfers in full; where nothing was purged its values equal the file's.
        for (const [rel, t] of Object.entries(truth))
          for (const [tag, tt] of Object.entries(t.tags)) {
            if (!tt.scalar || tt.scalar.count !== tt.count) continue;
            const run = dirname(rel);
            const res = await app.inject(
              `/api/training/scalars?run=${encodeURIComponent(run)}&tag=${encodeURIComponent(tag)}`,
            );
            expect(res.statusCode, `${run} ${tag}`).toBe(200);
            const s = decodeScalars(res.rawPayload);
            expect(s.header.total).toBe(expected.get(`${run}\t${tag}`));
            const sameFileOnly =
              Object.entries(truth).filter(([r, x]) => dirname(r) === run && x.tags[tag]).length === 1;
            if (!sameFileOnly || tt.visible_after_preemption.python_legacy !== tt.count) continue;
            expect(s.values.length).toBe(tt.scalar.count);
            expect(s.values[0]).toBe(tt.scalar.first);
            expect(s.values.at(-1)).toBe(tt.scalar.last);
            expect(Math.min(...s.values)).toBe(tt.scalar.min);
            expect(Math.max(...s.values)).toBe(tt.scalar.max);
            expect(s.values.reduce((a, b) => a + b, 0)).toBe(tt.scalar.sum);
            expect(s.steps.at(-1)).toBe(tt.last_step);
          }
      } finally {
        await app.close();
      }
    });
  }
});

describeCorpus('training routes: payloads', () => {
  let app: FastifyInstance;
  let keras: FastifyInstance;
  beforeAll(async () => {
    app = await appFor('ma-nual__pytorch-deeplearning');
    keras = await appFor('Alwaysproblem__tensorboard-review');
  });
  afterAll(async () => {
    await app.close();
    await keras.close();
  });

  it('sends image sizes and the PNG bytes of the corpus image', async () => {
    const t = readCorpusJson<Record<string, FileTruth>>('tfevents/ma-nual__pytorch-deeplearning.truth.json');
    const img = t['logs/events.out.tfevents.1589974346.DESKTOP-UDNKO6E.6920.0']!.tags.cat!.image!;
    const res = (await app.inject('/api/training/images?run=logs&tag=cat')).json();
    expect(res.count).toBe(1);
    expect([res.samples[0].width, res.samples[0].height]).toEqual(img.sizes[0]!.slice(0, 2));
    const blob = await app.inject(`/api/training/blob?run=logs&tag=cat&step=${res.samples[0].step}&index=0`);
    expect(blob.statusCode).toBe(200);
    expect(blob.headers['content-type']).toBe('image/png');
    expect(blob.headers['x-content-type-options']).toBe('nosniff');
    expect(blob.rawPayload.length).toBe(img.bytes_total);
    expect([...blob.rawPayload.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('sends histograms with the writer statistics of the file', async () => {
    const res = (await app.inject('/api/training/histograms?run=logs&tag=his%2Fx')).json();
    expect(res.count).toBe(2); // two files of the run hold one his/x each
    const maxes = res.samples.map((s: { max: number }) => s.max).sort();
    expect(maxes).toEqual([120.00000762939453, 144.00001525878906]);
    for (const s of res.samples) {
      expect(s.buckets.length % 3).toBe(0);
      const n = s.buckets
        .filter((_: number, i: number) => i % 3 === 2)
        .reduce((a: number, b: number) => a + b, 0);
      expect(n).toBe(s.num);
    }
  });

  it('keeps 50 of 50 TF2 tensor histograms (under the 100-sample reservoir) with the last step', async () => {
    const t = readCorpusJson<Record<string, FileTruth>>(
      'tfevents/Alwaysproblem__tensorboard-review.truth.json',
    );
    const [rel, ft] = Object.entries(t).find(([, f]) => f.tags['linear/kernel:0'])!;
    const run = dirname(rel);
    const res = (
      await keras.inject(`/api/training/histograms?run=${encodeURIComponent(run)}&tag=linear%2Fkernel%3A0`)
    ).json();
    expect(res.samples.length).toBe(ft.tags['linear/kernel:0']!.count);
    expect(res.samples.at(-1).step).toBe(ft.tags['linear/kernel:0']!.last_step);
  });

  it('assembles hparams sessions with the values written in the files', async () => {
    const t = readCorpusJson<Record<string, FileTruth>>(
      'tfevents/Alwaysproblem__tensorboard-review.truth.json',
    );
    const starts = Object.entries(t).flatMap(([rel, f]) =>
      (f.tags['_hparams_/session_start_info']?.hparams_plugin_data ?? []).map((d) => ({
        run: dirname(rel),
        hparams: d.session_start_info!.hparams,
      })),
    );
    const res = (await keras.inject('/api/training/hparams')).json();
    expect(res.sessions.length).toBe(starts.length);
    for (const s of starts) {
      const got = res.sessions.find((x: { run: string }) => x.run === s.run);
      expect(got.hparams).toEqual(s.hparams);
    }
    expect(res.experiments.length).toBe(1);
  });

  it('answers JSON errors for missing parameters, unknown runs and path-like names', async () => {
    const cases: [string, number, RegExp][] = [
      ['/api/training/scalars?run=logs', 400, /missing query parameter 'tag'/],
      ['/api/training/scalars?run=nope&tag=x', 404, /no scalar series 'x' in run 'nope'/],
      ['/api/training/scalars?run=..%2F..%2Fetc&tag=passwd', 404, /no scalar series/],
      ['/api/training/scalars?run=logs&tag=cat', 404, /no scalar series 'cat'/],
      ['/api/training/tags?run=%2Fetc', 404, /no run '\/etc'/],
      ['/api/training/blob?run=logs&tag=cat&step=x', 400, /'step' must be an integer/],
      ['/api/training/blob?run=logs&tag=cat&step=99999', 404, /no blob 0 at step 99999/],
      ['/api/training/scalars?run=logs&tag=data%2Floss&since=-1', 400, /non-negative integer/],
    ];
    for (const [url, status, msg] of cases) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(status);
      expect(res.json().error, url).toMatch(msg);
    }
  });

  it('sends only new points for since=N when nothing was purged, the whole series otherwise', async () => {
    const q = '/api/training/scalars?run=tensorboard_file&tag=loss%2Floss';
    const mnist = await appFor('caozhang1996__mnist_code');
    try {
      const full = decodeScalars((await mnist.inject(q)).rawPayload);
      expect(full.header.total).toBe(600);
      const tail = decodeScalars((await mnist.inject(`${q}&since=590&purged=0`)).rawPayload);
      expect(tail.header.start).toBe(590);
      expect(tail.values).toEqual(full.values.slice(590));
      const stale = decodeScalars((await mnist.inject(`${q}&since=590&purged=7`)).rawPayload);
      expect(stale.header.start).toBe(0);
      expect(stale.values.length).toBe(600);
      const json = (await mnist.inject(`${q}&format=json`)).json();
      expect(json.values).toEqual(full.values);
      expect(json.steps).toEqual(full.steps);
    } finally {
      await mnist.close();
    }
  });
});

describe('training routes without log dirs', () => {
  it('lists no runs and says why elsewhere', async () => {
    const app = await buildApp({ files: [], webRoot: '/nonexistent' });
    try {
      expect((await app.inject('/api/training/runs')).json()).toEqual({ configured: false, runs: [] });
      const res = await app.inject('/api/training/tags');
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatch(/--logdir/);
    } finally {
      await app.close();
    }
  });
});
