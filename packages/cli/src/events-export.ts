/** `nnlens events export LOGDIR --format json|csv`: every run and tag of a log dir, read once, as JSON or CSV. */
import { writeFileSync } from 'node:fs';
import { exportLogdir } from '@nnlens/events';
import { LogdirTailer } from '@nnlens/events-node';

/** Options of the export command. */
export interface ExportCommandOptions {
  format: 'json' | 'csv';
  /** Output file; stdout when absent. */
  output?: string;
}

/**
 * Reads `spec` (a dir or `name:dir,…`) once and writes the export. Problems found in the files (CRC
 * failures, truncation) go to stderr so they are never mistaken for data; returns the exit code.
 */
export async function runEventsExport(spec: string, opts: ExportCommandOptions): Promise<number> {
  const tailer = new LogdirTailer(spec);
  const poll = await tailer.poll();
  if (poll.files === 0) {
    console.error(`nnlens: no event files (*tfevents* or vdlrecords.*) under ${spec}`);
    return 1;
  }
  const store = tailer.store;
  for (const p of store.problems())
    console.error(`nnlens: warning: ${p.file} at byte ${p.offset}: ${p.message}`);
  const text = exportLogdir(store, { format: opts.format });
  if (opts.output) writeFileSync(opts.output, text);
  else process.stdout.write(text);
  return 0;
}
