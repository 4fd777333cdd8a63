/** A tiny inline bar chart of a 64-bin histogram, with the value range under it. */
import { formatStat } from './format.js';

/** Bars scaled to the tallest bin; empty bins leave a hairline so the range stays visible. */
export function Histogram({ bins, min, max }: { bins: number[]; min: number; max: number }) {
  const peak = Math.max(1, ...bins);
  const w = 256;
  const h = 48;
  const bw = w / bins.length;
  return (
    <figure className="histogram">
      <svg viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none" role="img" aria-label="Histogram of values">
        {bins.map((c, i) => {
          const bh = c ? Math.max(1.5, (c / peak) * (h - 2)) : 0.5;
          return <rect key={i} x={i * bw + 0.3} y={h - bh} width={bw - 0.6} height={bh} />;
        })}
      </svg>
      <figcaption>
        <span>{formatStat(min)}</span>
        <span>{formatStat(max)}</span>
      </figcaption>
    </figure>
  );
}
