/** Histogram building: TF default buckets, empty-run collapsing, and limits equal to real TF/PyTorch files. */
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../test/corpus.js';
import { buildHisto, defaultBucketLimits } from './histogram-build.js';
import { histoToBuckets } from './convert.js';
import { scanTfRecords } from './framing.js';
import { crc32cJs } from './crc32c.js';
import { decodeEvent } from './event.js';
import type { EventSink } from './event.js';
import type { HistoValue } from './summary.js';
import { readHisto, ValueKind } from './summary.js';
import { Cursor } from './wire.js';

describe('buildHisto', () => {
  it('counts values into TF default buckets, collapsing empty runs', () => {
    const h = buildHisto([0.5, 0.5, 1, -2, NaN]);
    expect(h.num).toBe(4);
    expect(h.min).toBe(-2);
    expect(h.max).toBe(1);
    expect(h.sum).toBe(0);
    expect(Array.from(h.bucket).reduce((a, b) => a + b, 0)).toBe(4);
    // Only non-empty buckets and one collapsed bucket per empty run remain.
    const b = Array.from(h.bucket);
    for (let i = 1; i < b.length; i++) expect(b[i - 1] === 0 && b[i] === 0).toBe(false);
    expect(h.bucketLimit[h.bucketLimit.length - 1]).toBe(Number.MAX_VALUE);
  });

  it('round-trips through the [k,3] conversion with all counts kept', () => {
    const vals = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 3);
    const h = buildHisto(vals);
    const conv = histoToBuckets({
      ...h,
      bucketLimit: Float64Array.from(h.bucketLimit),
      bucket: Float64Array.from(h.bucket),
    });
    let n = 0;
    for (let i = 2; i < conv.buckets.length; i += 3) n += conv.buckets[i]!;
    expect(n).toBe(1000);
    expect(conv.buckets[0]).toBe(h.min);
    expect(conv.buckets[conv.buckets.length - 2]).toBe(h.max);
  });

  it('handles an empty input', () => {
    const h = buildHisto([]);
    expect(h.num).toBe(0);
    expect(Array.from(h.bucket)).toEqual([0]);
  });
});

// Real TF (Keras) and PyTorch histograms: every limit they wrote is one of our default limits.
describeCorpus('default bucket limits match real files', () => {
  for (const file of [
    'tfevents/Alwaysproblem__tensorboard-review/logs/standard/20200326-221129/train/events.out.tfevents.1585231889.LEMON.12072.235.v2',
    'tfevents/ma-nual__pytorch-deeplearning/logs/events.out.tfevents.1589974560.DESKTOP-UDNKO6E.6920.3',
    'tfevents/bessimaestro__tf-iris/logs/events.out.tfevents.1530598689.nextbit',
  ])
    it(file.split('/')[1]!, () => {
      const data = readCorpus(file);
      const histos: HistoValue[] = [];
      const cur = new Cursor(data);
      const sink = {
        begin() {},
        fileVersion() {},
        sessionLog() {},
        graph() {},
        taggedRunMetadata() {},
        end() {},
        value(v, c) {
          if (v.kind === ValueKind.Histo) histos.push(readHisto(c.reset(data, v.payloadStart, v.payloadEnd)));
        },
      } satisfies EventSink;
      scanTfRecords(data, crc32cJs, 1 << 30, (b, s, e) => decodeEvent(cur.reset(b, s, e), sink));
      expect(histos.length).toBeGreaterThan(0);
      const known = new Set(defaultBucketLimits());
      for (const h of histos) {
        const odd = [...h.bucketLimit].filter((x) => !known.has(x));
        // PyTorch trims its outer limits to the data range; those are the only non-default edges.
        expect(odd.length).toBeLessThanOrEqual(file.includes('pytorch') ? 2 : 0);
      }
    });
});
