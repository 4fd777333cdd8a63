/** One scalar chart: a tag with every visible run overlaid, lazy-loaded, live, zoomable, downloadable. */
import { useEffect, useRef, useState } from 'react';
import { LineChart, type LineOptions } from '../chart/line-chart.js';
import { exportName, toCsv, toJson } from '../lib/chart-export.js';
import { formatNumber } from '../lib/format.js';
import { beginWork } from '../data/readiness.js';
import type { TagEntry } from '../data/selectors.js';
import type { TrainingSettings } from '../data/settings.js';
import { trainingStore } from '../data/training-store.js';
import { saveText, useInView } from './hooks.js';
import { CollapseIcon, DownloadIcon, ExpandIcon, FitIcon } from './icons.js';
import { TagTitle } from './TagTitle.js';

const cache = trainingStore.scalars;

/** The card. */
export function ScalarCard({ entry, settings }: { entry: TagEntry; settings: TrainingSettings }) {
  const card = useRef<HTMLDivElement>(null);
  const plot = useRef<HTMLDivElement>(null);
  const chart = useRef<LineChart | null>(null);
  const inView = useInView(card);
  const [wide, setWide] = useState(false);
  const [zoomed, setZoomed] = useState(false);
  const [error, setError] = useState('');
  const [points, setPoints] = useState(0);
  const { tag } = entry;
  const runs = entry.runs.map((r) => r.run);
  const runsKey = runs.join('\u0000');
  const opts: LineOptions = {
    xType: settings.xType,
    logY: settings.logY,
    robustY: settings.robustY,
    smoothing: settings.smoothing,
  };
  const optsRef = useRef(opts);
  optsRef.current = opts;

  const seriesOf = () => runs.map((r) => cache.get(r, tag)).filter((s) => s !== undefined);

  useEffect(() => {
    const c = new LineChart(plot.current!, tag);
    chart.current = c;
    c.onDraw = (info) => {
      // Automation reads these (the live e2e test waits for data-last-step to move).
      card.current!.dataset.points = String(info.points);
      card.current!.dataset.lastStep = String(info.lastStep);
      setZoomed(info.zoomed);
      setPoints(info.points);
    };
    return () => {
      c.destroy();
      chart.current = null;
    };
  }, [tag]);

  useEffect(() => {
    if (!inView) return;
    const done = beginWork();
    let alive = true;
    const update = () => chart.current?.set(seriesOf(), optsRef.current);
    const unsubs = runs.map((r) => cache.subscribe(r, tag, update));
    Promise.all(runs.map((r) => cache.load(r, tag)))
      .then(() => {
        if (!alive) return;
        setError('');
        update();
        chart.current?.draw();
        card.current!.dataset.loaded = 'true';
      })
      .catch((e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)))
      .finally(done);
    return () => {
      alive = false;
      unsubs.forEach((u) => u());
      done();
    };
    // seriesOf/runs are derived from runsKey and tag.
  }, [inView, runsKey, tag]);

  useEffect(() => {
    if (inView) chart.current?.set(seriesOf(), opts);
  }, [settings.xType, settings.logY, settings.robustY, settings.smoothing, wide]);

  const download = (fmt: 'csv' | 'json') => {
    const series = seriesOf().map((s) => ({
      run: s.run,
      steps: s.steps,
      wallTimes: s.walls,
      values: s.values,
      n: s.n,
    }));
    if (fmt === 'csv') saveText(exportName(tag, 'csv'), toCsv(series), 'text/csv');
    else saveText(exportName(tag, 'json'), toJson(tag, series), 'application/json');
  };

  return (
    <div ref={card} className={wide ? 'card chart-card wide' : 'card chart-card'} data-tag={tag}>
      <div className="card-head">
        <TagTitle tag={tag} />
        <div className="card-actions">
          {zoomed && (
            <button
              className="icon-btn"
              title="Reset zoom (double-click the chart)"
              aria-label="Reset zoom"
              onClick={() => chart.current?.setZoom(null)}
            >
              <FitIcon />
            </button>
          )}
          <button
            className="icon-btn text"
            title="Download every shown run as CSV"
            onClick={() => download('csv')}
          >
            <DownloadIcon />
            CSV
          </button>
          <button
            className="icon-btn text"
            title="Download every shown run as JSON"
            onClick={() => download('json')}
          >
            JSON
          </button>
          <button
            className="icon-btn"
            title={wide ? 'Normal size' : 'Full width'}
            aria-label={wide ? 'Normal size' : 'Full width'}
            onClick={() => setWide(!wide)}
          >
            {wide ? <CollapseIcon /> : <ExpandIcon />}
          </button>
        </div>
      </div>
      <div ref={plot} className="chart-plot">
        {error && <div className="card-error">{error}</div>}
      </div>
      <div className="card-foot muted small">
        <span>
          {runs.length} run{runs.length === 1 ? '' : 's'}
        </span>
        {points > 0 && <span>{formatNumber(points)} points, all drawn</span>}
      </div>
    </div>
  );
}
