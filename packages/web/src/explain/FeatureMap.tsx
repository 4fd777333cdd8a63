/** One feature map drawn on a canvas at native size and scaled up crisply; clickable and keyboard-focusable. */
import { useEffect, useRef } from 'react';
import type { ColormapName } from '@nnlens/runtime/pure';
import { drawMap } from './draw.js';

/** Props of FeatureMap. */
export interface FeatureMapProps {
  data: Float32Array;
  channel: number;
  h: number;
  w: number;
  range: number;
  size: number;
  selected?: boolean;
  title: string;
  cmap?: ColormapName;
  onSelect?: () => void;
}

/** A feature-map thumbnail. */
export function FeatureMap({
  data,
  channel,
  h,
  w,
  range,
  size,
  selected,
  title,
  cmap,
  onSelect,
}: FeatureMapProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) drawMap(ref.current, data, channel, h, w, range, cmap);
  }, [data, channel, h, w, range, cmap]);
  const aspect = w / h;
  const style = aspect >= 1 ? { width: size, height: size / aspect } : { width: size * aspect, height: size };
  return (
    <canvas
      ref={ref}
      className={selected ? 'ex-map selected' : 'ex-map'}
      style={style}
      title={title}
      role={onSelect ? 'button' : undefined}
      tabIndex={onSelect ? 0 : undefined}
      aria-label={title}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (onSelect && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          onSelect();
        }
      }}
    />
  );
}
