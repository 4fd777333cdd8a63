/** Training routes: runs, tags, full-resolution scalars (binary or JSON), sampled series, blobs, hparams; SSE in training-events. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DataProvider, RunInfo } from '@nnlens/events';
import { encodeScalars } from './training-codec.js';
import { trainingEvents } from './training-events.js';
import { audioJson, histogramJson, imageJson, safeBlobType, textJson } from './training-payloads.js';
import type { Query } from './training-query.js';
import {
  noSeries,
  optionalInt,
  required,
  requiredInt,
  sendError,
  TrainingHttpError,
} from './training-query.js';
import type { TrainingSource } from './training-source.js';

// Bounded lists per run in /runs: enough to explain a problem, small enough for thousands of runs.
const LIST_LIMIT = 20;

/** Registers `/api/training/*`. Without a source every route still answers: runs is empty and says why. */
export function trainingRoutes(app: FastifyInstance, source: TrainingSource | null): void {
  // purgedPoints per run changes only when data arrives: cache the listing between changes.
  let runCache: Map<string, RunInfo> | null = null;
  source?.provider.subscribe(() => (runCache = null));
  const runInfos = (p: DataProvider): Map<string, RunInfo> =>
    (runCache ??= new Map(p.runs().map((r) => [r.run, r])));

  /** Waits for the first load, then runs `fn`; thrown TrainingHttpErrors become JSON errors. */
  const handle =
    <T>(fn: (p: DataProvider, q: Query, reply: FastifyReply) => T) =>
    async (req: { query: unknown }, reply: FastifyReply) => {
      try {
        if (!source)
          throw new TrainingHttpError(404, 'no log dirs are served: start with nnlens serve --logdir DIR');
        await source.ready;
        return fn(source.provider, req.query as Query, reply);
      } catch (err) {
        return sendError(reply, err);
      }
    };

  const knownRun = (p: DataProvider, run: string): void => {
    if (!runInfos(p).has(run)) throw new TrainingHttpError(404, `no run '${run}'`);
  };

  app.get('/api/training/runs', async (_req, reply) => {
    if (!source) return { configured: false, runs: [] };
    await source.ready;
    const p = source.provider;
    const runs = [...runInfos(p).values()]
      .sort((a, b) => (a.run < b.run ? -1 : a.run > b.run ? 1 : 0))
      .map((r) => ({
        ...r,
        files: r.files.map((f) => ({ ...f, file: source.displayPath(f.file) })),
        problems: p
          .problems(r.run)
          .slice(-LIST_LIMIT)
          .map((x) => ({ ...x, file: source.displayPath(x.file) })),
        purges: p
          .purges(r.run)
          .slice(-LIST_LIMIT)
          .map((x) => ({ ...x, file: source.displayPath(x.file) })),
      }));
    return reply.send({ configured: true, runs });
  });

  app.get(
    '/api/training/tags',
    handle((p, q) => {
      const run = typeof q.run === 'string' && q.run !== '' ? q.run : undefined;
      if (run !== undefined) knownRun(p, run);
      return { tags: p.tags(run) };
    }),
  );

  app.get(
    '/api/training/scalars',
    handle((p, q, reply) => {
      const run = required(q, 'run');
      const tag = required(q, 'tag');
      const since = optionalInt(q, 'since');
      const clientPurged = optionalInt(q, 'purged');
      const s = p.scalars(run, tag);
      if (!s) throw noSeries('scalar', run, tag);
      const total = s.steps.length;
      const purged = runInfos(p).get(run)?.purgedPoints ?? 0;
      // An increment is only valid if nothing was removed since the client's copy was made.
      const start = since !== undefined && since <= total && clientPurged === purged ? since : 0;
      const steps = s.steps.subarray(start);
      const walls = s.wallTimes.subarray(start);
      const values = s.values.subarray(start);
      reply.header('cache-control', 'no-store');
      if (q.format === 'json') {
        const v = (x: number): number | string => (Number.isFinite(x) ? x : String(x));
        return {
          run,
          tag,
          start,
          total,
          purged,
          steps: [...steps],
          wallTimes: [...walls],
          values: Array.from(values, v),
        };
      }
      const body = encodeScalars({ run, tag, start, total, purged }, steps, walls, values);
      return reply
        .type('application/octet-stream')
        .send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    }),
  );

  app.get(
    '/api/training/histograms',
    handle((p, q) => {
      const [run, tag] = [required(q, 'run'), required(q, 'tag')];
      const s = p.histograms(run, tag);
      if (!s) throw noSeries('histogram', run, tag);
      return { run, tag, count: s.count, samples: s.samples.map(histogramJson) };
    }),
  );

  app.get(
    '/api/training/images',
    handle((p, q) => {
      const [run, tag] = [required(q, 'run'), required(q, 'tag')];
      const s = p.images(run, tag);
      if (!s) throw noSeries('image', run, tag);
      return { run, tag, count: s.count, samples: s.samples.map(imageJson) };
    }),
  );

  app.get(
    '/api/training/audio',
    handle((p, q) => {
      const [run, tag] = [required(q, 'run'), required(q, 'tag')];
      const s = p.audio(run, tag);
      if (!s) throw noSeries('audio', run, tag);
      return { run, tag, count: s.count, samples: s.samples.map(audioJson) };
    }),
  );

  app.get(
    '/api/training/text',
    handle((p, q) => {
      const [run, tag] = [required(q, 'run'), required(q, 'tag')];
      const s = p.text(run, tag);
      if (!s) throw noSeries('text', run, tag);
      return { run, tag, count: s.count, samples: s.samples.map(textJson) };
    }),
  );

  app.get(
    '/api/training/blob',
    handle((p, q, reply) => {
      const [run, tag] = [required(q, 'run'), required(q, 'tag')];
      const step = requiredInt(q, 'step');
      const index = optionalInt(q, 'index') ?? 0;
      const b = p.blob(run, tag, step, index);
      if (!b)
        throw new TrainingHttpError(404, `no blob ${index} at step ${step} of '${tag}' in run '${run}'`);
      // Blobs come from log files anyone could have written: never let a browser treat them as a page.
      reply.header('x-content-type-options', 'nosniff');
      reply.header('content-security-policy', "default-src 'none'; sandbox");
      reply.header('cache-control', 'no-cache');
      return reply
        .type(safeBlobType(b.contentType))
        .send(Buffer.from(b.data.buffer, b.data.byteOffset, b.data.byteLength));
    }),
  );

  app.get(
    '/api/training/hparams',
    handle((p) => p.hparams()),
  );

  trainingEvents(app, source);
}
