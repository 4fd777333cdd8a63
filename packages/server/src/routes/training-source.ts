/** A training-data source for the server: log dirs tailed by LogdirTailer, polled on a timer (≤ 1 s). */
import { isAbsolute, relative, resolve } from 'node:path';
import type { DataProvider } from '@nnlens/events';
import { LogdirTailer, parseLogdirSpec } from '@nnlens/events-node';

/** What the training routes read from. */
export interface TrainingSource {
  provider: DataProvider;
  /** Resolves once the first read of every log dir is done (routes wait on it, so a page never sees half a first load). */
  ready: Promise<void>;
  /** Shows a file path relative to its log dir root (absolute server paths are not sent to clients). */
  displayPath(file: string): string;
  /** Stops polling. */
  close(): void;
}

/** Options of a log-dir source. */
export interface LogdirSourceOptions {
  /** Milliseconds between the end of one poll and the start of the next (default 500). */
  pollMs?: number;
  /** Called when a poll throws (default: print to stderr); polling goes on. */
  onError?: (err: unknown) => void;
}

/**
 * Tails `spec` (`dir` or `name1:dir1,name2:dir2`): a first poll at once, then one poll `pollMs` after
 * the previous one ends, so polls never overlap and a slow disk slows polling instead of stacking it.
 */
export function logdirSource(spec: string, opts: LogdirSourceOptions = {}): TrainingSource {
  const roots = parseLogdirSpec(spec).map((r) => ({ ...r, path: resolve(r.path) }));
  const tailer = new LogdirTailer(roots);
  const pollMs = opts.pollMs ?? 500;
  const onError = opts.onError ?? ((e: unknown) => console.error(`nnlens: reading log dirs: ${String(e)}`));
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const loop = (): void => {
    if (closed) return;
    timer = setTimeout(() => {
      tailer.poll().catch(onError).finally(loop);
    }, pollMs);
    timer.unref();
  };
  const ready = tailer.poll().then(
    () => loop(),
    (e: unknown) => {
      onError(e);
      loop();
    },
  );
  return {
    provider: tailer.store,
    ready,
    displayPath(file: string): string {
      for (const r of roots) {
        const rel = relative(r.path, file);
        if (!rel.startsWith('..') && !isAbsolute(rel)) return r.name ? `${r.name}/${rel}` : rel;
      }
      return file.split(/[\\/]/).pop() ?? file;
    },
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
