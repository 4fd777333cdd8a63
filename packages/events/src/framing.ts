/** Record framing of TFRecord (CRC-checked) and VisualDL (bare length) files: find whole records in a buffer. */
import type { Crc32cFn } from './crc32c.js';
import { crc32cInt, maskedInt } from './crc32c.js';

/** Which container a log file uses. */
export type LogFormat = 'tfevents' | 'visualdl';

/** Why a scan stopped: end of buffer, a partial record (wait for more bytes), or an unrecoverable header. */
export type ScanStop = 'end' | 'truncated' | 'length_crc' | 'too_large';

/** Called for every whole record: payload is `buf[start, end)`, the record starts at `recordPos`. */
export type RecordVisitor = (
  buf: Uint8Array,
  start: number,
  end: number,
  recordPos: number,
  crcOk: boolean,
) => void;

/** Result of scanning a buffer: `consumed` bytes were whole records; `stop` says why scanning ended. */
export interface ScanResult {
  consumed: number;
  stop: ScanStop;
}

function u32le(b: Uint8Array, p: number): number {
  return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
}

function i32le(b: Uint8Array, p: number): number {
  return b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24);
}

/**
 * Scans TFRecords `u64 len | u32 maskedCrc(len) | data | u32 maskedCrc(data)` in `buf[0, n)`.
 * A header that fails its CRC stops the scan: without a trusted length there is no next record.
 */
export function scanTfRecords(
  buf: Uint8Array,
  crc: Crc32cFn,
  maxRecordBytes: number,
  visit: RecordVisitor,
): ScanResult {
  const n = buf.length;
  let pos = 0;
  for (;;) {
    if (pos === n) return { consumed: pos, stop: 'end' };
    if (n - pos < 12) return { consumed: pos, stop: 'truncated' };
    // The header is always 8 bytes: the JS table beats any native call at that size.
    if (maskedInt(crc32cInt(buf, pos, pos + 8)) !== i32le(buf, pos + 8))
      return { consumed: pos, stop: 'length_crc' };
    const hi = u32le(buf, pos + 4);
    const len = u32le(buf, pos);
    // Checked before waiting for the payload, so a huge declared length never makes us buffer it.
    if (hi !== 0 || len > maxRecordBytes) return { consumed: pos, stop: 'too_large' };
    const start = pos + 12;
    const end = start + len;
    if (end + 4 > n) return { consumed: pos, stop: 'truncated' };
    const ok = maskedInt(crc(buf, start, end)) === i32le(buf, end);
    visit(buf, start, end, pos, ok);
    pos = end + 4;
  }
}

/**
 * Scans VisualDL records `u64 len | data` in `buf[0, n)`. There is no CRC, so a garbage length is
 * only caught by `maxRecordBytes` (VisualDL itself once tried to allocate 7.8e18 bytes, issue #1168).
 */
export function scanVdlRecords(buf: Uint8Array, maxRecordBytes: number, visit: RecordVisitor): ScanResult {
  const n = buf.length;
  let pos = 0;
  for (;;) {
    if (pos === n) return { consumed: pos, stop: 'end' };
    if (n - pos < 8) return { consumed: pos, stop: 'truncated' };
    const hi = u32le(buf, pos + 4);
    const len = u32le(buf, pos);
    if (hi !== 0 || len > maxRecordBytes) return { consumed: pos, stop: 'too_large' };
    const start = pos + 8;
    const end = start + len;
    if (end > n) return { consumed: pos, stop: 'truncated' };
    visit(buf, start, end, pos, true);
    pos = end;
  }
}

/** The log format a file name implies, or null for files that are not logs. */
export function logFormatOf(basename: string): LogFormat | null {
  if (basename.includes('tfevents')) return 'tfevents';
  if (basename.startsWith('vdlrecords.')) return 'visualdl';
  return null;
}
