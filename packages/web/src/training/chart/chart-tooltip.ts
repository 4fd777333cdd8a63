/** The hover tooltip of a line chart: every run's value at the hovered x, sorted, with markers on the lines. */
import { formatDateTime, formatDuration, formatNumber, formatStep } from '../lib/format.js';
import type { LineChart } from './line-chart.js';
import { nearestIndex } from './nearest.js';

/** One row: a run's point nearest to the hovered x. */
export interface TipRow {
  id: string;
  color: string;
  value: number;
  raw: number;
  step: number;
  wall: number;
  relative: number;
  x: number;
}

const MAX_ROWS = 12;

/** Finds each series' nearest point to data x `x` inside the visible range, sorted by value (highest first). */
export function rowsAt(chart: LineChart, x: number): TipRow[] {
  const f = chart.frame;
  if (!f) return [];
  const rows: TipRow[] = [];
  for (const p of chart.data) {
    const s = p.series;
    const ys = p.smoothed ?? s.values;
    const i = nearestIndex(p.xs, s.n, x, p.sorted, ys);
    if (i < 0 || p.xs[i]! < f.x0 || p.xs[i]! > f.x1) continue;
    if (f.log && !(ys[i]! > 0)) continue;
    rows.push({
      id: s.id,
      color: s.color,
      value: ys[i]!,
      raw: s.values[i]!,
      step: s.steps[i]!,
      wall: s.walls[i]!,
      relative: s.walls[i]! - p.start,
      x: p.xs[i]!,
    });
  }
  return rows.sort((a, b) => b.value - a.value);
}

/** A fixed-position tooltip element (fixed, so card edges never clip it). */
export class ChartTooltip {
  private readonly el = document.createElement('div');
  private at: { clientX: number; clientY: number; x: number } | null = null;

  constructor(private readonly host: HTMLElement) {
    this.el.className = 'chart-tooltip';
    this.el.hidden = true;
    document.body.append(this.el);
  }

  /** Shows values at css position (clientX, clientY) over `chart`. */
  show(chart: LineChart, clientX: number, clientY: number): void {
    const f = chart.frame;
    if (!f) return;
    const r = this.host.getBoundingClientRect();
    const px = (clientX - r.left) * f.dpr;
    if (px < f.left || px > f.left + f.width) return this.hide(chart);
    const x = f.x0 + ((px - f.left) / f.width) * (f.x1 - f.x0);
    this.at = { clientX, clientY, x };
    const rows = rowsAt(chart, x);
    this.mark(chart, rows, px);
    if (!rows.length) {
      this.el.hidden = true;
      return;
    }
    const smoothing = chart.options.smoothing > 0;
    const cells = (row: TipRow) =>
      `<td><i style="background:${row.color}"></i></td><td class="tt-run"></td><td class="tt-num">${formatNumber(row.value)}</td>` +
      (smoothing ? `<td class="tt-num tt-raw">${formatNumber(row.raw)}</td>` : '') +
      `<td class="tt-num">${formatStep(row.step)}</td><td class="tt-num tt-raw">${formatDuration(row.relative)}</td>`;
    const head = `<tr><th></th><th>Run</th><th>${smoothing ? 'Smoothed' : 'Value'}</th>${smoothing ? '<th>Value</th>' : ''}<th>Step</th><th>Relative</th></tr>`;
    const shown = rows.slice(0, MAX_ROWS);
    // Run names come from the file system: set them as text, never as markup.
    this.el.innerHTML = `<div class="tt-head"></div><table>${head}${shown.map((row) => `<tr>${cells(row)}</tr>`).join('')}</table>${rows.length > MAX_ROWS ? `<div class="tt-more">+${rows.length - MAX_ROWS} more</div>` : ''}`;
    this.el.querySelectorAll('.tt-run').forEach((td, i) => (td.textContent = shown[i]!.id));
    const type = chart.options.xType;
    this.el.querySelector('.tt-head')!.textContent =
      type === 'wall'
        ? formatDateTime(x)
        : type === 'relative'
          ? formatDuration(x)
          : `Step ${formatStep(Math.round(x))}`;
    this.el.hidden = false;
    const w = this.el.offsetWidth;
    const h = this.el.offsetHeight;
    const left = clientX + 16 + w > window.innerWidth - 8 ? clientX - 16 - w : clientX + 16;
    const top = Math.min(window.innerHeight - h - 8, Math.max(8, clientY - h / 2));
    this.el.style.transform = `translate(${Math.max(8, left)}px, ${top}px)`;
  }

  /** Re-shows at the last position after a redraw (data arrived while hovering). */
  refresh(chart: LineChart): void {
    if (this.at && !this.el.hidden) this.show(chart, this.at.clientX, this.at.clientY);
  }

  hide(chart: LineChart): void {
    this.at = null;
    this.el.hidden = true;
    const ctx = chart.overlayContext();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  }

  /** Crosshair and a ring on each run's point. */
  private mark(chart: LineChart, rows: TipRow[], px: number): void {
    const f = chart.frame!;
    const ctx = chart.overlayContext();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.strokeStyle = 'rgba(15, 23, 42, 0.28)';
    ctx.lineWidth = f.dpr;
    ctx.setLineDash([3 * f.dpr, 3 * f.dpr]);
    ctx.beginPath();
    ctx.moveTo(Math.round(px) + 0.5, f.top);
    ctx.lineTo(Math.round(px) + 0.5, f.top + f.height);
    ctx.stroke();
    ctx.setLineDash([]);
    for (const r of rows) {
      const y = chart.yPix(f.log ? Math.log10(r.value) : r.value);
      ctx.beginPath();
      ctx.arc(chart.xPix(r.x), y, 4 * f.dpr, 0, Math.PI * 2);
      ctx.fillStyle = '#fff';
      ctx.fill();
      ctx.lineWidth = 2 * f.dpr;
      ctx.strokeStyle = r.color;
      ctx.stroke();
    }
  }

  destroy(): void {
    this.el.remove();
  }
}
