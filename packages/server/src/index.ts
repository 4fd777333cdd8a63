/** @nnlens/server — HTTP API over data providers, and the web app's static files. */
/** Build the Fastify app without listening (tests use `inject`). */
export { buildApp, DEFAULT_MAX_FILE_BYTES } from './app.js';
export type { AppOptions } from './app.js';
/** Listen on a host and port. */
export { startServer } from './start.js';
export type { RunningServer, ServerOptions } from './start.js';
/** The provider a model route reads from, and the file-list implementation. */
export { fileModelProvider } from './file-models.js';
export type { DataProvider, ModelEntry, ModelProvider, ServedFile } from './provider.js';
/** Sidecar name checks. */
export { isPlainFileName, resolveInside } from './safe-path.js';
/** Training log dirs as a source of the training routes. */
export { logdirSource } from './routes/training-source.js';
export type { LogdirSourceOptions, TrainingSource } from './routes/training-source.js';
/** The binary scalar-series header. */
export type { ScalarsHeader } from './routes/training-codec.js';
/** The SSE change message. */
export type { ChangeMessage, TagChange } from './routes/training-events.js';
