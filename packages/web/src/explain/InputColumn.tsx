/** The overview's first column: the input as the model sees it, then each of its channels (R, G, B or grey). */
import { useEffect, useRef } from 'react';
import { drawGrey, putRgba } from './draw.js';
import type { LayerMeta, RunResult } from './protocol.js';
import { inputPicture } from './input-picture.js';

const NAMES = ['R', 'G', 'B'];

function Channel({
  data,
  c,
  h,
  w,
  size,
  title,
  lo,
  hi,
  selected,
  onClick,
}: {
  data: Float32Array;
  c: number;
  h: number;
  w: number;
  size: number;
  title: string;
  lo: number;
  hi: number;
  selected: boolean;
  onClick: () => void;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) drawGrey(ref.current, data, c, h, w, lo, hi);
  }, [data, c, h, w, lo, hi]);
  return (
    <canvas
      ref={ref}
      className={selected ? 'ex-map selected' : 'ex-map'}
      style={{ width: size, height: (size * h) / w }}
      title={title}
      onClick={onClick}
      role="button"
      tabIndex={0}
      aria-label={title}
    />
  );
}

/** Props of InputColumn. */
export interface InputColumnProps {
  run: RunResult;
  layer: LayerMeta;
  thumb: number;
  selected: { value: string; channel: number } | null;
  onSelect: (value: string, channel: number) => void;
}

/** The input column. */
export function InputColumn({ run, layer, thumb, selected, onSelect }: InputColumnProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [c, h, w] = layer.shape.slice(1) as [number, number, number];
  const data = run.taps[layer.value]!;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of data) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  useEffect(() => {
    if (ref.current) putRgba(ref.current, inputPicture(data, c, h, w, lo, hi));
  }, [data, c, h, w, lo, hi]);
  return (
    <div className="ex-maps">
      {c === 3 && (
        <canvas
          ref={ref}
          className="ex-map ex-input-rgb"
          style={{ width: thumb, height: (thumb * h) / w }}
          title="input"
        />
      )}
      {Array.from({ length: Math.min(c, 3) }, (_, k) => (
        <Channel
          key={k}
          data={data}
          c={k}
          h={h}
          w={w}
          size={thumb}
          lo={lo}
          hi={hi}
          title={`input channel ${c === 3 ? NAMES[k] : k}`}
          selected={selected?.value === layer.value && selected.channel === k}
          onClick={() => onSelect(layer.value, k)}
        />
      ))}
    </div>
  );
}
