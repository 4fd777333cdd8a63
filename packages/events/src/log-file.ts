/** Reads one log file incrementally: framing, CRC policy, damage accounting and resumption at the last whole record. */
import type { Crc32cFn } from './crc32c.js';
import { EventsError } from './errors.js';
import { decodeEvent } from './event.js';
import type { LogFormat, ScanResult } from './framing.js';
import { scanTfRecords, scanVdlRecords } from './framing.js';
import type { RunIngestor } from './ingest.js';
import type { FileHealth } from './run.js';
import { decodeVdlRecord } from './visualdl.js';
import { Cursor } from './wire.js';

/** Reader settings. */
export interface LogFileOptions {
  crc: Crc32cFn;
  /** Largest record accepted; a bigger declared length is treated as corruption. */
  maxRecordBytes: number;
}

/**
 * One file of a run. Policy: a bad data CRC skips that record (counted, reported) and reading goes
 * on; a bad header CRC stops the file for good (the next record's position is unknown); a partial
 * record at the end is "not written yet" and reading resumes at its first byte when more arrives.
 */
export class LogFileReader {
  readonly health: FileHealth;
  /** Bytes needed from `health.offset` before another record can complete. */
  needed = 1;
  private readonly cur = new Cursor(new Uint8Array(0));
  private tail = new Uint8Array(0);
  private tailLen = 0;

  constructor(
    file: string,
    readonly format: LogFormat,
    private readonly ingestor: RunIngestor,
    private readonly opts: LogFileOptions,
  ) {
    this.health = {
      file,
      format,
      offset: 0,
      records: 0,
      crcFailures: 0,
      parseFailures: 0,
      lengthCrcFailures: 0,
      stoppedAt: null,
      truncatedTailBytes: 0,
      fileVersion: null,
      dead: false,
    };
  }

  /**
   * Reads the whole records in `buf`, which holds the file's bytes from offset `at` (must equal
   * `health.offset`). Returns the bytes consumed; the rest must be offered again with more data.
   */
  read(buf: Uint8Array, at: number): number {
    const h = this.health;
    if (h.dead) return 0;
    if (at !== h.offset)
      throw new EventsError('io', h.file, at, `bytes offered out of order (reading resumes at ${h.offset})`);
    const ing = this.ingestor;
    const cur = this.cur;
    const visit = (b: Uint8Array, start: number, end: number, pos: number, ok: boolean) => {
      h.records++;
      ing.setRecord(h, b, at, pos);
      if (!ok) {
        h.crcFailures++;
        ing.problem('data_crc', `data CRC mismatch in a ${end - start}-byte record; record skipped`);
        return;
      }
      cur.reset(b, start, end);
      try {
        if (this.format === 'visualdl') decodeVdlRecord(cur, (v, c) => ing.vdlValue(v, c));
        else if (!decodeEvent(cur, ing))
          ing.problem('nan_wall_time', 'event with NaN wall_time; event skipped');
      } catch (e) {
        // A malformed payload costs only its own record; anything decoded before the fault is kept.
        h.parseFailures++;
        ing.problem(
          'parse',
          `undecodable ${this.format === 'visualdl' ? 'VisualDL record' : 'event'}: ${(e as Error).message}`,
        );
        if (this.format !== 'visualdl') ing.end();
      }
    };
    const r: ScanResult =
      this.format === 'visualdl'
        ? scanVdlRecords(buf, this.opts.maxRecordBytes, visit)
        : scanTfRecords(buf, this.opts.crc, this.opts.maxRecordBytes, visit);
    h.offset += r.consumed;
    h.truncatedTailBytes = r.stop === 'truncated' ? buf.length - r.consumed : 0;
    this.needed = 1;
    if (r.stop === 'truncated') this.needed = this.recordSize(buf, r.consumed);
    else if (r.stop === 'length_crc' || r.stop === 'too_large') {
      h.dead = true;
      h.lengthCrcFailures = 1;
      h.stoppedAt = h.offset;
      ing.setRecord(h, buf, at, r.consumed);
      if (r.stop === 'length_crc')
        ing.problem('length_crc', 'record header CRC mismatch: cannot find the next record; file stops here');
      else
        ing.problem(
          'record_too_large',
          `record length exceeds ${this.opts.maxRecordBytes} bytes: corrupt header; file stops here`,
        );
    }
    return r.consumed;
  }

  /** Streaming input: appends `chunk` (the next bytes of the file) and reads what is complete. */
  push(chunk: Uint8Array): void {
    if (this.health.dead || chunk.length === 0) return;
    if (this.tailLen === 0) {
      const used = this.read(chunk, this.health.offset);
      this.keep(chunk.subarray(used));
      return;
    }
    this.keep(chunk);
    if (this.tailLen < this.needed) return;
    const used = this.read(this.tail.subarray(0, this.tailLen), this.health.offset);
    this.tail.copyWithin(0, used, this.tailLen);
    this.tailLen -= used;
  }

  /** Total size of the record starting at `buf[pos]` when its header is readable, else the header size. */
  private recordSize(buf: Uint8Array, pos: number): number {
    const head = this.format === 'visualdl' ? 8 : 12;
    if (buf.length - pos < head) return head;
    const len = (buf[pos]! | (buf[pos + 1]! << 8) | (buf[pos + 2]! << 16) | (buf[pos + 3]! << 24)) >>> 0;
    return this.format === 'visualdl' ? head + len : head + len + 4;
  }

  private keep(bytes: Uint8Array): void {
    if (this.health.dead || bytes.length === 0) return;
    const need = this.tailLen + bytes.length;
    if (need > this.tail.length) {
      const t = new Uint8Array(Math.max(need, this.tail.length * 2, 4096));
      t.set(this.tail.subarray(0, this.tailLen));
      this.tail = t;
    }
    this.tail.set(bytes, this.tailLen);
    this.tailLen = need;
  }
}
