/** Tailing: live appends, new runs/files, half-written records, shrinking files, symlinks, 2,000 runs. */
import { appendFileSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DataChange } from '@nnlens/events';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../test/corpus.js';
import { SummaryWriter } from './summary-writer.js';
import { LogdirTailer } from './tailer.js';
import { tempDir } from './test-util.testkit.js';

const tmp = tempDir('tailer');
afterAll(tmp.cleanup);
let n = 0;
const fresh = () => {
  const d = join(tmp.dir, `t${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
};

// Deterministic chunk sizes (mulberry32) so a failure reproduces.
function chunks(len: number, seed: number, max: number): number[] {
  let a = seed;
  const out: number[] = [];
  for (let left = len; left > 0;) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const k = Math.min(left, 1 + (((t ^ (t >>> 14)) >>> 0) % max));
    out.push(k);
    left -= k;
  }
  return out;
}

type Truth = Record<
  string,
  {
    tags: Record<
      string,
      {
        count: number;
        first_step: number;
        last_step: number;
        scalar?: { min: number; max: number; sum: number };
      }
    >;
  }
>;

describeCorpus('live tailing', () => {
  for (const [dir, rel, run] of [
    [
      'caozhang1996__mnist_code',
      'tensorboard_file/events.out.tfevents.1534044973.inspiron',
      'tensorboard_file',
    ],
    ['PaddleCV-SIG__PaddleRS', 'output/snunet/vdl_log/vdlrecords.1649682194.log', 'vdl'],
  ] as const) {
    it(`reads ${rel.split('/').pop()} appended in random pieces exactly as the truth`, async () => {
      const root = fresh();
      mkdirSync(join(root, run));
      const file = join(root, run, rel.split('/').pop()!);
      const data = readCorpus(`tfevents/${dir}/${rel}`);
      const truth = readCorpusJson<Truth>(`tfevents/${dir}.truth.json`)[rel]!;
      const tailer = new LogdirTailer(root, { readBlockBytes: 4096 }); // small blocks: many block boundaries
      let pos = 0;
      let last = 0;
      for (const k of chunks(data.length, 7, 9000)) {
        appendFileSync(file, data.subarray(pos, pos + k));
        pos += k;
        await tailer.poll();
        const records = tailer.store.runs()[0]!.files[0]!.records;
        expect(records).toBeGreaterThanOrEqual(last); // never goes back, never double-counts
        last = records;
      }
      const infos = Object.values(tailer.store.tags(run)).flat();
      expect(infos.length).toBe(Object.keys(truth.tags).length);
      for (const i of infos) {
        const t = truth.tags[i.tag]!;
        expect([i.count, i.firstStep, i.lastStep]).toEqual([t.count, t.first_step, t.last_step]);
        if (t.scalar) {
          const v = [...tailer.store.scalars(run, i.tag)!.values];
          expect([Math.min(...v), Math.max(...v), v.reduce((a, b) => a + b, 0)]).toEqual([
            t.scalar.min,
            t.scalar.max,
            t.scalar.sum,
          ]);
        }
      }
      expect(tailer.store.problems()).toEqual([]);
    });
  }
});

describe('LogdirTailer', () => {
  it('picks up new runs, new files and appended bytes, and notifies subscribers', async () => {
    const root = fresh();
    const tailer = new LogdirTailer(root);
    const changes: DataChange[] = [];
    tailer.store.subscribe((c) => changes.push(c));
    expect((await tailer.poll()).runs).toBe(0); // an empty log dir is fine
    const w1 = new SummaryWriter(join(root, 'a'), { flushBytes: 0 });
    w1.addScalar('loss', 1, 0);
    await tailer.poll();
    expect(changes.at(-1)).toEqual({
      runs: ['a'],
      newRuns: ['a'],
      newTags: [{ run: 'a', tag: 'loss', kind: 'scalar' }],
    });
    w1.addScalar('loss', 0.5, 1);
    const r = await tailer.poll();
    expect(r.bytesRead).toBeGreaterThan(0);
    expect(r.bytesRead).toBeLessThan(100); // only the new record
    expect([...tailer.store.scalars('a', 'loss')!.values]).toEqual([1, 0.5]);
    const w2 = new SummaryWriter(join(root, 'a', 'deeper'), { flushBytes: 0 });
    w2.addScalar('acc', 0.25, 3);
    const w3 = new SummaryWriter(join(root, 'a'), { flushBytes: 0, filenameSuffix: '.second' });
    w3.addScalar('loss', 0.25, 2);
    await tailer.poll();
    expect(
      tailer.store
        .runs()
        .map((x) => x.run)
        .sort(),
    ).toEqual(['a', 'a/deeper']);
    expect([...tailer.store.scalars('a', 'loss')!.values]).toEqual([1, 0.5, 0.25]);
    expect(tailer.store.runs().find((x) => x.run === 'a')!.files).toHaveLength(2);
    const before = changes.length;
    expect((await tailer.poll()).change).toBeNull();
    expect(changes.length).toBe(before);
    [w1, w2, w3].forEach((w) => w.close());
  });

  it('waits on a half-written record and resumes at its first byte', async () => {
    const root = fresh();
    const w = new SummaryWriter(root, { flushBytes: 1 << 20 });
    for (let i = 0; i < 10; i++) w.addScalar('x', i, i);
    w.close();
    const { readFileSync } = await import('node:fs');
    const full = readFileSync(w.file);
    writeFileSync(w.file, full.subarray(0, full.length - 7));
    const tailer = new LogdirTailer(root);
    await tailer.poll();
    const h = () => tailer.store.runs()[0]!.files[0]!;
    expect(tailer.store.scalars('.', 'x')!.values.length).toBe(9);
    expect(h().truncatedTailBytes).toBeGreaterThan(7);
    appendFileSync(w.file, full.subarray(full.length - 7));
    await tailer.poll();
    expect([...tailer.store.scalars('.', 'x')!.values]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(h().truncatedTailBytes).toBe(0);
  });

  it('reports a file that shrank and stops reading it', async () => {
    const root = fresh();
    const w = new SummaryWriter(root, { flushBytes: 0 });
    for (let i = 0; i < 5; i++) w.addScalar('x', i, i);
    const tailer = new LogdirTailer(root);
    await tailer.poll();
    truncateSync(w.file, 10);
    await tailer.poll();
    expect(tailer.store.problems().map((p) => [p.code, p.file])).toEqual([['file_shrank', w.file]]);
    expect(tailer.store.scalars('.', 'x')!.values.length).toBe(5); // data already read is kept
    w.close();
  });

  it('follows symlinks inside the log dir only, and never loops', async () => {
    const outside = fresh();
    new SummaryWriter(join(outside, 'secret'), { flushBytes: 0 }).close();
    const root = fresh();
    new SummaryWriter(join(root, 'real'), { flushBytes: 0 }).close();
    symlinkSync(join(outside, 'secret'), join(root, 'escape'));
    symlinkSync(join(root, 'real'), join(root, 'alias'));
    symlinkSync(root, join(root, 'real', 'loop'));
    const tailer = new LogdirTailer(root);
    await tailer.poll();
    expect(
      tailer.store
        .runs()
        .map((r) => r.run)
        .sort(),
    ).toEqual(['alias', 'real']);
    expect(tailer.skippedLinks().sort()).toEqual([
      join(root, 'alias', 'loop'),
      join(root, 'escape'),
      join(root, 'real', 'loop'),
    ]);
  });

  it('keeps polls cheap with 2,000 runs: stat only, read only new bytes', async () => {
    const root = fresh();
    const w = new SummaryWriter(join(root, 'template'), { flushBytes: 0, now: () => 1 });
    w.addScalar('loss', 1, 0);
    w.close();
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(w.file);
    for (let i = 0; i < 2000; i++) {
      mkdirSync(join(root, `run_${String(i).padStart(4, '0')}`));
      writeFileSync(join(root, `run_${String(i).padStart(4, '0')}`, 'events.out.tfevents.1.host'), bytes);
    }
    const tailer = new LogdirTailer(root);
    const first = await tailer.poll();
    expect(first.runs).toBe(2001);
    const idle = await tailer.poll();
    expect(idle.bytesRead).toBe(0);
    appendFileSync(join(root, 'run_1234', 'events.out.tfevents.1.host'), bytes.subarray(40)); // one more scalar record
    const busy = await tailer.poll();
    expect(busy.bytesRead).toBe(bytes.length - 40);
    expect(busy.change?.runs).toEqual(['run_1234']);
    expect(tailer.store.scalars('run_1234', 'loss')!.values.length).toBe(2);
    console.log(
      `2,000 runs: first poll ${first.ms.toFixed(0)} ms, idle poll ${idle.ms.toFixed(0)} ms, one-file poll ${busy.ms.toFixed(0)} ms`,
    );
    expect(idle.ms).toBeLessThan(1000); // the server polls every ≤ 1 s
  });
});
