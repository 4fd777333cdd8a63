/** The model's input with an attribution heatmap blended over it (smooth upscaling, adjustable opacity). */
import { useEffect, useRef } from 'react';
import { inputToImage, type ColormapName, type Preprocess } from '@nnlens/runtime/pure';
import { drawHeat, putRgba } from './draw.js';

/** Props of Overlay. */
export interface OverlayProps {
  input: { shape: number[]; data: Float32Array };
  preprocess: Preprocess;
  heat: Float32Array | null;
  heatSize: [number, number];
  opacity: number;
  colormap: ColormapName;
  size: number;
  label: string;
  /** Per-pixel opacity grows with the value (pixel-level maps stay readable over the image). */
  weighted?: boolean;
  testId?: string;
}

/** The overlay canvas; without a heatmap it shows the input alone. */
export function Overlay({
  input,
  preprocess,
  heat,
  heatSize,
  opacity,
  colormap,
  size,
  label,
  weighted,
  testId,
}: OverlayProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    const [h, w] = preprocess.size;
    const H = Math.round((size * h) / Math.max(h, w));
    const W = Math.round((size * w) / Math.max(h, w));
    c.width = Math.round(W * dpr);
    c.height = Math.round(H * dpr);
    const g = c.getContext('2d')!;
    const base = document.createElement('canvas');
    putRgba(base, inputToImage({ dtype: 'float32', shape: input.shape, data: input.data }, preprocess));
    g.imageSmoothingEnabled = true;
    g.imageSmoothingQuality = 'high';
    g.drawImage(base, 0, 0, c.width, c.height);
    if (heat) {
      const hm = document.createElement('canvas');
      drawHeat(hm, heat, heatSize[0], heatSize[1], colormap);
      if (weighted) {
        // Alpha = √value: faint evidence fades into the image instead of painting it blue.
        const g2 = hm.getContext('2d')!;
        const px = g2.getImageData(0, 0, hm.width, hm.height);
        for (let i = 0; i < heat.length; i++)
          px.data[i * 4 + 3] = Math.round(255 * Math.sqrt(Math.min(1, Math.max(0, heat[i]!))));
        g2.putImageData(px, 0, 0);
      }
      g.globalAlpha = opacity;
      g.drawImage(hm, 0, 0, c.width, c.height);
      g.globalAlpha = 1;
    }
  }, [input, preprocess, heat, heatSize, opacity, colormap, size, weighted]);
  const [h, w] = preprocess.size;
  return (
    <canvas
      ref={ref}
      className="ex-overlay"
      style={{ width: (size * w) / Math.max(h, w), height: (size * h) / Math.max(h, w) }}
      aria-label={label}
      data-testid={testId}
    />
  );
}
