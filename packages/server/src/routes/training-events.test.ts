/** SSE on a live log dir: a writer appends while the server runs; the stream announces the new counts. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SummaryWriter } from '@nnlens/events-node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer } from '../start.js';
import type { ChangeMessage } from './training-events.js';

let dir: string;
let server: { url: string; close(): Promise<void> };
let writer: SummaryWriter;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nnlens-sse-'));
  writer = new SummaryWriter(join(dir, 'run_a'));
  for (let s = 0; s < 10; s++) writer.addScalar('loss', 1 / (s + 1), s);
  writer.flush();
  server = await startServer({ files: [], webRoot: '/nonexistent', port: 0, logdirs: dir, pollMs: 100 });
});

afterAll(async () => {
  writer.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Reads SSE frames from a fetch body; resolves with the first `event` frame that satisfies `pred`. */
async function nextEvent(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  buf: { text: string },
  pred: (event: string, data: string) => boolean,
  timeoutMs: number,
): Promise<{ event: string; data: string }> {
  const deadline = Date.now() + timeoutMs;
  const dec = new TextDecoder();
  for (;;) {
    let end: number;
    while ((end = buf.text.indexOf('\n\n')) >= 0) {
      const frame = buf.text.slice(0, end);
      buf.text = buf.text.slice(end + 2);
      const event = /^event: (.*)$/m.exec(frame)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(frame)?.[1] ?? '';
      if (pred(event, data)) return { event, data };
    }
    const left = deadline - Date.now();
    if (left <= 0) throw new Error('timed out waiting for an SSE event');
    const chunk = await Promise.race([
      reader.read(),
      new Promise<never>((_, rej) =>
        setTimeout(() => rej(new Error('timed out waiting for an SSE event')), left),
      ),
    ]);
    if (chunk.done) throw new Error('SSE stream ended');
    buf.text += dec.decode(chunk.value, { stream: true });
  }
}

it('pushes new points and new runs within a second, and scalars?since sends only the new ones', async () => {
  const ac = new AbortController();
  const res = await fetch(`${server.url}/api/training/events`, { signal: ac.signal });
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = res.body!.getReader();
  const buf = { text: '' };
  await nextEvent(reader, buf, (e) => e === 'ready', 2000);

  const t0 = Date.now();
  for (let s = 10; s < 15; s++) writer.addScalar('loss', 1 / (s + 1), s);
  writer.flush();
  const ev = await nextEvent(reader, buf, (e) => e === 'change', 2000);
  expect(Date.now() - t0).toBeLessThan(1500);
  const msg = JSON.parse(ev.data) as ChangeMessage;
  expect(msg.tags).toEqual([
    { run: 'run_a', tag: 'loss', kind: 'scalar', plugin: 'scalars', count: 15, added: 5, lastStep: 14 },
  ]);

  const bin = Buffer.from(
    await (
      await fetch(`${server.url}/api/training/scalars?run=run_a&tag=loss&since=10&purged=0`)
    ).arrayBuffer(),
  );
  const h = bin.readUInt32LE(4);
  const header = JSON.parse(bin.subarray(8, 8 + h).toString());
  expect(header).toMatchObject({ start: 10, count: 5, total: 15 });

  const other = new SummaryWriter(join(dir, 'run_b'));
  other.addScalar('acc', 0.5, 1);
  other.close();
  const ev2 = await nextEvent(reader, buf, (e, d) => e === 'change' && d.includes('run_b'), 2000);
  const msg2 = JSON.parse(ev2.data) as ChangeMessage;
  expect(msg2.newRuns).toEqual(['run_b']);
  expect(msg2.tags.find((t) => t.run === 'run_b')).toMatchObject({ tag: 'acc', count: 1, added: 1 });
  ac.abort();
});
