/** Builds the Fastify app: one route module per data provider, plus the static web app. */
import Fastify, { type FastifyInstance } from 'fastify';
import { fileModelProvider } from './file-models.js';
import type { DataProvider } from './provider.js';
import { modelRoutes } from './routes/models.js';
import { trainingRoutes } from './routes/training.js';
import { logdirSource, type TrainingSource } from './routes/training-source.js';
import { webRoutes } from './routes/web.js';

/** 4 GiB: the largest single file a browser tab can reasonably hold. */
export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 ** 3;

/** Options of buildApp. */
export interface AppOptions {
  /** Model files to offer (paths as given on the command line). */
  files: string[];
  /** Folder holding the built web app (index.html). */
  webRoot: string;
  /** Largest file the server will send; larger ones get 413. */
  maxFileBytes?: number;
  /** Replace the file-based providers (tests, future log-dir providers). */
  provider?: DataProvider;
  /** Fastify logger on/off (off by default: the CLI prints its own lines). */
  logger?: boolean;
  /** Training log dirs to tail: `dir` or `name1:dir1,name2:dir2` (TensorBoard's --logdir_spec). */
  logdirs?: string;
  /** Milliseconds between log-dir polls (default 500; at most 1 s keeps dashboards live). */
  pollMs?: number;
  /** A ready-made training source (tests); takes precedence over `logdirs`. */
  training?: TrainingSource;
}

/** A ready-to-listen Fastify instance (use `inject` in tests). */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false });
  const provider = opts.provider ?? { models: fileModelProvider(opts.files) };
  const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  modelRoutes(app, { models: provider.models, maxFileBytes });
  const training =
    opts.training ?? (opts.logdirs ? logdirSource(opts.logdirs, { pollMs: opts.pollMs }) : null);
  if (training && !opts.training) app.addHook('onClose', async () => training.close());
  trainingRoutes(app, training);
  await webRoutes(app, opts.webRoot);
  await app.ready();
  return app;
}
