/** Incremental discovery of run directories: re-lists a directory only when its mtime changed. */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { logFormatOf } from '@nnlens/events';

/** What a directory held at its last listing. */
interface DirState {
  mtimeMs: number;
  subdirs: string[];
  logFiles: string[];
}

/** A log file found under a root, with its directory relative to the root ('.' = the root). */
export interface FoundFile {
  path: string;
  rel: string;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function forEachLimit<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Walks one root. A directory's mtime changes when entries are added or removed, so unchanged
 * directories cost one stat per poll. Symlinks are followed only when they resolve inside the root.
 */
export class RootWalker {
  private readonly dirs = new Map<string, DirState>();
  private rootReal: string | null = null;
  /** Symlinks skipped because they point outside the root (or form a cycle). */
  readonly skippedLinks = new Set<string>();

  constructor(readonly root: string) {}

  /** Lists every log file under the root. */
  async scan(): Promise<FoundFile[]> {
    try {
      this.rootReal ??= await realpath(this.root);
    } catch {
      return []; // root missing (yet): not an error for a live log dir
    }
    const out: FoundFile[] = [];
    let level: { path: string; rel: string }[] = [{ path: this.root, rel: '.' }];
    const seen = new Set<string>();
    while (level.length) {
      const next: { path: string; rel: string }[] = [];
      await forEachLimit(level, 32, async (d) => {
        const st = await this.visit(d.path);
        if (!st) return;
        for (const f of st.logFiles) out.push({ path: join(d.path, f), rel: d.rel });
        for (const s of st.subdirs) {
          const p = join(d.path, s);
          if (seen.has(p)) continue;
          seen.add(p);
          next.push({ path: p, rel: d.rel === '.' ? s : `${d.rel}/${s}` });
        }
      });
      level = next;
    }
    return out;
  }

  private async visit(path: string): Promise<DirState | null> {
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(path)).mtimeMs;
    } catch {
      this.dirs.delete(path);
      return null;
    }
    const old = this.dirs.get(path);
    if (old && old.mtimeMs === mtimeMs) return old;
    let entries: Dirent[];
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch {
      this.dirs.delete(path);
      return null;
    }
    const st: DirState = { mtimeMs, subdirs: [], logFiles: [] };
    for (const e of entries) {
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        const kind = await this.linkKind(join(path, e.name));
        isDir = kind === 'dir';
        isFile = kind === 'file';
      }
      if (isDir) st.subdirs.push(e.name);
      else if (isFile && logFormatOf(e.name)) st.logFiles.push(e.name);
    }
    st.subdirs.sort();
    st.logFiles.sort();
    this.dirs.set(path, st);
    return st;
  }

  private async linkKind(link: string): Promise<'dir' | 'file' | null> {
    try {
      const real = await realpath(link);
      const root = this.rootReal!;
      const inside = real === root || real.startsWith(root + sep);
      // A link to one of its own ancestors would make the walk endless.
      const parent = await realpath(join(link, '..'));
      const cycle = parent === real || parent.startsWith(real + sep) || real === root;
      if (!inside || cycle) {
        this.skippedLinks.add(link);
        return null;
      }
      const st = await stat(real);
      return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : null;
    } catch {
      return null; // dangling link
    }
  }
}
