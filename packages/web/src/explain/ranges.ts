/** Colour ranges of the overview: per unit, per layer or one global range (CNN Explainer's three modes). */
import { absMax, type ScaleMode } from '@nnlens/runtime/pure';
import type { LayerMeta, RunResult } from './protocol.js';

/** Range of channel `c` of `layer` under `mode` (symmetric: maps span [−range, +range]). */
export function rangeOf(
  run: RunResult,
  layer: LayerMeta,
  c: number,
  mode: ScaleMode,
  global: number,
): number {
  const data = run.taps[layer.value];
  if (!data) return 1;
  if (mode === 'global') return global || 1;
  if (mode === 'layer' || layer.shape.length !== 4) return absMax(data) || 1;
  const hw = layer.shape[2]! * layer.shape[3]!;
  return absMax(data, c * hw, (c + 1) * hw) || 1;
}

/** max |x| over every 4-D layer except the input (the 'global' range). */
export function globalRange(run: RunResult): number {
  let m = 0;
  for (const l of run.layers) {
    if (l.kind === 'input' || l.shape.length !== 4) continue;
    m = Math.max(m, absMax(run.taps[l.value]!));
  }
  return m;
}
