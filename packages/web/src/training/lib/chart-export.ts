/** Per-chart downloads: every visible run of a tag as one CSV or JSON file (TensorBoard exports one run at a time). */

/** One run's points. */
export interface ExportSeries {
  run: string;
  steps: ArrayLike<number>;
  wallTimes: ArrayLike<number>;
  values: ArrayLike<number>;
  n: number;
}

const csvField = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** `run,step,wall_time,value` rows, runs in the given order. */
export function toCsv(series: ExportSeries[]): string {
  const out = ['run,step,wall_time,value'];
  for (const s of series) {
    const r = csvField(s.run);
    for (let i = 0; i < s.n; i++) out.push(`${r},${s.steps[i]},${s.wallTimes[i]},${s.values[i]}`);
  }
  return out.join('\n') + '\n';
}

/** `{ tag, runs: [{ run, points: [[step, wallTime, value]] }] }`; non-finite values as strings, as JSON has none. */
export function toJson(tag: string, series: ExportSeries[]): string {
  const v = (x: number) => (Number.isFinite(x) ? x : String(x));
  return JSON.stringify({
    tag,
    runs: series.map((s) => ({
      run: s.run,
      points: Array.from({ length: s.n }, (_, i) => [s.steps[i]!, s.wallTimes[i]!, v(s.values[i]!)]),
    })),
  });
}

/** A file name for a tag's download. */
export function exportName(tag: string, ext: string): string {
  return `${tag.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'scalars'}.${ext}`;
}
