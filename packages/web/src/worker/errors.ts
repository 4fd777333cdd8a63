/** A worker failure with its kind, so the page can tell an unreadable file from data that is not loaded yet. */
import type { WorkerFailure } from '../shared/protocol.js';

/** Thrown by the session; serialised to a WorkerFailure. */
export class WorkerError extends Error {
  constructor(
    message: string,
    readonly kind: WorkerFailure['kind'],
    readonly missingFile?: string,
  ) {
    super(message);
    this.name = 'WorkerError';
  }
}

/** Any thrown value as a WorkerFailure. */
export function toFailure(e: unknown): WorkerFailure {
  if (e instanceof WorkerError) {
    const f: WorkerFailure = { message: e.message, kind: e.kind };
    if (e.missingFile) f.missingFile = e.missingFile;
    return f;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  // Importers throw ModelFormatError (name set by the formats package); anything else is our bug.
  const isFormat = err.name === 'ModelFormatError' || 'format' in err;
  return { message: err.message || String(e), kind: isFormat ? 'format' : 'internal' };
}
