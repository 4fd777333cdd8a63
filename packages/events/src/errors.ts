/** Typed problems found while reading logs: every one names the file and the byte offset. */

/** What went wrong, machine-readable. */
export type ProblemCode =
  | 'data_crc' // record payload failed its CRC: record skipped, reading continues
  | 'length_crc' // record header failed its CRC: the file cannot be resynchronised, reading stops
  | 'record_too_large' // a length beyond the configured limit: treated like a bad header
  | 'parse' // a payload that is not a valid protobuf message: record skipped
  | 'nan_wall_time' // an event whose wall_time is NaN: event skipped
  | 'kind_mismatch' // a value whose kind differs from its series' first metadata: value skipped
  | 'unsupported' // a value kind nnlens does not read (e.g. obsolete_old_style_histogram)
  | 'file_shrank' // a tailed file became shorter than what was already read
  | 'file_version' // a run switched file_version mid-stream
  | 'io'; // the operating system refused a read

/** One problem with a location; `offset` is the byte offset of the record in `file`. */
export interface Problem {
  code: ProblemCode;
  file: string;
  offset: number;
  message: string;
  /** The tag involved, when the problem concerns one value. */
  tag?: string;
}

/** Error thrown for invalid input that cannot yield a partial result (e.g. a malformed protobuf). */
export class EventsError extends Error {
  override readonly name = 'EventsError';
  constructor(
    readonly code: ProblemCode,
    readonly file: string,
    readonly offset: number,
    detail: string,
  ) {
    super(`${file}: ${detail} at byte ${offset}`);
  }
}

/** A protobuf decoding failure inside one record; `pos` is relative to the record's buffer. */
export class WireError extends Error {
  override readonly name = 'WireError';
  constructor(
    detail: string,
    readonly pos: number,
  ) {
    super(`${detail} at byte ${pos}`);
  }
}
