/** Skip connections drawn as arcs over (or under) a row of layers, stacked so they never cross labels. */
import type { Canvas } from '../svg/canvas.js';
import { el } from '../svg/element.js';
import { path } from '../svg/path.js';
import { textWidth } from '../svg/text.js';
import { arrowMarker } from './arrow.js';

/** One arc from x1 to x2 along a baseline. */
export interface ArcSpec {
  x1: number;
  x2: number;
  kind: 'add' | 'concat' | 'mul' | 'other';
  label?: string;
}

/** Stroke colour and dash of each skip kind. */
export const SKIP_STYLE: Record<ArcSpec['kind'], { color: string; dash?: string; name: string }> = {
  add: { color: '#3b6fb6', name: 'residual (add)' },
  concat: { color: '#3a9a5b', dash: '5 3', name: 'concatenation' },
  mul: { color: '#b5563b', dash: '2 2', name: 'gating (multiply)' },
  other: { color: '#777777', dash: '4 2', name: 'skip' },
};

/**
 * Gives each arc a level (0 = lowest) so that arcs on one level do not overlap along x, labels
 * included; shorter arcs get lower levels so they nest inside longer ones.
 */
export function arcLevels(arcs: ArcSpec[], labelSize: number): number[] {
  const order = arcs
    .map((_, i) => i)
    .sort((a, b) => Math.abs(arcs[a]!.x2 - arcs[a]!.x1) - Math.abs(arcs[b]!.x2 - arcs[b]!.x1) || a - b);
  const levels: [number, number][][] = [];
  const out = new Array<number>(arcs.length).fill(0);
  for (const i of order) {
    const a = arcs[i]!;
    const lo = Math.min(a.x1, a.x2);
    const hi = Math.max(a.x1, a.x2);
    const mid = (lo + hi) / 2;
    const lw = a.label ? textWidth(a.label, labelSize) / 2 + 4 : 0;
    const span: [number, number] = [Math.min(lo, mid - lw) - 3, Math.max(hi, mid + lw) + 3];
    let lv = 0;
    // An arc nested inside a lower one must sit above it.
    for (let l = 0; l < levels.length; l++) {
      if (levels[l]!.some(([s, e]) => s >= span[0] && e <= span[1])) lv = l + 1;
    }
    while (levels[lv]?.some(([s, e]) => s < span[1] && span[0] < e)) lv++;
    (levels[lv] ??= []).push(span);
    out[i] = lv;
  }
  return out;
}

/** Draws an arc rising from `base` to `base - height` (negative height draws below). */
export function skipArc(canvas: Canvas, a0: ArcSpec, base: number, height: number, labelSize = 10): void {
  const st = SKIP_STYLE[a0.kind];
  // Arcs leave a layer right of its centre and arrive left of it, so chained arcs stay apart.
  const a = { ...a0, x1: a0.x1 + 5, x2: a0.x2 - 5 };
  const top = base - height;
  const r = Math.min(8, Math.abs(height) / 2, Math.abs(a.x2 - a.x1) / 4);
  const dir = height > 0 ? -1 : 1;
  const sx = Math.sign(a.x2 - a.x1) || 1;
  const d = path()
    .M(a.x1, base)
    .L(a.x1, top - dir * r)
    .Q(a.x1, top, a.x1 + sx * r, top)
    .L(a.x2 - sx * r, top)
    .Q(a.x2, top, a.x2, top - dir * r)
    .L(a.x2, base).d;
  canvas.add(
    el('path', {
      d,
      fill: 'none',
      stroke: st.color,
      'stroke-width': 1.4,
      'stroke-dasharray': st.dash,
      'marker-end': `url(#${arrowMarker(canvas, st.color)})`,
      class: `skip skip-${a.kind}`,
    }),
    'skips',
  );
  canvas.include(Math.min(a.x1, a.x2), Math.min(base, top), Math.abs(a.x2 - a.x1), Math.abs(height));
  if (a.label) {
    const mx = (a.x1 + a.x2) / 2;
    const w = textWidth(a.label, labelSize);
    canvas.add(
      el('rect', {
        x: mx - w / 2 - 2,
        y: top - labelSize * 0.6,
        width: w + 4,
        height: labelSize * 1.2,
        fill: 'white',
      }),
      'skips',
    );
    canvas.text(
      mx,
      top + labelSize * 0.35,
      a.label,
      { size: labelSize, anchor: 'middle', fill: st.color, className: 'skip-label' },
      'skips',
    );
  }
}
