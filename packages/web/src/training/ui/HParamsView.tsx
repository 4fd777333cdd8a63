/** The HParams dashboard: parallel coordinates over a sortable, filterable table of sessions and their metrics. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { fetchHParams } from '../data/api.js';
import { beginWork } from '../data/readiness.js';
import { runColor } from '../lib/colors.js';
import { formatNumber } from '../lib/format.js';
import { type HParamsJson, type HpValue, hparamsTable, parseFilter, sortRows } from '../lib/hparams-table.js';
import { ParallelCoords } from './ParallelCoords.js';

const STATUS = ['unknown', 'done', 'failed', 'running'];

function show(v: HpValue): string {
  if (v === null) return '—';
  if (typeof v === 'number') return formatNumber(v, undefined, 5);
  return String(v);
}

/** The dashboard; `visible` are the runs shown in the sidebar. */
export function HParamsView({ dataVersion, visible }: { dataVersion: number; visible: Set<string> }) {
  const [data, setData] = useState<HParamsJson | null>(null);
  const [error, setError] = useState('');
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 }>({ key: 'run', dir: 1 });
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [hover, setHover] = useState<string | null>(null);
  const [colorBy, setColorBy] = useState<string | null>(null);
  const [width, setWidth] = useState(900);
  const box = useRef<HTMLDivElement>(null);
  const done = useRef<(() => void) | null>(null);

  const timer = useRef(0);
  const load = useRef<() => void>(() => undefined);
  load.current = () =>
    fetchHParams()
      .then((d) => setData(d))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  useEffect(() => {
    done.current = beginWork();
    load.current();
    return () => clearTimeout(timer.current);
  }, []);
  useEffect(() => {
    // Live data: refetch at most once a second while runs are being written.
    if (!dataVersion || timer.current) return;
    timer.current = window.setTimeout(() => {
      timer.current = 0;
      load.current();
    }, 1000);
  }, [dataVersion]);
  useEffect(() => {
    if (data || error) {
      done.current?.();
      done.current = null;
    }
  }, [data, error]);
  useEffect(() => () => done.current?.(), []);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [data]);

  const table = useMemo(() => (data ? hparamsTable(data) : null), [data]);
  if (error) return <div className="dash-empty card-error static">{error}</div>;
  if (!table) return <div className="dash-empty muted">Loading sessions…</div>;
  if (!table.rows.length)
    return (
      <div className="dash-empty muted">
        No hyperparameter sessions (hparams plugin data) in the log dirs.
      </div>
    );

  const rows = table.rows.filter((r) => visible.has(r.run));
  const tests = table.columns.map((c) => [c.key, parseFilter(filters[c.key] ?? '')] as const);
  const runTest = parseFilter(filters.run ?? '');
  const kept = new Set(
    rows.filter((r) => runTest(r.run) && tests.every(([k, f]) => !filters[k] || f(r.values[k] ?? null))),
  );
  const sorted = sortRows(rows, sort.key, sort.dir);
  const metrics = table.columns.filter((c) => c.kind === 'metric' && c.numeric);
  const color = colorBy ?? metrics[0]?.key ?? null;
  const setFilter = (key: string, v: string) => setFilters({ ...filters, [key]: v });
  const head = (key: string, label: string, kind?: string) => (
    <th key={key} className={kind === 'metric' ? 'metric' : undefined}>
      <button
        className="th-sort"
        onClick={() =>
          setSort({ key, dir: sort.key === key ? (-sort.dir as 1 | -1) : kind === 'metric' ? -1 : 1 })
        }
        aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}
      >
        {label}
        <span className="sort-mark">{sort.key === key ? (sort.dir === 1 ? '▲' : '▼') : ''}</span>
      </button>
    </th>
  );
  return (
    <div className="hparams">
      <div className="card hp-card">
        <div className="card-head">
          <div className="card-title">
            <span className="tag-name">Parallel coordinates</span>
            <span className="card-run">
              {kept.size} of {rows.length} sessions · drag along an axis to filter
            </span>
          </div>
          {metrics.length > 0 && (
            <label className="select-row small">
              Colour by
              <select value={color ?? ''} onChange={(e) => setColorBy(e.target.value)}>
                {metrics.map((m) => (
                  <option key={m.key} value={m.key}>
                    {m.label}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <div ref={box} className="pc-box">
          <ParallelCoords
            columns={table.columns}
            rows={rows}
            kept={kept}
            colorBy={color}
            hover={hover}
            onHover={setHover}
            onBrush={setFilter}
            width={width}
          />
        </div>
      </div>
      <div className="card hp-card">
        <div className="table-scroll">
          <table className="hp-table">
            <thead>
              <tr>
                {head('run', 'Session run')}
                {table.columns.map((c) => head(c.key, c.label, c.kind))}
                <th>Status</th>
              </tr>
              <tr className="filter-row">
                {['run', ...table.columns.map((c) => c.key)].map((k) => (
                  <th key={k}>
                    <input
                      placeholder={
                        k === 'run' || !table.columns.find((c) => c.key === k)?.numeric
                          ? 'regex'
                          : '>0.5, 1..2'
                      }
                      value={filters[k] ?? ''}
                      aria-label={`Filter ${k === 'run' ? 'runs' : (table.columns.find((c) => c.key === k)?.label ?? k)}`}
                      onChange={(e) => setFilter(k, e.target.value)}
                    />
                  </th>
                ))}
                <th />
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr
                  key={r.run}
                  className={(kept.has(r) ? '' : 'out ') + (hover === r.run ? 'hot' : '')}
                  onPointerEnter={() => setHover(r.run)}
                  onPointerLeave={() => setHover(null)}
                >
                  <td className="run-cell">
                    <i
                      className="run-swatch"
                      style={{ background: runColor(r.run), borderColor: runColor(r.run) }}
                    />
                    {r.run}
                  </td>
                  {table.columns.map((c) => (
                    <td key={c.key} className={c.numeric ? 'num' : undefined}>
                      {show(r.values[c.key] ?? null)}
                    </td>
                  ))}
                  <td className={`status s${r.status ?? 0}`}>{STATUS[r.status ?? 0]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
