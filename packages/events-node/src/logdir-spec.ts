/** Parsing of `--logdir` specs: one directory, or `name1:dir1,name2:dir2` (TensorBoard's --logdir_spec). */

/** One log directory root; runs under it are named `<name>/<relative dir>` (or just the relative dir). */
export interface LogdirRoot {
  name: string | null;
  path: string;
}

/**
 * Splits a spec. A `name:` prefix is recognised unless it is a URL scheme (`gs://`) or, on Windows, a
 * drive (`C:\`); names may not contain '/' or '\\'. (On POSIX `a:/logs` is the run group "a".)
 */
export function parseLogdirSpec(spec: string, windows = process.platform === 'win32'): LogdirRoot[] {
  const parts = spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const roots = parts.map((p): LogdirRoot => {
    const m = /^([^/\\:]+):(.+)$/.exec(p);
    if (m && !(windows && /^[A-Za-z]:[\\/]/.test(p)) && !m[2]!.startsWith('//'))
      return { name: m[1]!, path: m[2]! };
    return { name: null, path: p };
  });
  // Several unnamed roots would collide on '.', so each is named by its path.
  if (roots.length > 1) for (const r of roots) r.name ??= r.path;
  return roots;
}

/** The run name of directory `rel` (relative, '/'-separated, '.' = root) under `root`. */
export function runName(root: LogdirRoot, rel: string): string {
  if (root.name === null) return rel;
  return rel === '.' ? root.name : `${root.name}/${rel}`;
}
