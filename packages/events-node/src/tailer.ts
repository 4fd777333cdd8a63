/** LogdirTailer: discovers runs under one or more log dirs and reads new bytes of their files on each poll(). */
import type { FileHandle } from 'node:fs/promises';
import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { DataChange, LogFileReader, StoreOptions } from '@nnlens/events';
import { EventStore, logFormatOf } from '@nnlens/events';
import { crc32cNode } from './crc.js';
import type { LogdirRoot } from './logdir-spec.js';
import { parseLogdirSpec, runName } from './logdir-spec.js';
import { forEachLimit, RootWalker } from './walk.js';

/** Tailer settings (store settings apply when the tailer creates its store). */
export interface TailerOptions extends StoreOptions {
  /** Store to fill (default: a new EventStore with the native CRC). */
  store?: EventStore;
  /** Bytes read per call (default 16 MiB, RustBoard's buffer size). */
  readBlockBytes?: number;
}

/** What one poll did. */
export interface PollResult {
  runs: number;
  files: number;
  newFiles: number;
  bytesRead: number;
  ms: number;
  change: DataChange | null;
}

// Room in front of each read block for the unfinished record of the previous block.
const HEADROOM = 1 << 16;

interface TrackedFile {
  path: string;
  run: string;
  reader: LogFileReader;
  size: number;
  /** Set when the file shrank below what was read: it was replaced or truncated, so it is no longer read. */
  abandoned: boolean;
}

/**
 * Follows log dirs. Each poll stats directories (re-listing only changed ones) and files, then reads
 * only the bytes appended since the last poll, run by run, each run's files in name order.
 */
export class LogdirTailer {
  readonly store: EventStore;
  private readonly roots: { root: LogdirRoot; walker: RootWalker }[];
  private readonly files = new Map<string, TrackedFile>();
  private readonly blockBytes: number;
  private bufs: [Buffer, Buffer] | null = null;
  private polling: Promise<PollResult> | null = null;

  constructor(spec: string | LogdirRoot[], options: TailerOptions = {}) {
    const roots = typeof spec === 'string' ? parseLogdirSpec(spec) : spec;
    this.roots = roots.map((root) => ({ root, walker: new RootWalker(resolve(root.path)) }));
    this.store = options.store ?? new EventStore({ crc: crc32cNode, ...options });
    this.blockBytes = options.readBlockBytes ?? 16 << 20;
  }

  /** Symlinks that were not followed (outside the log dir, or cycles). */
  skippedLinks(): string[] {
    return this.roots.flatMap((r) => [...r.walker.skippedLinks]);
  }

  /** Discovers and reads; concurrent calls share one poll. */
  poll(): Promise<PollResult> {
    this.polling ??= this.doPoll().finally(() => (this.polling = null));
    return this.polling;
  }

  private async doPoll(): Promise<PollResult> {
    const t0 = performance.now();
    let newFiles = 0;
    for (const { root, walker } of this.roots) {
      for (const f of await walker.scan()) {
        if (this.files.has(f.path)) continue;
        const run = runName(root, f.rel);
        const reader = this.store.openFile(run, f.path, logFormatOf(basename(f.path)) ?? 'tfevents');
        this.files.set(f.path, { path: f.path, run, reader, size: 0, abandoned: false });
        newFiles++;
      }
    }
    const tracked = [...this.files.values()];
    await forEachLimit(tracked, 64, async (f) => {
      try {
        f.size = (await stat(f.path)).size;
      } catch {
        this.files.delete(f.path); // deleted: its data stays in the store
      }
    });
    let bytesRead = 0;
    // Files of a run in name order (≈ chronological): restart rules need the writer's order.
    tracked.sort((a, b) =>
      a.run < b.run ? -1 : a.run > b.run ? 1 : basename(a.path) < basename(b.path) ? -1 : 1,
    );
    for (const f of tracked) if (this.files.has(f.path)) bytesRead += await this.readNew(f);
    const change = this.store.commit();
    const runs = new Set(tracked.map((f) => f.run)).size;
    return { runs, files: this.files.size, newFiles, bytesRead, ms: performance.now() - t0, change };
  }

  private async readNew(f: TrackedFile): Promise<number> {
    const h = f.reader.health;
    if (h.dead || f.abandoned) return 0;
    if (f.size < h.offset) {
      f.abandoned = true;
      this.store.getRun(f.run)?.addProblem({
        code: 'file_shrank',
        file: f.path,
        offset: f.size,
        message: `file is now ${f.size} bytes but ${h.offset} were read: replaced or truncated; no longer read`,
      });
      return 0;
    }
    if (f.size < h.offset + f.reader.needed) return 0;
    const fh = await open(f.path, 'r').catch(() => null);
    if (!fh) return 0;
    try {
      return await this.readRange(fh, f.reader, f.size);
    } catch (e) {
      // An I/O error (EIO, a vanished network mount) costs this poll, not the process: retried next poll.
      this.store.getRun(f.run)?.addProblem({
        code: 'io',
        file: f.path,
        offset: h.offset,
        message: `read failed: ${(e as Error).message}`,
      });
      return 0;
    } finally {
      await fh.close().catch(() => undefined);
    }
  }

  /**
   * Reads `[offset, size)` in blocks, reading block k+1 while block k is parsed (the parse is
   * synchronous, the read runs in libuv's pool). Each buffer keeps HEADROOM bytes in front of the
   * block so a record cut by the block boundary is completed by copying only its first part.
   */
  private async readRange(fh: FileHandle, reader: LogFileReader, size: number): Promise<number> {
    const h = reader.health;
    const block = this.blockBytes;
    const bufs = this.buffers();
    let pos = h.offset; // next file byte to read
    let total = 0;
    let carry: Uint8Array | null = null; // unconsumed bytes preceding the next block
    const start = (b: Buffer) => fh.read(b, HEADROOM, Math.min(block, size - pos), pos);
    let which = 0;
    let pending = pos < size ? start(bufs[0]!) : null;
    while (pending && !h.dead) {
      const cur = bufs[which]!;
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      pos += bytesRead;
      total += bytesRead;
      which ^= 1;
      pending = pos < size ? start(bufs[which]!) : null;
      let view: Uint8Array;
      if (carry === null) view = new Uint8Array(cur.buffer, cur.byteOffset + HEADROOM, bytesRead);
      else if (carry.length <= HEADROOM) {
        cur.set(carry, HEADROOM - carry.length);
        view = new Uint8Array(cur.buffer, cur.byteOffset + HEADROOM - carry.length, carry.length + bytesRead);
      } else {
        // A record longer than the headroom (an image, a graph): join the pieces once.
        view = new Uint8Array(carry.length + bytesRead);
        view.set(carry);
        view.set(cur.subarray(HEADROOM, HEADROOM + bytesRead), carry.length);
      }
      const used = reader.read(view, h.offset);
      carry = used < view.length ? view.slice(used) : null;
    }
    if (pending) await pending.catch(() => undefined); // never leave a read in flight on a closing handle
    return total;
  }

  private buffers(): [Buffer, Buffer] {
    this.bufs ??= [
      Buffer.allocUnsafe(HEADROOM + this.blockBytes),
      Buffer.allocUnsafe(HEADROOM + this.blockBytes),
    ];
    return this.bufs;
  }
}
