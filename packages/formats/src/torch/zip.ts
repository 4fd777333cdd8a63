/** A minimal zip reader (central directory, zip64, stored and deflated entries); stored entries are views, never copies. */
import { inflateSync } from 'fflate';
import { torchError } from './errors.js';

/** One archive member. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  headerOffset: number;
}

/** Refuse to inflate members larger than this (a hostile size field must not allocate gigabytes). */
export const MAX_INFLATED = 1 << 30;

const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number): number =>
  (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 2 ** 32;

/** True when the bytes start like a zip file (local header or empty-archive end record). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
  );
}

function findEnd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) return i;
  }
  throw torchError('zip end-of-central-directory record not found (truncated archive?)', {
    offset: b.length,
  });
}

/** The archive's members by name. */
export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();

  constructor(readonly bytes: Uint8Array) {
    const b = bytes;
    const end = findEnd(b);
    let count = u16(b, end + 10);
    let cdSize = u32(b, end + 12);
    let cdOffset = u32(b, end + 16);
    if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
      const loc = end - 20;
      if (loc < 0 || u32(b, loc) !== 0x07064b50) throw torchError('zip64 locator missing', { offset: end });
      const rec = u64(b, loc + 8);
      if (rec + 56 > b.length || u32(b, rec) !== 0x06064b50)
        throw torchError('zip64 end record missing', { offset: loc });
      count = u64(b, rec + 32);
      cdSize = u64(b, rec + 40);
      cdOffset = u64(b, rec + 48);
    }
    if (cdOffset + cdSize > b.length || count > cdSize / 46) {
      throw torchError(`zip central directory (${count} entries at byte ${cdOffset}) lies outside the file`, {
        offset: end,
      });
    }
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > b.length || u32(b, p) !== 0x02014b50)
        throw torchError('corrupt zip central directory', { offset: p });
      const nameLen = u16(b, p + 28);
      const extraLen = u16(b, p + 30);
      const commentLen = u16(b, p + 32);
      if (p + 46 + nameLen + extraLen > b.length)
        throw torchError('corrupt zip central directory', { offset: p });
      const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen));
      const e: ZipEntry = {
        name,
        method: u16(b, p + 10),
        compressedSize: u32(b, p + 20),
        size: u32(b, p + 24),
        headerOffset: u32(b, p + 42),
      };
      this.zip64(e, b, p + 46 + nameLen, extraLen);
      this.entries.set(name, e);
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  /** Reads the zip64 extended-information extra field for members over 4 GB. */
  private zip64(e: ZipEntry, b: Uint8Array, start: number, len: number): void {
    for (let q = start; q + 4 <= start + len;) {
      const id = u16(b, q);
      const size = u16(b, q + 2);
      if (id === 1) {
        let r = q + 4;
        const lim = Math.min(q + 4 + size, start + len);
        if (e.size === 0xffffffff && r + 8 <= lim) {
          e.size = u64(b, r);
          r += 8;
        }
        if (e.compressedSize === 0xffffffff && r + 8 <= lim) {
          e.compressedSize = u64(b, r);
          r += 8;
        }
        if (e.headerOffset === 0xffffffff && r + 8 <= lim) e.headerOffset = u64(b, r);
      }
      q += 4 + size;
    }
  }

  /** The member's bytes: a view for stored members, inflated for deflated ones. */
  read(name: string): Uint8Array {
    const e = this.entries.get(name);
    if (!e) throw torchError(`archive has no member '${name}'`);
    const b = this.bytes;
    const h = e.headerOffset;
    if (h + 30 > b.length || u32(b, h) !== 0x04034b50)
      throw torchError('corrupt zip local header', { entry: name, offset: h });
    const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
    if (start + e.compressedSize > b.length) {
      throw torchError(
        `member data ends at byte ${start + e.compressedSize}, past the end of the file (${b.length} bytes)`,
        { entry: name, offset: b.length },
      );
    }
    const raw = b.subarray(start, start + e.compressedSize);
    if (e.method === 0) return raw;
    if (e.method !== 8) throw torchError(`unsupported zip compression method ${e.method}`, { entry: name });
    if (e.size > MAX_INFLATED)
      throw torchError(`member inflates to ${e.size} bytes, more than the ${MAX_INFLATED} allowed`, {
        entry: name,
      });
    let out: Uint8Array;
    try {
      out = inflateSync(raw, { out: new Uint8Array(e.size) });
    } catch (err) {
      throw torchError(`cannot inflate: ${err instanceof Error ? err.message : String(err)}`, {
        entry: name,
      });
    }
    if (out.length !== e.size)
      throw torchError(`inflated to ${out.length} bytes, the directory says ${e.size}`, { entry: name });
    return out;
  }
}
