/** Derived views of the training state: visible runs, tags per dashboard grouped by prefix, run notices. */
import { filterMatcher, groupTags } from '../lib/tag-groups.js';
import type { RunJson, TagJson } from './api.js';
import type { TrainingState } from './training-store.js';

/** Dashboards and the series kind each one shows. */
export const DASHBOARDS = [
  { id: 'scalars', label: 'Scalars', kind: 'scalar' },
  { id: 'histograms', label: 'Histograms', kind: 'histogram' },
  { id: 'distributions', label: 'Distributions', kind: 'histogram' },
  { id: 'images', label: 'Images', kind: 'image' },
  { id: 'audio', label: 'Audio', kind: 'audio' },
  { id: 'text', label: 'Text', kind: 'text' },
  { id: 'hparams', label: 'HParams', kind: 'hparams' },
] as const;

/** A dashboard id. */
export type DashboardId = (typeof DASHBOARDS)[number]['id'];

/** Runs passing the run filter, in listing order, and those of them the user has not unchecked. */
export function runsInView(state: TrainingState): { matching: RunJson[]; visible: Set<string> } {
  const m = filterMatcher(state.runFilter);
  const matching = state.runs.filter((r) => m.test(r.run));
  return { matching, visible: new Set(matching.filter((r) => !state.hidden.has(r.run)).map((r) => r.run)) };
}

/** One card group: a tag and the visible runs that have it. */
export interface TagEntry {
  tag: string;
  runs: TagJson[];
}

/** Sections of a dashboard: tags of `kind` in visible runs, filtered, grouped by prefix. */
export function sectionsOf(
  state: TrainingState,
  kind: string,
  visible: Set<string>,
): { name: string; entries: TagEntry[] }[] {
  const m = filterMatcher(state.tagFilter);
  const byTag = new Map<string, TagJson[]>();
  for (const t of state.tags) {
    if (t.kind !== kind || !visible.has(t.run) || !m.test(t.tag) || t.count === 0) continue;
    let list = byTag.get(t.tag);
    if (!list) byTag.set(t.tag, (list = []));
    list.push(t);
  }
  const runOrder = new Map(state.runs.map((r, i) => [r.run, i]));
  return groupTags(byTag.keys()).map((g) => ({
    name: g.name,
    entries: g.tags.map((tag) => ({
      tag,
      runs: byTag.get(tag)!.sort((a, b) => (runOrder.get(a.run) ?? 0) - (runOrder.get(b.run) ?? 0)),
    })),
  }));
}

/** Distinct tags per dashboard among visible runs (for the tab counts). */
export function tagCounts(state: TrainingState, visible: Set<string>): Record<string, number> {
  const sets: Record<string, Set<string>> = {};
  for (const t of state.tags) if (visible.has(t.run) && t.count > 0) (sets[t.kind] ??= new Set()).add(t.tag);
  return Object.fromEntries(Object.entries(sets).map(([k, s]) => [k, s.size]));
}

/** A problem worth telling the user about a run, in plain words. */
export interface RunNotice {
  level: 'warn' | 'info';
  text: string;
}

/**
 * Notices of a run: damaged files (CRC failures, unreadable headers, undecodable records), bytes at
 * the end of a file that are not a whole record, and points hidden by restart rules.
 */
export function runNotices(r: RunJson): RunNotice[] {
  const out: RunNotice[] = [];
  const plural = (n: number, w: string) => `${n.toLocaleString('en-US')} ${w}${n === 1 ? '' : 's'}`;
  for (const f of r.files) {
    const name = f.file.split('/').pop() ?? f.file;
    if (f.crcFailures)
      out.push({
        level: 'warn',
        text: `${name}: ${plural(f.crcFailures, 'record')} failed the CRC check and ${f.crcFailures === 1 ? 'was' : 'were'} skipped`,
      });
    if (f.lengthCrcFailures || f.dead)
      out.push({
        level: 'warn',
        text: `${name}: a damaged record header at byte ${f.stoppedAt ?? '?'}; the rest of the file cannot be read`,
      });
    if (f.parseFailures)
      out.push({ level: 'warn', text: `${name}: ${plural(f.parseFailures, 'record')} could not be decoded` });
    if (f.truncatedTailBytes)
      out.push({
        level: 'info',
        text: `${name}: the last ${plural(f.truncatedTailBytes, 'byte')} are not a whole record (still being written, or truncated)`,
      });
  }
  if (r.purgedPoints > 0) {
    const p = r.purges[r.purges.length - 1];
    const why =
      p?.reason === 'session_start'
        ? `a restart at step ${p.step.toLocaleString('en-US')}`
        : p
          ? `steps going back to ${p.step.toLocaleString('en-US')}`
          : 'restarts';
    out.push({
      level: 'info',
      text: `${plural(r.purgedPoints, 'point')} from before ${why} are hidden, as TensorBoard does`,
    });
  }
  const other = r.problems.filter(
    (p) => !['data_crc', 'length_crc', 'record_too_large', 'parse'].includes(p.code),
  );
  for (const p of other.slice(-3))
    out.push({ level: 'warn', text: `${p.file.split('/').pop()}: ${p.message}` });
  return out;
}
