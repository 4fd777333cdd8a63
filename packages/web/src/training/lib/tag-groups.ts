/** Tag filtering by regular expression and grouping by prefix (the part before the first '/'). */

/** A section of the dashboard: tags sharing a prefix. */
export interface TagGroup {
  /** '' for tags without a '/'. */
  name: string;
  tags: string[];
}

/**
 * A case-insensitive matcher for a user's filter. An invalid regex (the user is still typing `(`)
 * falls back to a plain substring match and reports the error, so typing never blanks the page.
 */
export function filterMatcher(pattern: string): { test: (s: string) => boolean; error: string | null } {
  if (!pattern.trim()) return { test: () => true, error: null };
  try {
    const re = new RegExp(pattern, 'i');
    return { test: (s) => re.test(s), error: null };
  } catch (e) {
    const p = pattern.toLowerCase();
    return { test: (s) => s.toLowerCase().includes(p), error: e instanceof Error ? e.message : String(e) };
  }
}

/** Groups tags by prefix; groups sorted by name ('' first), tags in natural order inside each group. */
export function groupTags(tags: Iterable<string>): TagGroup[] {
  const by = new Map<string, string[]>();
  for (const t of tags) {
    const i = t.indexOf('/');
    const g = i > 0 ? t.slice(0, i) : '';
    let list = by.get(g);
    if (!list) by.set(g, (list = []));
    list.push(t);
  }
  const cmp = new Intl.Collator('en', { numeric: true }).compare;
  return [...by.entries()]
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : cmp(a, b)))
    .map(([name, list]) => ({ name, tags: [...new Set(list)].sort(cmp) }));
}
