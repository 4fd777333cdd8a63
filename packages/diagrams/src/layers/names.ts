/** Short, unique layer names from module paths ('conv1', or 'layer1.0.conv1' when 'conv1' repeats). */

/** Joins path parts, dropping a part the next one already spells out ('layer1' + 'layer1.0' → 'layer1.0'). */
export function joinPath(parts: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (next !== undefined && next.startsWith(p + '.')) continue;
    out.push(p);
  }
  return out.join('.');
}

/**
 * For each path, the shortest tail (at least the last part) that no other path shares; paths
 * that are equal in full keep their full name.
 */
export function uniqueNames(paths: readonly (readonly string[])[]): string[] {
  const len = paths.map(() => 1);
  for (let round = 0; round < 16; round++) {
    const names = paths.map((p, i) => joinPath(p.slice(Math.max(0, p.length - len[i]!))));
    const count = new Map<string, number>();
    for (const n of names) count.set(n, (count.get(n) ?? 0) + 1);
    let grew = false;
    names.forEach((n, i) => {
      if (count.get(n)! > 1 && len[i]! < paths[i]!.length) {
        len[i]!++;
        grew = true;
      }
    });
    if (!grew) return names;
  }
  return paths.map((p, i) => joinPath(p.slice(Math.max(0, p.length - len[i]!))));
}
