/** One run's histograms of a tag: offset (ridgeline) or overlay, hover highlights a step. */
import { nearestIndex } from '../chart/nearest.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { drawHistograms, prepareHistograms } from '../chart/histogram-draw.js';
import { runColor } from '../lib/colors.js';
import type { TagJson } from '../data/api.js';
import { useInView } from './hooks.js';
import { TagTitle } from './TagTitle.js';
import { useSampled } from './use-sampled.js';

/** The card. */
export function HistogramCard({ info, mode }: { info: TagJson; mode: 'offset' | 'overlay' }) {
  const card = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const inView = useInView(card);
  const { data, error, drawn } = useSampled('histograms', info.run, info.tag, info.count, inView);
  const [hover, setHover] = useState<number | null>(null);
  const baselines = useRef<number[]>([]);
  const series = useMemo(
    () =>
      data
        ? prepareHistograms(
            data.samples.map((s) => ({ step: s.step, buckets: s.buckets.map((v) => v ?? NaN) })),
          )
        : null,
    [data],
  );
  useEffect(() => {
    const c = canvas.current;
    if (!c || !series) return;
    const draw = () => (baselines.current = drawHistograms(c, series, runColor(info.run), mode, hover));
    draw();
    drawn();
    const ro = new ResizeObserver(draw);
    ro.observe(c);
    return () => ro.disconnect();
  }, [series, mode, hover, info.run, drawn]);

  const onMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!series) return;
    const y = e.clientY - e.currentTarget.getBoundingClientRect().top;
    if (mode === 'overlay') return setHover(series.steps.length - 1);
    setHover(Math.max(0, nearestIndex(baselines.current, baselines.current.length, y, false)));
  };

  return (
    <div ref={card} className="card hist-card">
      <div className="card-head">
        <TagTitle tag={info.tag} run={info.run} />
      </div>
      <div className="chart-plot">
        {error ? (
          <div className="card-error">{error}</div>
        ) : series ? (
          <canvas
            ref={canvas}
            className="chart-canvas"
            onPointerMove={onMove}
            onPointerLeave={() => setHover(null)}
          />
        ) : data ? (
          <div className="card-empty muted">No values</div>
        ) : null}
      </div>
      <div className="card-foot muted small">
        <span>
          {data ? `${data.samples.length} of ${data.count.toLocaleString('en-US')} steps shown` : ''}
        </span>
      </div>
    </div>
  );
}
