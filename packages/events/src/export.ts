/** Export of everything a DataProvider holds as one JSON document or CSV table (`nnlens events export`). */
import type { DataProvider, TagInfo } from './provider.js';
import type { SeriesKind } from './types.js';

/** Export format. */
export interface ExportOptions {
  format: 'json' | 'csv';
}

/** One tag in the JSON export; `points` ([step, wallTime, value]) only for scalars. */
export interface ExportTag {
  tag: string;
  kind: SeriesKind;
  count: number;
  firstStep: number | null;
  lastStep: number | null;
  /** Smallest/largest finite scalar value (null for other kinds or when none is finite). */
  min: number | null;
  max: number | null;
  /** Non-finite values are the strings "NaN", "Infinity", "-Infinity" (JSON has no such numbers). */
  points?: [number, number, number | string][];
}

/** The JSON export document. */
export interface ExportJson {
  runs: { run: string; tags: ExportTag[] }[];
}

const BATCH = 8192;
const num = (x: number): string => (Number.isFinite(x) ? String(x) : `"${x}"`);
const csvField = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function tagsByRun(provider: DataProvider): Map<string, TagInfo[]> {
  const out = new Map<string, TagInfo[]>(provider.runs().map((r) => [r.run, []]));
  for (const infos of Object.values(provider.tags())) for (const t of infos) out.get(t.run)?.push(t);
  for (const list of out.values()) list.sort((a, b) => byName(a.tag, b.tag));
  return new Map([...out].sort((a, b) => byName(a[0], b[0])));
}

/**
 * The export as text pieces, so a large log dir can be streamed (one string would exceed V8's
 * ~512 MB string limit at about 15 M points). Runs and tags are sorted by name. JSON: the ExportJson
 * document. CSV: `run,tag,step,wall_time,value`, one row per scalar point (other kinds have no rows).
 */
export function* exportLogdirChunks(provider: DataProvider, options: ExportOptions): Generator<string> {
  const csv = options.format === 'csv';
  if (csv) yield 'run,tag,step,wall_time,value\n';
  else yield '{"runs":[';
  let firstRun = true;
  for (const [run, tags] of tagsByRun(provider)) {
    if (!csv) yield `${firstRun ? '' : ','}{"run":${JSON.stringify(run)},"tags":[`;
    firstRun = false;
    let firstTag = true;
    for (const t of tags) {
      const s = t.kind === 'scalar' ? provider.scalars(run, t.tag) : null;
      let min = Infinity;
      let max = -Infinity;
      if (s)
        for (const v of s.values) if (Number.isFinite(v)) [min, max] = [Math.min(min, v), Math.max(max, v)];
      const head = {
        tag: t.tag,
        kind: t.kind,
        count: t.count,
        firstStep: t.firstStep,
        lastStep: t.lastStep,
        min: min <= max ? min : null,
        max: min <= max ? max : null,
      };
      if (!csv) {
        const h = JSON.stringify(head);
        yield `${firstTag ? '' : ','}${s ? `${h.slice(0, -1)},"points":[` : h}`;
      }
      firstTag = false;
      if (!s) continue;
      const prefix = csv ? `${csvField(run)},${csvField(t.tag)},` : '';
      for (let a = 0; a < s.values.length; a += BATCH) {
        const lines: string[] = [];
        for (let i = a; i < Math.min(a + BATCH, s.values.length); i++)
          lines.push(
            csv
              ? `${prefix}${s.steps[i]},${s.wallTimes[i]},${s.values[i]}\n`
              : `${i ? ',' : ''}[${s.steps[i]},${s.wallTimes[i]},${num(s.values[i]!)}]`,
          );
        yield lines.join('');
      }
      if (!csv) yield ']}';
    }
    if (!csv) yield ']}';
  }
  if (!csv) yield ']}';
}

/** The whole export as one string (see exportLogdirChunks for large log dirs). */
export function exportLogdir(provider: DataProvider, options: ExportOptions): string {
  return [...exportLogdirChunks(provider, options)].join('');
}
