/** Title above and legend below a finished figure; the same for every style. */
import type { LayerDiagram } from '../layers/layer.js';
import { legend, type LegendEntry } from '../marks/legend.js';
import { SKIP_STYLE } from '../marks/skip-arc.js';
import type { Canvas } from '../svg/canvas.js';
import { kindsUsed, layerFill, type Common } from './common.js';
import { KIND_NAMES } from './palette.js';

/** Legend entries: each layer kind drawn, then each skip kind drawn. */
export function legendEntries(c: Common, d: LayerDiagram, withSkips: boolean): LegendEntry[] {
  const entries: LegendEntry[] = kindsUsed(d).map((k) => ({
    label: KIND_NAMES[k],
    fill: layerFill(c, { kind: k }),
  }));
  // Spec files may colour single layers: list those by name.
  for (const l of d.layers) if (l.color) entries.push({ label: l.name, fill: l.color });
  if (withSkips) {
    for (const kind of ['add', 'concat', 'mul', 'other'] as const) {
      if (d.skips.some((s) => s.kind === kind))
        entries.push({ label: SKIP_STYLE[kind].name, fill: SKIP_STYLE[kind].color, round: true });
    }
  }
  return entries;
}

/** Adds the title above and the legend below what is drawn so far. */
export function decorate(canvas: Canvas, c: Common, d: LayerDiagram): void {
  const box = canvas.extent();
  if (c.legend) {
    const entries = legendEntries(c, d, c.skips && d.skips.length > 0);
    if (entries.length)
      legend(canvas, box.x, box.y + box.height + 18, entries, Math.max(box.width, 360), c.fontSize - 1);
  }
  if (c.title)
    canvas.text(box.x, box.y - 14, c.title, { size: c.fontSize + 4, bold: true, className: 'title' });
}
