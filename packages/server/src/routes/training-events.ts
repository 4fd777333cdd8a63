/** `GET /api/training/events`: Server-Sent Events announcing new data per (run, tag) with its new point count. */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { DataChange, DataProvider, TagInfo } from '@nnlens/events';
import type { TrainingSource } from './training-source.js';

/** One series that changed: its kind, plugin and counts now. */
export interface TagChange {
  run: string;
  tag: string;
  kind: string;
  plugin: string;
  /** Visible records now. */
  count: number;
  /** Records added since the last message (negative when restart rules removed more than arrived). */
  added: number;
  lastStep: number | null;
}

/** The `change` event's data. */
export interface ChangeMessage {
  runs: string[];
  newRuns: string[];
  tags: TagChange[];
}

// Proxies and browsers drop quiet connections; a comment line every 15 s keeps the stream open.
const KEEPALIVE_MS = 15_000;

/** Computes per-tag changes by comparing counts with those last announced. */
export class TagCounter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly provider: DataProvider) {
    for (const infos of Object.values(provider.tags()))
      for (const t of infos) this.counts.set(key(t), t.count);
  }

  /** The message for a store change. */
  message(change: DataChange): ChangeMessage {
    const runs = [...new Set([...change.runs, ...change.newRuns])];
    const tags: TagChange[] = [];
    for (const run of runs)
      for (const infos of Object.values(this.provider.tags(run)))
        for (const t of infos) {
          const before = this.counts.get(key(t)) ?? 0;
          if (before === t.count && this.counts.has(key(t))) continue;
          this.counts.set(key(t), t.count);
          tags.push({
            run: t.run,
            tag: t.tag,
            kind: t.kind,
            plugin: t.plugin,
            count: t.count,
            added: t.count - before,
            lastStep: t.lastStep,
          });
        }
    return { runs, newRuns: change.newRuns, tags };
  }
}

function key(t: TagInfo): string {
  return `${t.run}\u0000${t.tag}`;
}

/** Registers the SSE route; every open stream is ended when the server closes. */
export function trainingEvents(app: FastifyInstance, source: TrainingSource | null): void {
  const clients = new Set<ServerResponse>();
  let counter: TagCounter | null = null;
  const ready = source ? source.ready.then(() => (counter = new TagCounter(source.provider))) : null;

  const unsubscribe = source?.provider.subscribe((change) => {
    if (!counter) return; // the first load is announced by the initial listing, not by events
    const msg = counter.message(change);
    if (!msg.runs.length && !msg.tags.length) return;
    const frame = `event: change\ndata: ${JSON.stringify(msg)}\n\n`;
    for (const res of clients) res.write(frame);
  });
  const keepalive = setInterval(() => {
    for (const res of clients) res.write(': keepalive\n\n');
  }, KEEPALIVE_MS);
  keepalive.unref();

  app.addHook('preClose', async () => {
    clearInterval(keepalive);
    unsubscribe?.();
    for (const res of clients) res.end();
    clients.clear();
  });

  app.get('/api/training/events', async (req, reply) => {
    if (!source)
      return reply.code(404).send({ error: 'no log dirs are served: start with nnlens serve --logdir DIR' });
    await ready;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // `retry` makes a browser reconnect after 1 s; `ready` tells it the listing it fetches now is current.
    res.write(`retry: 1000\nevent: ready\ndata: {}\n\n`);
    clients.add(res);
    req.raw.on('close', () => clients.delete(res));
  });
}
