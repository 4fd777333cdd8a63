/** @nnlens/events-node: the Node-only side of event logs — tailing log dirs, writing tfevents, benchmarking. */

/** CRC-32C choosing native (@node-rs/crc32) or JS by length. */
export { crc32cNode } from './crc.js';
/** Follows log dirs and feeds an EventStore; poll() picks up new runs, files and bytes. */
export { LogdirTailer } from './tailer.js';
/** Tailer settings and poll report. */
export type { TailerOptions, PollResult } from './tailer.js';
/** Parses `dir` or `name1:dir1,name2:dir2`, and names runs under a root. */
export { parseLogdirSpec, runName } from './logdir-spec.js';
/** One named log dir root. */
export type { LogdirRoot } from './logdir-spec.js';
/** Writes standard tfevents files (scalars, histograms, images, audio, text, hparams). */
export { SummaryWriter } from './summary-writer.js';
/** SummaryWriter settings. */
export type { SummaryWriterOptions } from './summary-writer.js';
/** Measures ingestion throughput and memory on a generated scalar-dense log dir. */
export { benchIngest, generateScalarLogdir } from './bench.js';
/** Benchmark settings and report. */
export type { BenchOptions, BenchResult } from './bench.js';
