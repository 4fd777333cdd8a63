/** Parallel coordinates of hparams sessions: an axis per hyperparameter and metric, brushing sets column filters. */
import { useRef, useState } from 'react';
import { formatNumber } from '../lib/format.js';
import type { HpColumn, HpRow } from '../lib/hparams-table.js';
import { type ParallelAxis, brushFilter, parallelAxes } from '../lib/parallel-axes.js';

const H = 300;
const PAD = { top: 34, bottom: 30, side: 70 };

/** Plasma-like ramp cut before its pale end (deep blue → purple → pink → orange), readable on white. */
export function ramp(t: number): string {
  const stops = [
    [13, 8, 135],
    [126, 3, 168],
    [204, 71, 120],
    [240, 124, 62],
    [232, 160, 20],
  ];
  const x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const c = stops[i]!.map((a, k) => Math.round(a + (stops[i + 1]![k]! - a) * f));
  return `rgb(${c.join(',')})`;
}

function label(axis: ParallelAxis, p: number): string {
  if (axis.kind === 'category') return '';
  return formatNumber(axis.valueAt(p), undefined, 3);
}

/** The chart. `kept` are the rows passing every filter; others are drawn grey. */
export function ParallelCoords(props: {
  columns: HpColumn[];
  rows: HpRow[];
  kept: Set<HpRow>;
  colorBy: string | null;
  hover: string | null;
  onHover: (run: string | null) => void;
  onBrush: (key: string, filter: string) => void;
  width: number;
}) {
  const { columns, rows, kept, colorBy, hover, onHover, onBrush, width } = props;
  const axes = parallelAxes(columns, rows);
  const svg = useRef<SVGSVGElement>(null);
  const [brush, setBrush] = useState<{ k: number; a: number; b: number } | null>(null);
  const n = axes.length;
  const x = (k: number) =>
    PAD.side + (n > 1 ? (k * (width - 2 * PAD.side)) / (n - 1) : (width - 2 * PAD.side) / 2);
  const y = (p: number) => PAD.top + (1 - p) * (H - PAD.top - PAD.bottom);
  const colorAxis = axes.find((a) => a.column.key === colorBy);
  const colorOf = (r: HpRow) => {
    const p = colorAxis?.pos(r.values[colorAxis.column.key] ?? null);
    return p === null || p === undefined ? '#94a3b8' : ramp(p);
  };
  const pAt = (clientY: number) => {
    const top = svg.current!.getBoundingClientRect().top;
    return Math.max(0, Math.min(1, 1 - (clientY - top - PAD.top) / (H - PAD.top - PAD.bottom)));
  };
  const path = (r: HpRow) => {
    let d = '';
    let pen = false;
    axes.forEach((a, k) => {
      const p = a.pos(r.values[a.column.key] ?? null);
      if (p === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(k).toFixed(1)},${y(p).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  const ordered = [...rows].sort(
    (a, b) => Number(kept.has(a)) - Number(kept.has(b)) || Number(a.run === hover) - Number(b.run === hover),
  );
  return (
    <svg
      ref={svg}
      className="parallel"
      width={width}
      height={H}
      role="img"
      aria-label="Parallel coordinates of hyperparameters and metrics"
    >
      {ordered.map((r) => (
        <path
          key={r.run}
          d={path(r)}
          className={r.run === hover ? 'pc-line hot' : kept.has(r) ? 'pc-line' : 'pc-line out'}
          stroke={kept.has(r) ? colorOf(r) : '#d7dde5'}
          onPointerEnter={() => onHover(r.run)}
          onPointerLeave={() => onHover(null)}
        >
          <title>{r.run}</title>
        </path>
      ))}
      {axes.map((a, k) => (
        <g key={a.column.key} transform={`translate(${x(k)},0)`}>
          <line y1={y(0)} y2={y(1)} className="pc-axis" />
          <text
            y={16}
            className={a.column.kind === 'metric' ? 'pc-title metric' : 'pc-title'}
            textAnchor="middle"
          >
            {a.column.label.length > 18 ? `${a.column.label.slice(0, 17)}…` : a.column.label}
          </text>
          {a.kind === 'category'
            ? a.categories.map((c) => (
                <text key={c} x={6} y={y(a.pos(c)!) + 4} className="pc-tick">
                  {c.length > 14 ? `${c.slice(0, 13)}…` : c}
                </text>
              ))
            : [0, 0.5, 1].map((p) => (
                <text key={p} x={6} y={y(p) + 4} className="pc-tick">
                  {label(a, p)}
                </text>
              ))}
          {brush?.k === k && (
            <rect
              x={-7}
              width={14}
              y={y(Math.max(brush.a, brush.b))}
              height={Math.abs(y(brush.a) - y(brush.b))}
              className="pc-brush"
            />
          )}
          <rect
            x={-12}
            width={24}
            y={y(1)}
            height={y(0) - y(1)}
            className="pc-hit"
            onPointerDown={(e) => {
              e.currentTarget.setPointerCapture(e.pointerId);
              const p = pAt(e.clientY);
              setBrush({ k, a: p, b: p });
            }}
            onPointerMove={(e) => brush?.k === k && setBrush({ ...brush, b: pAt(e.clientY) })}
            onPointerUp={() => {
              if (brush?.k !== k) return;
              // A click without a drag clears the axis' filter.
              onBrush(
                a.column.key,
                Math.abs(brush.a - brush.b) < 0.02 ? '' : brushFilter(a, brush.a, brush.b),
              );
              setBrush(null);
            }}
          >
            <title>Drag to filter {a.column.label}; click to clear</title>
          </rect>
        </g>
      ))}
    </svg>
  );
}
