/** Run notices from file health and purges. */
import { expect, it } from 'vitest';
import type { RunJson } from './api.js';
import { runNotices } from './selectors.js';

const file = {
  file: 'a/events.out.tfevents.1',
  format: 'tfevents',
  records: 10,
  crcFailures: 0,
  parseFailures: 0,
  lengthCrcFailures: 0,
  stoppedAt: null,
  truncatedTailBytes: 0,
  dead: false,
};
const run: RunJson = {
  run: 'a',
  startTime: 0,
  tagCount: 1,
  problemCount: 0,
  purgedPoints: 0,
  files: [file],
  problems: [],
  purges: [],
};

it('says nothing about a healthy run', () => {
  expect(runNotices(run)).toEqual([]);
});

it('explains CRC failures, a stopped file, a partial tail and hidden points', () => {
  const n = runNotices({
    ...run,
    purgedPoints: 510,
    purges: [{ file: 'x', reason: 'session_start', step: 2400, tags: ['*'], removed: 510 }],
    files: [
      { ...file, crcFailures: 1 },
      { ...file, file: 'b', lengthCrcFailures: 1, stoppedAt: 412, dead: true },
      { ...file, file: 'c', truncatedTailBytes: 28 },
    ],
  });
  expect(n.map((x) => x.text)).toEqual([
    'events.out.tfevents.1: 1 record failed the CRC check and was skipped',
    'b: a damaged record header at byte 412; the rest of the file cannot be read',
    'c: the last 28 bytes are not a whole record (still being written, or truncated)',
    '510 points from before a restart at step 2,400 are hidden, as TensorBoard does',
  ]);
});
