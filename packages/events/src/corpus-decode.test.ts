/** Decoder vs ground truth: every corpus file decoded by nnlens reproduces tbdump.py's truth exactly. */
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import {
  corpusAvailable,
  corpusPath,
  describeCorpus,
  readCorpus,
  readCorpusJson,
} from '../../../test/corpus.js';
import { dumpTfevents, dumpVisualdl } from './truth-dump.testkit.js';

type Truth = Record<string, Record<string, unknown> & { tags: Record<string, Record<string, unknown>> }>;

const dirs = corpusAvailable
  ? readdirSync(corpusPath('tfevents'))
      .filter((f) => f.endsWith('.truth.json'))
      .map((f) => f.replace(/\.truth\.json$/, ''))
  : [];

describeCorpus('decoding every corpus file matches its truth', () => {
  it('finds the corpus directories', () => {
    expect(dirs.length).toBeGreaterThanOrEqual(9);
  });

  for (const dir of dirs) {
    const truth = readCorpusJson<Truth>(`tfevents/${dir}.truth.json`);
    for (const [rel, t] of Object.entries(truth)) {
      it(`${dir}/${rel}`, () => {
        const data = readCorpus(`tfevents/${dir}/${rel}`);
        const mine = t.format === 'visualdl' ? dumpVisualdl(data) : dumpTfevents(data);
        // Restart visibility is a store property, checked in store.corpus.test.ts.
        const expected = structuredClone(t);
        for (const tag of Object.values(expected.tags)) delete tag.visible_after_preemption;
        expect(mine).toEqual(expected);
      });
    }
  }
});
