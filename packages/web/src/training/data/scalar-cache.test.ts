/** The client scalar cache against a fake server that keeps a series and answers like the real one. */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ScalarCache } from './scalar-cache.js';

/** Server state: the series, and its run's purge count. */
const server = { steps: [] as number[], values: [] as number[], purged: 0, requests: [] as string[] };

/** Builds the documented binary layout (header JSON padded to 8 bytes, f64 columns). */
function respond(url: string): Response {
  server.requests.push(url);
  const q = new URL(url, 'http://x').searchParams;
  const since = q.has('since') ? Number(q.get('since')) : undefined;
  const ok = since !== undefined && since <= server.steps.length && Number(q.get('purged')) === server.purged;
  const start = ok ? since! : 0;
  const steps = server.steps.slice(start);
  const header = JSON.stringify({
    run: 'r',
    tag: 't',
    start,
    count: steps.length,
    total: server.steps.length,
    purged: server.purged,
    values: 'f64',
  });
  const h = Math.ceil(header.length / 8) * 8;
  const buf = new ArrayBuffer(8 + h + steps.length * 24);
  const dv = new DataView(buf);
  dv.setUint32(0, 0x31534e4e, true);
  dv.setUint32(4, h, true);
  new Uint8Array(buf).set(new TextEncoder().encode(header.padEnd(h)), 8);
  steps.forEach((s, i) => {
    dv.setFloat64(8 + h + 8 * i, s, true);
    dv.setFloat64(8 + h + 8 * (steps.length + i), 1000 + s, true);
    dv.setFloat64(8 + h + 16 * steps.length + 8 * i, server.values[start + i]!, true);
  });
  return new Response(buf);
}

beforeEach(() => {
  Object.assign(server, { steps: [0, 1, 2], values: [3, 2, 1], purged: 0, requests: [] });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => respond(url)),
  );
});
afterEach(() => vi.unstubAllGlobals());

it('loads a series once, then fetches only appended points', async () => {
  const cache = new ScalarCache();
  const s = await cache.load('r', 't');
  expect([...s.steps.subarray(0, s.n)]).toEqual([0, 1, 2]);
  await cache.load('r', 't');
  expect(server.requests.length).toBe(1);
  server.steps.push(3, 4);
  server.values.push(0.5, 0.25);
  let notified = 0;
  cache.subscribe('r', 't', () => notified++);
  await cache.update('r', 't', 5);
  const t = cache.get('r', 't')!;
  expect(server.requests[1]).toContain('since=3&purged=0');
  expect([...t.values.subarray(0, t.n)]).toEqual([3, 2, 1, 0.5, 0.25]);
  expect([...t.walls.subarray(0, t.n)]).toEqual([1000, 1001, 1002, 1003, 1004]);
  expect(t.version).toBeGreaterThan(s.version);
  expect(notified).toBe(1);
});

it('replaces the whole series when the run purged points meanwhile (a restart)', async () => {
  const cache = new ScalarCache();
  await cache.load('r', 't');
  Object.assign(server, { steps: [0, 1, 1, 2], values: [3, 2, 9, 8], purged: 1 });
  await cache.update('r', 't', 4);
  const t = cache.get('r', 't')!;
  expect([...t.values.subarray(0, t.n)]).toEqual([3, 2, 9, 8]);
  expect(t.purged).toBe(1);
});

it('runs one request per series at a time and an update asked meanwhile after it', async () => {
  const cache = new ScalarCache();
  const a = cache.load('r', 't');
  server.steps.push(3);
  server.values.push(0);
  const b = cache.update('r', 't', 4);
  await Promise.all([a, b]);
  expect(cache.get('r', 't')!.n).toBe(4);
});
