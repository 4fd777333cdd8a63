/** Sidecar-name checks: a plain file name that resolves, after symlinks, inside the model's directory. */
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';

/**
 * True when `name` is a plain file name: not empty, no separators, no NUL, not '.' or '..', not absolute.
 * Windows separators and drive prefixes are rejected too, so a name means the same on every platform.
 */
export function isPlainFileName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (name === '.' || name === '..') return false;
  if (/[/\\\0:]/.test(name)) return false;
  if (isAbsolute(name)) return false;
  return basename(name) === name;
}

/**
 * Resolves `name` inside `dir` and returns its real path and size, or null when the name is not plain,
 * the file does not exist, is not a regular file, or a symlink leads out of `dir`.
 */
export async function resolveInside(
  dir: string,
  name: string,
): Promise<{ path: string; size: number } | null> {
  if (!isPlainFileName(name)) return null;
  try {
    const realDir = await realpath(dir);
    const real = await realpath(join(dir, name));
    if (dirname(real) !== realDir) return null;
    const st = await stat(real);
    if (!st.isFile()) return null;
    return { path: real, size: st.size };
  } catch {
    // Missing files and unreadable links are simply not served.
    return null;
  }
}
