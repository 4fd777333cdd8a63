/** Test helper: small PyTorch files generated at test time by /usr/bin/python3 with torch, cached in the temp dir. */
/* eslint-disable no-restricted-imports -- a test helper (only *.test.ts import it): it runs python and caches files */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PYTHON = '/usr/bin/python3';
let available: boolean | undefined;

/** True when /usr/bin/python3 can import torch (and torchvision when asked). */
export function hasTorch(withVision = false): boolean {
  if (available === undefined) {
    available =
      existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import torch'], { timeout: 60_000 }).status === 0;
  }
  if (!available || !withVision) return available;
  return spawnSync(PYTHON, ['-c', 'import torchvision'], { timeout: 60_000 }).status === 0;
}

/**
 * Runs `script` (which must write the file named by the OUT variable) once per script text and returns the
 * file's bytes; later runs reuse the cached file.
 */
export function pythonFixture(name: string, script: string): Uint8Array {
  const dir = join(tmpdir(), 'nnlens-torch-fixtures');
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha256').update(script).digest('hex').slice(0, 12);
  const out = join(dir, `${hash}-${name}`);
  if (!existsSync(out)) {
    const tmp = `${out}.${process.pid}.tmp`;
    const r = spawnSync(PYTHON, ['-c', `OUT = ${JSON.stringify(tmp)}\n${script}`], {
      timeout: 300_000,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`python fixture '${name}' failed: ${r.stderr}`);
    renameSync(tmp, out);
  }
  const b = readFileSync(out);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}
