/** Run colours: hashed, distinct while the palette lasts, stable once given. */
import { beforeEach, expect, it } from 'vitest';
import { assignRunColors, hashString, PALETTE, resetRunColors, runColor } from './colors.js';

beforeEach(resetRunColors);

it('gives a lone run the colour its name hashes to, the same on every load', () => {
  expect(runColor('resnet18/sgd')).toBe(PALETTE[hashString('resnet18/sgd') % 8]);
  resetRunColors();
  expect(runColor('resnet18/sgd')).toBe(PALETTE[hashString('resnet18/sgd') % 8]);
});

it('gives up to 16 runs distinct colours, the first 8 from the primary hues, and never repaints a run when others arrive', () => {
  const runs = Array.from({ length: 16 }, (_, i) => `run_${i}`);
  assignRunColors(runs.slice(0, 8));
  const before = runs.slice(0, 8).map(runColor);
  assignRunColors(runs);
  expect(runs.slice(0, 8).map(runColor)).toEqual(before);
  expect(new Set(runs.map(runColor)).size).toBe(16);
  expect(new Set(runs.slice(0, 8).map(runColor))).toEqual(new Set(PALETTE.slice(0, 8)));
});
