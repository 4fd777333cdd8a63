/** A drawing pad for digit models: white strokes on black, the input updates when a stroke ends. */
import { useEffect, useRef } from 'react';
import { explainStore } from './store.js';

const SIZE = 224;

/** The pad. */
export function DrawPad() {
  const ref = useRef<HTMLCanvasElement>(null);
  const last = useRef<[number, number] | null>(null);
  const clear = (): void => {
    const g = ref.current?.getContext('2d');
    if (!g) return;
    g.fillStyle = '#000';
    g.fillRect(0, 0, SIZE, SIZE);
  };
  useEffect(clear, []);
  const at = (e: React.PointerEvent<HTMLCanvasElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - r.left) * SIZE) / r.width, ((e.clientY - r.top) * SIZE) / r.height];
  };
  const line = (p: [number, number]): void => {
    const g = ref.current!.getContext('2d')!;
    g.strokeStyle = '#fff';
    g.lineWidth = SIZE / 10;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    g.beginPath();
    const from = last.current ?? p;
    g.moveTo(from[0], from[1]);
    g.lineTo(p[0], p[1]);
    g.stroke();
    last.current = p;
  };
  const commit = (): void => {
    last.current = null;
    const g = ref.current!.getContext('2d')!;
    const img = g.getImageData(0, 0, SIZE, SIZE);
    void explainStore.setImage({ width: SIZE, height: SIZE, data: img.data }, 'drawing');
  };
  return (
    <div className="ex-pad">
      <canvas
        ref={ref}
        width={SIZE}
        height={SIZE}
        data-testid="draw-pad"
        aria-label="Drawing pad: draw a digit"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          line(at(e));
        }}
        onPointerMove={(e) => {
          if (last.current) line(at(e));
        }}
        onPointerUp={commit}
      />
      <div className="ex-pad-bar">
        <span className="muted small">Draw a digit, big and centred</span>
        <button className="btn" onClick={clear}>
          Clear
        </button>
      </div>
    </div>
  );
}
