/** Store vs ground truth: per-file health, per-tag kinds, counts after TensorBoard/RustBoard restart rules, values. */
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import {
  corpusAvailable,
  corpusPath,
  describeCorpus,
  readCorpus,
  readCorpusJson,
} from '../../../test/corpus.js';
import type { PurgeMode } from './ingest.js';
import { EventStore } from './store.js';
import type { HistogramValue, ImageValue, SeriesKind } from './types.js';

type TagTruth = {
  kinds: Record<string, number>;
  count: number;
  first_step: number;
  last_step: number;
  plugin_name: string | null;
  scalar?: {
    count: number;
    min: number;
    max: number;
    first: number;
    last: number;
    sum: number;
    nonfinite: number;
  };
  histo?: { num_last: number; sum_of_bucket_counts_last: number; min_of_min: number; max_of_max: number };
  tensor_values?: { n_total: number; min: number; max: number };
  image?: { sizes: number[][]; formats: string[]; bytes_total: number };
  string_tensor?: { bytes_total: number; blob_formats: string[] };
  visible_after_preemption: { rustboard: number; python_legacy: number };
};
type FileTruth = {
  format: string;
  records: number;
  crc_failures?: number;
  length_crc_failures?: number;
  stopped_at_offset?: number;
  truncated_tail_bytes: number;
  parse_failures: number;
  file_version?: string | null;
  graph_def_bytes?: number[];
  meta_graph_def_bytes?: number[];
  session_log?: { step: number; status: number; checkpoint_path: string }[];
  tags: Record<string, TagTruth>;
};

const dirs = corpusAvailable
  ? readdirSync(corpusPath('tfevents'))
      .filter((f) => f.endsWith('.truth.json'))
      .map((f) => f.replace(/\.truth\.json$/, ''))
  : [];

function expectedKind(t: TagTruth): SeriesKind {
  const k = Object.keys(t.kinds)[0]!;
  const byPlugin: Record<string, SeriesKind> = {
    scalars: 'scalar',
    histograms: 'histogram',
    images: 'image',
    hparams: 'hparams',
  };
  if (t.plugin_name) return t.plugin_name.startsWith('graph') ? 'graph' : byPlugin[t.plugin_name]!;
  const byKind: Record<string, SeriesKind> = {
    simple_value: 'scalar',
    value: 'scalar',
    histo: 'histogram',
    image: 'image',
    tagged_run_metadata: 'run_metadata',
    meta_data: 'meta',
  };
  return byKind[k]!;
}

function load(dir: string, rel: string, purge: PurgeMode, samples = {}) {
  const store = new EventStore({ purge, samples });
  const reader = store.addFile('run', rel, readCorpus(`tfevents/${dir}/${rel}`));
  return { store, reader };
}

