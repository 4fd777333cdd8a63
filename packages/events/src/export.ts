/** Export of everything a DataProvider holds as one JSON document or CSV table (`nnlens events export`). */
import type { DataProvider } from './provider.js';
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
  points?: [number, number, number | string][];
}

/** The JSON export document. */
export interface ExportJson {
  runs: { run: string; tags: ExportTag[] }[];
}

// JSON has no NaN/Infinity: write them as strings, as tbdump does, so no value silently becomes null.
const num = (x: number): number | string => (Number.isFinite(x) ? x : String(x));

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Exports all runs and tags, sorted by name. JSON: the ExportJson document. CSV: one row per scalar
 * point, `run,tag,step,wall_time,value` (non-scalar tags have no rows; their summary is in the JSON).
 */
export function exportLogdir(provider: DataProvider, options: ExportOptions): string {
  const runs = provider
    .runs()
    .map((r) => r.run)
    .sort();
  const byRun = new Map<string, ExportTag[]>(runs.map((r) => [r, []]));
  const csv: string[] = ['run,tag,step,wall_time,value'];
  for (const infos of Object.values(provider.tags())) {
    for (const info of infos) {
      const t: ExportTag = {
        tag: info.tag,
        kind: info.kind,
        count: info.count,
        firstStep: info.firstStep,
        lastStep: info.lastStep,
        min: null,
        max: null,
      };
      if (info.kind === 'scalar') {
        const s = provider.scalars(info.run, info.tag)!;
        let min = Infinity;
        let max = -Infinity;
        const points: [number, number, number | string][] = new Array(s.values.length);
        for (let i = 0; i < s.values.length; i++) {
          const v = s.values[i]!;
          if (Number.isFinite(v)) {
            if (v < min) min = v;
            if (v > max) max = v;
          }
          points[i] = [s.steps[i]!, s.wallTimes[i]!, num(v)];
          if (options.format === 'csv')
            csv.push(`${csvField(info.run)},${csvField(info.tag)},${s.steps[i]},${s.wallTimes[i]},${v}`);
        }
        if (min <= max) [t.min, t.max] = [min, max];
        t.points = points;
      }
      byRun.get(info.run)?.push(t);
    }
  }
  if (options.format === 'csv') return csv.join('\n') + '\n';
  const doc: ExportJson = {
    runs: runs.map((run) => ({
      run,
      tags: byRun.get(run)!.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0)),
    })),
  };
  return JSON.stringify(doc);
}
