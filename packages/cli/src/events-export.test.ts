/** `nnlens events export` on a corpus log dir: rows and counts equal truth.json. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { corpusPath, describeCorpus, readCorpusJson } from '../../../test/corpus.js';
import { runEventsExport } from './events-export.js';

type Truth = Record<string, { tags: Record<string, { count: number; scalar?: { sum: number } }> }>;

describeCorpus('events export', () => {
  it('writes every scalar point as CSV and per-tag counts as JSON', async () => {
    const truth = readCorpusJson<Truth>('tfevents/caozhang1996__mnist_code.truth.json');
    const tags = Object.values(truth)[0]!.tags;
    const out = mkdtempSync(join(tmpdir(), 'nnlens-export-'));
    try {
      const logdir = corpusPath('tfevents/caozhang1996__mnist_code');
      expect(await runEventsExport(logdir, { format: 'csv', output: join(out, 'a.csv') })).toBe(0);
      const rows = readFileSync(join(out, 'a.csv'), 'utf8').trim().split('\n');
      expect(rows[0]).toBe('run,tag,step,wall_time,value');
      for (const [tag, t] of Object.entries(tags)) {
        const mine = rows.filter((r) => r.split(',')[1] === tag);
        expect(mine.length).toBe(t.count);
        expect(mine.reduce((a, r) => a + Number(r.split(',')[4]), 0)).toBe(t.scalar!.sum);
      }
      expect(await runEventsExport(logdir, { format: 'json', output: join(out, 'a.json') })).toBe(0);
      const doc = JSON.parse(readFileSync(join(out, 'a.json'), 'utf8'));
      for (const t of doc.runs[0].tags) expect(t.count).toBe(tags[t.tag]!.count);
      expect(await runEventsExport(join(out, 'none'), { format: 'json' })).toBe(1);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
