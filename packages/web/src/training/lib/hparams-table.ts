/** The HParams dashboard's table model: columns from experiments and sessions, numeric-aware filters and sorting. */

/** hparams JSON as the server sends it (the events DataProvider's HParamsData). */
export interface HParamsJson {
  experiments: {
    run: string;
    experiment: {
      hparamInfos: { name: string; displayName: string }[];
      metricInfos: { group: string; tag: string; displayName: string }[];
    };
  }[];
  sessions: {
    run: string;
    groupName: string;
    hparams: Record<string, unknown>;
    status: number | null;
    metrics: Record<string, { value: number; step: number }>;
  }[];
}

/** A column: a hyperparameter or a metric. */
export interface HpColumn {
  key: string;
  label: string;
  kind: 'hparam' | 'metric';
  /** Every present value is a number: numeric axes and range filters. */
  numeric: boolean;
}

/** A cell value. */
export type HpValue = number | string | boolean | null;

/** One session. */
export interface HpRow {
  run: string;
  status: number | null;
  values: Record<string, HpValue>;
}

function cell(v: unknown): HpValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/**
 * Columns: declared hyperparameters in declaration order, then undeclared ones by name; then declared
 * metrics, then others. Rows: one per session.
 */
export function hparamsTable(data: HParamsJson): { columns: HpColumn[]; rows: HpRow[] } {
  const hp = new Map<string, string>();
  const metrics = new Map<string, string>();
  for (const e of data.experiments) {
    for (const h of e.experiment.hparamInfos) if (!hp.has(h.name)) hp.set(h.name, h.displayName || h.name);
    for (const m of e.experiment.metricInfos) {
      const key = m.group ? `${m.group}/${m.tag}` : m.tag;
      if (!metrics.has(key)) metrics.set(key, m.displayName || key);
    }
  }
  const extraHp = new Set<string>();
  const extraM = new Set<string>();
  for (const s of data.sessions) {
    for (const k of Object.keys(s.hparams)) if (!hp.has(k)) extraHp.add(k);
    for (const k of Object.keys(s.metrics)) if (!metrics.has(k)) extraM.add(k);
  }
  for (const k of [...extraHp].sort()) hp.set(k, k);
  for (const k of [...extraM].sort()) metrics.set(k, k);
  const rows: HpRow[] = data.sessions.map((s) => {
    const values: Record<string, HpValue> = {};
    for (const k of hp.keys()) values[`hp:${k}`] = cell(s.hparams[k]);
    for (const k of metrics.keys()) values[`m:${k}`] = s.metrics[k] ? s.metrics[k].value : null;
    return { run: s.run, status: s.status, values };
  });
  const numeric = (key: string) =>
    rows.every((r) => r.values[key] === null || typeof r.values[key] === 'number');
  const columns: HpColumn[] = [
    ...[...hp].map(([k, label]) => ({
      key: `hp:${k}`,
      label,
      kind: 'hparam' as const,
      numeric: numeric(`hp:${k}`),
    })),
    ...[...metrics].map(([k, label]) => ({
      key: `m:${k}`,
      label,
      kind: 'metric' as const,
      numeric: numeric(`m:${k}`),
    })),
  ];
  return { columns, rows };
}

/**
 * A filter from text: `>0.5`, `>=1`, `<3`, `0.1..0.2` (inclusive) for numbers; otherwise a
 * case-insensitive regex (substring if invalid) on the printed value. Empty text keeps everything.
 */
export function parseFilter(text: string): (v: HpValue) => boolean {
  const t = text.trim();
  if (!t) return () => true;
  const cmp = /^(<=|>=|<|>|=)\s*(-?[\d.]+(?:e-?\d+)?)$/i.exec(t);
  if (cmp) {
    const x = Number(cmp[2]);
    const op = cmp[1];
    return (v) =>
      typeof v === 'number' &&
      (op === '<' ? v < x : op === '>' ? v > x : op === '<=' ? v <= x : op === '>=' ? v >= x : v === x);
  }
  const range = /^(-?[\d.]+(?:e-?\d+)?)\s*\.\.\s*(-?[\d.]+(?:e-?\d+)?)$/i.exec(t);
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])];
    return (v) => typeof v === 'number' && v >= Math.min(a, b) && v <= Math.max(a, b);
  }
  let re: RegExp | null = null;
  try {
    re = new RegExp(t, 'i');
  } catch {
    re = null;
  }
  return (v) =>
    v === null ? false : re ? re.test(String(v)) : String(v).toLowerCase().includes(t.toLowerCase());
}

/** Sorts rows by a column (nulls last in both directions); 'run' sorts by run name. */
export function sortRows(rows: HpRow[], key: string, dir: 1 | -1): HpRow[] {
  const get = (r: HpRow): HpValue => (key === 'run' ? r.run : (r.values[key] ?? null));
  const coll = new Intl.Collator('en', { numeric: true }).compare;
  return [...rows].sort((a, b) => {
    const x = get(a);
    const y = get(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * dir;
    return coll(String(x), String(y)) * dir;
  });
}