describeCorpus('the store reproduces every corpus file', () => {
  for (const dir of dirs) {
    const truth = readCorpusJson<Record<string, FileTruth>>(`tfevents/${dir}.truth.json`);
    for (const [rel, t] of Object.entries(truth)) {
      it(`${dir}/${rel}`, () => {
        const { store, reader } = load(dir, rel, 'none', { histogram: 0, image: 0, tensor: 0, graph: 0 });
        const h = reader.health;
        expect(h.records).toBe(t.records);
        expect(h.crcFailures).toBe(t.crc_failures ?? 0);
        expect(h.lengthCrcFailures).toBe(t.length_crc_failures ?? 0);
        expect(h.stoppedAt).toBe(t.stopped_at_offset ?? null);
        expect(h.truncatedTailBytes).toBe(t.truncated_tail_bytes);
        expect(h.parseFailures).toBe(t.parse_failures);
        expect(h.dead).toBe((t.length_crc_failures ?? 0) > 0);
        if (t.format === 'tfevents') expect(h.fileVersion).toBe(t.file_version);
        // Problems are reported exactly for the damage the truth records, and nothing else.
        const codes = store.problems().map((p) => p.code);
        expect(codes.filter((c) => c === 'data_crc').length).toBe(t.crc_failures ?? 0);
        expect(codes.filter((c) => c === 'length_crc').length).toBe(t.length_crc_failures ?? 0);
        expect(codes.length).toBe((t.crc_failures ?? 0) + (t.length_crc_failures ?? 0));

        const infos = Object.values(store.tags('run')).flat();
        expect(infos.map((i) => i.tag).sort()).toEqual(Object.keys(t.tags).sort());
        for (const info of infos) {
          const tt = t.tags[info.tag]!;
          expect(info.kind, info.tag).toBe(expectedKind(tt));
          expect(info.count, info.tag).toBe(tt.count);
          expect(info.firstStep).toBe(tt.first_step);
          expect(info.lastStep).toBe(tt.last_step);
          if (tt.scalar) {
            const s = store.scalars('run', info.tag)!;
            expect(s.values.length).toBe(tt.scalar.count);
            const finite = [...s.values].filter(Number.isFinite);
            expect(s.values[0]).toBe(tt.scalar.first);
            expect(s.values[s.values.length - 1]).toBe(tt.scalar.last);
            expect(Math.min(...finite)).toBe(tt.scalar.min);
            expect(Math.max(...finite)).toBe(tt.scalar.max);
            expect(finite.reduce((a, b) => a + b, 0)).toBe(tt.scalar.sum);
            expect(s.values.length - finite.length).toBe(tt.scalar.nonfinite);
          }
          if (info.kind === 'histogram')
            checkHistograms(
              store.histograms('run', info.tag)!.samples.map((x) => x.value),
              tt,
            );
          if (info.kind === 'image')
            checkImages(
              store.images('run', info.tag)!.samples.map((x) => x.value),
              tt,
            );
        }
        const g = store.graphs('run');
        expect(g.graphs.filter((x) => x.kind === 'graph_def').map((x) => x.ref.end - x.ref.start)).toEqual(
          t.graph_def_bytes ?? [],
        );
        expect(
          g.graphs.filter((x) => x.kind === 'meta_graph_def').map((x) => x.ref.end - x.ref.start),
        ).toEqual(t.meta_graph_def_bytes ?? []);
        expect(
          store
            .sessionLogs('run')
            .map((l) => ({ step: l.step, status: l.status, checkpoint_path: l.checkpointPath })),
        ).toEqual(t.session_log ?? []);
      });

      it(`${dir}/${rel}: visible counts after TensorBoard's and RustBoard's restart rules`, () => {
        for (const [mode, key] of [
          ['tensorboard', 'python_legacy'],
          ['preempt', 'rustboard'],
        ] as const) {
          const { store } = load(dir, rel, mode);
          for (const info of Object.values(store.tags('run')).flat())
            expect(info.count, `${mode} ${info.tag}`).toBe(t.tags[info.tag]!.visible_after_preemption[key]);
          const purged = Object.values(t.tags).reduce(
            (a, x) => a + x.count - x.visible_after_preemption[key],
            0,
          );
          expect(store.purges().reduce((a, p) => a + p.removed, 0)).toBe(purged);
        }
      });
    }
  }
});

function checkHistograms(samples: HistogramValue[], t: TagTruth) {
  expect(samples.length).toBe(t.count); // every record kept (reservoir size 0 = all)
  for (const h of samples) {
    // Edges are ordered and finite: the ±DBL_MAX outer limits of legacy histograms are gone.
    for (let i = 0; i < h.buckets.length; i += 3) {
      expect(h.buckets[i]!).toBeLessThanOrEqual(h.buckets[i + 1]!);
      expect(Math.abs(h.buckets[i]!)).toBeLessThan(1e300);
    }
  }
  const last = samples[samples.length - 1]!;
  const counts = (h: HistogramValue) => h.buckets.filter((_, i) => i % 3 === 2).reduce((a, b) => a + b, 0);
  if (t.histo) {
    expect(counts(last)).toBe(t.histo.sum_of_bucket_counts_last);
    expect(last.num).toBe(t.histo.num_last);
    expect(Math.min(...samples.map((h) => h.buckets[0]!))).toBe(t.histo.min_of_min);
    expect(Math.max(...samples.map((h) => h.buckets[h.buckets.length - 2]!))).toBe(t.histo.max_of_max);
  }
  if (t.tensor_values) {
    const all = samples.flatMap((h) => [...h.buckets]);
    expect(all.length).toBe(t.tensor_values.n_total);
    expect(Math.min(...all)).toBe(t.tensor_values.min);
    expect(Math.max(...all)).toBe(t.tensor_values.max);
  }
}

function checkImages(samples: ImageValue[], t: TagTruth) {
  const blobBytes = samples.reduce((a, s) => a + s.blobs.reduce((b, x) => b + x.length, 0), 0);
  const formats = [...new Set(samples.map((s) => s.format))];
  if (t.image) {
    expect(blobBytes).toBe(t.image.bytes_total);
    expect(formats).toEqual(t.image.formats);
    expect(samples.map((s) => [s.width, s.height])).toEqual(t.image.sizes.map(([w, h]) => [w, h]));
  } else {
    // TF2 string tensors: [width, height, png…]; the truth totals count the width/height strings too.
    const dims = samples.reduce((a, s) => a + String(s.width).length + String(s.height).length, 0);
    expect(blobBytes + dims).toBe(t.string_tensor!.bytes_total);
    expect(formats).toEqual(t.string_tensor!.blob_formats);
  }
}
