/** The one error type importers throw: names the format, what failed and where in the file. */

/** Where in the file a format error was found. */
export interface ModelFormatErrorLocation {
  /** Byte offset in the input where the problem was detected. */
  offset?: number;
  /** Dotted field path from the root message, e.g. `graph.initializer[12].raw_data`. */
  fieldPath?: string;
  /** The lower-level error that revealed the problem, if any. */
  cause?: unknown;
}

/** A model file could not be read: truncated, corrupt, or not in the expected format. */
export class ModelFormatError extends Error {
  override name = 'ModelFormatError';
  /** Format id of the importer that failed ('onnx', …), or 'unknown' when no importer matched. */
  format: string;
  offset?: number;
  fieldPath?: string;

  constructor(format: string, message: string, where: ModelFormatErrorLocation = {}) {
    super(message, where.cause === undefined ? undefined : { cause: where.cause });
    this.format = format;
    if (where.offset !== undefined) this.offset = where.offset;
    if (where.fieldPath !== undefined) this.fieldPath = where.fieldPath;
  }
}
