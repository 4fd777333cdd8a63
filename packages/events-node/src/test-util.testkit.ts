/** Test kit: temp dirs, tiny PNG/WAV encoders and a tbdump.py runner for events-node tests. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { crc32 } from '@node-rs/crc32';

/** A fresh temporary directory and its cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `nnlens-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A valid RGB PNG of w×h pixels with a gradient. */
export function makePng(w: number, h: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    Buffer.from(data).copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)) >>> 0, 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const raw = Buffer.alloc((3 * w + 1) * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) raw.set([x * 20, y * 20, 128], y * (3 * w + 1) + 1 + 3 * x);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([
      sig,
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array(0)),
    ]),
  );
}

/** A mono 16-bit PCM WAV of `n` samples at `rate` Hz. */
export function makeWav(n: number, rate: number): Uint8Array {
  const b = Buffer.alloc(44 + 2 * n);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(36 + 2 * n, 4);
  b.write('WAVEfmt ', 8, 'latin1');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'latin1');
  b.writeUInt32LE(2 * n, 40);
  for (let i = 0; i < n; i++) b.writeInt16LE(Math.round(Math.sin(i / 10) * 10000), 44 + 2 * i);
  return new Uint8Array(b);
}

const TBDUMP = '/work/shared/tools/tbdump.py';

/** Why tbdump.py cannot run here, or null when it can. */
export function tbdumpUnavailable(): string | null {
  const py = spawnSync('python3', ['--version']);
  if (py.error || py.status !== 0) return 'python3 is not installed: tbdump.py round-trip skipped';
  if (spawnSync('test', ['-f', TBDUMP]).status !== 0)
    return `${TBDUMP} not found: tbdump.py round-trip skipped`;
  return null;
}

/** tbdump.py's JSON for one file. */
export function tbdump(file: string): Record<string, unknown> {
  const r = spawnSync('python3', [TBDUMP, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`tbdump.py failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { truth: Record<string, unknown> }).truth;
}
