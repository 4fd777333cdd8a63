/** The tailer on the corpus dirs used as log dirs: runs, file health and per-run counts vs truth. */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, it } from 'vitest';
import { corpusAvailable, corpusPath, describeCorpus, readCorpusJson } from '../../../test/corpus.js';
import { LogdirTailer } from './tailer.js';

type FileTruth = {
  records: number;
  crc_failures?: number;
  length_crc_failures?: number;
  truncated_tail_bytes: number;
  tags: Record<
    string,
    { count: number; visible_after_preemption: { python_legacy: number; rustboard: number } }
  >;
};

const dirs = corpusAvailable
  ? readdirSync(corpusPath('tfevents'))
      .filter((f) => f.endsWith('.truth.json'))
      .map((f) => f.replace(/\.truth\.json$/, ''))
  : [];

describeCorpus('every corpus dir read as a log dir', () => {
  for (const dir of dirs) {
    it(dir, async () => {
      const truth = readCorpusJson<Record<string, FileTruth>>(`tfevents/${dir}.truth.json`);
      const tailer = new LogdirTailer(corpusPath(`tfevents/${dir}`));
      const r = await tailer.poll();
      // A run is a directory directly holding log files; '.' is the root.
      const expectedRuns = [...new Set(Object.keys(truth).map((p) => dirname(p)))].sort();
      expect(
        tailer.store
          .runs()
          .map((x) => x.run)
          .sort(),
      ).toEqual(expectedRuns);
      expect(r.files).toBe(Object.keys(truth).length);
      const expected = new Map<string, number>();
      for (const [rel, t] of Object.entries(truth)) {
        const run = dirname(rel);
        const h = tailer.store
          .runs()
          .find((x) => x.run === run)!
          .files.find((f) => f.file.endsWith(rel))!;
        expect(h.records).toBe(t.records);
        expect(h.crcFailures).toBe(t.crc_failures ?? 0);
        expect(h.lengthCrcFailures).toBe(t.length_crc_failures ?? 0);
        expect(h.truncatedTailBytes).toBe(t.truncated_tail_bytes);
        for (const [tag, tt] of Object.entries(t.tags))
          expected.set(
            `${run}\t${tag}`,
            (expected.get(`${run}\t${tag}`) ?? 0) + tt.visible_after_preemption.python_legacy,
          );
      }
      const got = new Map<string, number>();
      for (const infos of Object.values(tailer.store.tags()))
        for (const i of infos) got.set(`${i.run}\t${i.tag}`, i.count);
      expect(got).toEqual(expected);
      // A second poll over unchanged files reads nothing and reports no change.
      const again = await tailer.poll();
      expect(again.bytesRead).toBe(0);
      expect(again.change).toBeNull();
    });
  }

  it('names runs of several log dirs', async () => {
    const spec = `a:${corpusPath('tfevents/janosh__tensorboard-reducer')},b:${corpusPath('tfevents/FenHua__Pytorch-notebook/logs')}`;
    const tailer = new LogdirTailer(spec);
    await tailer.poll();
    expect(
      tailer.store
        .runs()
        .map((r) => r.run)
        .sort(),
    ).toEqual(['a/tests/runs/duplicate_steps/run_1', 'a/tests/runs/strict/run_1', 'b']);
  });
});
