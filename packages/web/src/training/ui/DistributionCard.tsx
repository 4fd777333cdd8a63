/** One run's distribution of a tag: percentile bands over steps (compressed from its histograms). */
import { nearestIndex } from '../chart/nearest.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { drawDistribution, prepareDistribution } from '../chart/distribution-draw.js';
import { runColor } from '../lib/colors.js';
import { formatNumber, formatStep } from '../lib/format.js';
import type { TagJson } from '../data/api.js';
import { useInView } from './hooks.js';
import { TagTitle } from './TagTitle.js';
import { useSampled } from './use-sampled.js';

const LABELS = ['max', '+1.5σ', '+1σ', '+0.5σ', 'median', '−0.5σ', '−1σ', '−1.5σ', 'min'];

/** The card. */
export function DistributionCard({ info }: { info: TagJson }) {
  const card = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const inView = useInView(card);
  const { data, error, drawn } = useSampled('histograms', info.run, info.tag, info.count, inView);
  const [hover, setHover] = useState<number | null>(null);
  const xs = useRef<number[]>([]);
  const series = useMemo(
    () =>
      data && data.samples.length
        ? prepareDistribution(
            data.samples.map((s) => ({ step: s.step, buckets: s.buckets.map((v) => v ?? NaN) })),
          )
        : null,
    [data],
  );
  useEffect(() => {
    const c = canvas.current;
    if (!c || !series) return;
    const draw = () => (xs.current = drawDistribution(c, series, runColor(info.run), hover).xs);
    draw();
    drawn();
    const ro = new ResizeObserver(draw);
    ro.observe(c);
    return () => ro.disconnect();
  }, [series, hover, info.run, drawn]);

  const onMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
    setHover(Math.max(0, nearestIndex(xs.current, xs.current.length, x, false)));
  };

  return (
    <div ref={card} className="card dist-card">
      <div className="card-head">
        <TagTitle tag={info.tag} run={info.run} />
      </div>
      <div className="chart-plot">
        {error ? (
          <div className="card-error">{error}</div>
        ) : (
          series && (
            <canvas
              ref={canvas}
              className="chart-canvas"
              onPointerMove={onMove}
              onPointerLeave={() => setHover(null)}
            />
          )
        )}
        {series && hover !== null && (
          <div className="dist-readout">
            <strong>Step {formatStep(series.steps[hover]!)}</strong>
            {LABELS.map((l, i) => (
              <span key={l}>
                <em>{l}</em> {formatNumber(series.bands[hover]![8 - i]!)}
              </span>
            ))}
          </div>
        )}
      </div>
      <div className="card-foot muted small">
        <span>
          {data ? `${data.samples.length} of ${data.count.toLocaleString('en-US')} steps shown` : ''}
        </span>
      </div>
    </div>
  );
}
