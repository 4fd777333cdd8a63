/** Procedural demo media: images that sharpen as training progresses, and a tone whose noise fades. */
import { gauss, seeded } from './events-demo-curves.js';
import { encodePng, encodeWav } from './events-demo-media.js';

const SIZE = 96;

/**
 * A 96×96 PNG: three soft coloured blobs (the "target") blurred by noise that shrinks with `progress`
 * (0…1), like reconstructions improving over training; `heat` draws a single-channel attention map instead.
 */
export function demoImage(seed: number, progress: number, heat = false): Uint8Array {
  const rand = seeded(seed * 7919 + Math.round(progress * 1000));
  const shapes = seeded(seed);
  const blobs = Array.from({ length: 3 }, () => ({
    x: 0.2 + 0.6 * shapes(),
    y: 0.2 + 0.6 * shapes(),
    r: 0.12 + 0.12 * shapes(),
    c: [shapes(), shapes(), shapes()].map((v) => 60 + 195 * v),
  }));
  const noise = 0.9 * (1 - progress) ** 1.5 + 0.04;
  const rgb = new Uint8Array(SIZE * SIZE * 3);
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) {
      const u = x / SIZE;
      const v = y / SIZE;
      let acc = [18, 22, 34];
      let heatV = 0;
      for (const b of blobs) {
        const d = Math.exp(-((u - b.x) ** 2 + (v - b.y) ** 2) / (2 * b.r * b.r));
        heatV = Math.max(heatV, d);
        acc = acc.map((a, k) => a + d * b.c[k]!);
      }
      const n = noise * 90 * gauss(rand);
      const o = (y * SIZE + x) * 3;
      if (heat) {
        // A warm colour ramp (dark blue → orange → yellow) over the attention value.
        const t = Math.max(0, Math.min(1, heatV * (0.5 + 0.5 * progress) + (n / 255) * 0.6));
        rgb[o] = 255 * Math.min(1, 1.8 * t);
        rgb[o + 1] = 255 * Math.max(0, Math.min(1, 1.6 * t - 0.45));
        rgb[o + 2] = 255 * Math.max(0, 0.45 - t) * 1.6;
      } else for (let k = 0; k < 3; k++) rgb[o + k] = Math.max(0, Math.min(255, acc[k]! + n));
    }
  return encodePng(SIZE, SIZE, rgb);
}

/** A one-second A-major chord at 16 kHz with noise fading as `progress` goes 0…1. */
export function demoAudio(progress: number): Uint8Array {
  const rate = 16000;
  const rand = seeded(Math.round(progress * 1000) + 17);
  const out = new Float32Array(rate);
  for (let i = 0; i < rate; i++) {
    const t = i / rate;
    const env = Math.min(1, t * 20) * Math.min(1, (1 - t) * 8);
    const tone = [440, 554.37, 659.25].reduce((a, f) => a + Math.sin(2 * Math.PI * f * t), 0) / 3;
    out[i] = env * (0.5 * tone + 0.35 * (1 - progress) * gauss(rand) * 0.5);
  }
  return encodeWav(out, rate);
}
