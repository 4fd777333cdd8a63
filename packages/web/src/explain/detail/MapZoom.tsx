/** A large feature map with hover read-out and highlighted cells (the sliding window of the detail views). */
import { useEffect, useRef, useState } from 'react';
import type { ColormapName } from '@nnlens/runtime/pure';
import { drawMap, fmt } from '../draw.js';

/** A rectangle of cells [row0, col0, rows, cols] drawn over the map. */
export type CellRect = [number, number, number, number];

/** Props of MapZoom. */
export interface MapZoomProps {
  data: Float32Array;
  channel: number;
  h: number;
  w: number;
  range: number;
  /** Longest side in CSS pixels. */
  size: number;
  caption: string;
  highlight?: CellRect[];
  cmap?: ColormapName;
  /** Cells outside the map (padding) drawn around it. */
  pad?: [number, number, number, number];
  onHover?: (row: number, col: number) => void;
  testId?: string;
}

/** The zoomed map. */
export function MapZoom({
  data,
  channel,
  h,
  w,
  range,
  size,
  caption,
  highlight = [],
  cmap,
  pad = [0, 0, 0, 0],
  onHover,
  testId,
}: MapZoomProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<[number, number] | null>(null);
  useEffect(() => {
    if (ref.current) drawMap(ref.current, data, channel, h, w, range, cmap);
  }, [data, channel, h, w, range, cmap]);
  const [pt, pb, pl, pr] = pad;
  const rows = h + pt + pb;
  const cols = w + pl + pr;
  const cell = size / Math.max(rows, cols);
  const [W, H] = [cols * cell, rows * cell];
  const value = hover ? data[channel * h * w + hover[0] * w + hover[1]] : undefined;
  return (
    <figure className="ex-zoom" data-testid={testId}>
      <div
        className="ex-zoom-box"
        style={{ width: W, height: H }}
        onMouseMove={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          const row = Math.floor((e.clientY - r.top) / cell) - pt;
          const col = Math.floor((e.clientX - r.left) / cell) - pl;
          if (row >= 0 && row < h && col >= 0 && col < w) {
            setHover([row, col]);
            onHover?.(row, col);
          } else setHover(null);
        }}
        onMouseLeave={() => setHover(null)}
      >
        {(pt || pl || pb || pr) > 0 && <div className="ex-zoom-pad" style={{ inset: 0 }} />}
        <canvas
          ref={ref}
          className="ex-zoom-canvas"
          style={{ left: pl * cell, top: pt * cell, width: w * cell, height: h * cell }}
        />
        <svg className="ex-zoom-svg" width={W} height={H}>
          {cell >= 7 &&
            Array.from({ length: rows + 1 }, (_, i) => (
              <line key={`r${i}`} x1={0} x2={W} y1={i * cell} y2={i * cell} className="ex-grid" />
            ))}
          {cell >= 7 &&
            Array.from({ length: cols + 1 }, (_, i) => (
              <line key={`c${i}`} y1={0} y2={H} x1={i * cell} x2={i * cell} className="ex-grid" />
            ))}
          {highlight.map(([r, c, nr, nc], i) => (
            <rect
              key={i}
              x={(c + pl) * cell}
              y={(r + pt) * cell}
              width={nc * cell}
              height={nr * cell}
              className="ex-window"
            />
          ))}
        </svg>
      </div>
      <figcaption>
        {caption}
        <span className="ex-zoom-read">
          {hover ? `(${hover[0]}, ${hover[1]}) = ${fmt(value ?? NaN, 4)}` : `${h}×${w}`}
        </span>
      </figcaption>
    </figure>
  );
}
