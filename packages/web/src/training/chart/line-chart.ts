/**
 * A canvas line chart for full-resolution scalar series: per-pixel min/max decimation of the visible
 * range on every frame (so zooming reveals detail and no spike is hidden), smoothed line over a faint
 * raw line, step/relative/wall x axis, linear/log y, auto or outlier-robust y range.
 */
import { withAlpha } from '../lib/colors.js';
import { type Decimated, decimate, decimatedBuffer } from '../lib/decimate.js';
import { pad, yDomain } from '../lib/y-range.js';
import { type XType, xTicks, yTicks } from './axes.js';
import { attachPointer } from './chart-pointer.js';
import { ChartTooltip } from './chart-tooltip.js';
import { type LineSeries, type Prepared, SeriesPrep } from './series-prep.js';
import { recordDraw, registerChart } from './timings.js';

/** Display options shared by all charts of the page. */
export interface LineOptions {
  xType: XType;
  logY: boolean;
  robustY: boolean;
  /** 0 … 0.999. */
  smoothing: number;
}

/** The geometry of the last frame, for hit testing and the overlay (device pixels). */
export interface Frame {
  dpr: number;
  left: number;
  top: number;
  width: number;
  height: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  log: boolean;
}

const MARGIN = { left: 56, right: 16, top: 10, bottom: 26 };
const FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** One chart in a container element (the chart owns two canvases and a tooltip inside it). */
export class LineChart {
  private readonly canvas = document.createElement('canvas');
  private readonly overlay = document.createElement('canvas');
  private readonly tooltip: ChartTooltip;
  private readonly prep = new SeriesPrep();
  private readonly resize: ResizeObserver;
  private readonly detach: () => void;
  private readonly unregister: () => void;
  private series: LineSeries[] = [];
  private prepared: Prepared[] = [];
  private opts: LineOptions = { xType: 'step', logY: false, robustY: true, smoothing: 0.6 };
  private zoom: [number, number] | null = null;
  private raf = 0;
  private raw: Decimated[] = [];
  private smooth: Decimated[] = [];
  frame: Frame | null = null;
  /** Called after each draw (the card shows zoom state, tests read point counts). */
  onDraw: ((info: { points: number; lastStep: number; zoomed: boolean }) => void) | null = null;

  constructor(
    private readonly el: HTMLElement,
    readonly id: string,
  ) {
    this.canvas.className = 'chart-canvas';
    this.overlay.className = 'chart-overlay';
    el.append(this.canvas, this.overlay);
    this.tooltip = new ChartTooltip(el);
    this.resize = new ResizeObserver(() => this.request());
    this.resize.observe(el);
    this.detach = attachPointer(this, this.overlay);
    this.unregister = registerChart(id, this);
  }

  /** Replaces the series and options; draws on the next frame. */
  set(series: LineSeries[], opts: LineOptions): void {
    this.series = series;
    this.opts = opts;
    this.request();
  }

  /** The zoomed x range, or null for everything. */
  setZoom(range: [number, number] | null): void {
    this.zoom = range && range[1] > range[0] ? range : null;
    this.request();
  }

  get zoomed(): boolean {
    return this.zoom !== null;
  }

  /** The full x extent of the data. */
  extent(): [number, number] | null {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of this.prepared) {
      const n = p.series.n;
      if (!n) continue;
      if (p.sorted) {
        lo = Math.min(lo, p.xs[0]!);
        hi = Math.max(hi, p.xs[n - 1]!);
      } else
        for (let i = 0; i < n; i++) {
          const x = p.xs[i]!;
          if (x < lo) lo = x;
          if (x > hi) hi = x;
        }
    }
    if (!(lo <= hi)) return null;
    if (lo === hi) return [lo - 1, hi + 1];
    // 1.5 % on each side, so end points (and their dots) are not cut by the plot edge.
    const m = (hi - lo) * 0.015;
    return [lo - m, hi + m];
  }

  /** Prepared series (for the tooltip and pointer code). */
  get data(): readonly Prepared[] {
    return this.prepared;
  }

  get options(): LineOptions {
    return this.opts;
  }

  /** Schedules a draw. */
  request(): void {
    if (!this.raf) this.raf = requestAnimationFrame(() => this.draw());
  }

  /** Draws now (synchronously); returns the frame's total time in ms. */
  draw(): number {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    const t0 = performance.now();
    const dpr = window.devicePixelRatio || 1;
    const cssW = this.el.clientWidth;
    const cssH = this.el.clientHeight;
    if (cssW < 10 || cssH < 10) return 0;
    for (const c of [this.canvas, this.overlay]) {
      if (c.width !== Math.round(cssW * dpr) || c.height !== Math.round(cssH * dpr)) {
        c.width = Math.round(cssW * dpr);
        c.height = Math.round(cssH * dpr);
      }
    }
    const { xType, smoothing, logY, robustY } = this.opts;
    this.prepared = this.series.map((s) => this.prep.prepare(s, xType, smoothing));
    this.prep.retain(new Set(this.series.map((s) => s.id)));
    const t1 = performance.now();

    const left = MARGIN.left * dpr;
    const top = MARGIN.top * dpr;
    const width = Math.max(1, cssW * dpr - left - MARGIN.right * dpr);
    const height = Math.max(1, cssH * dpr - top - MARGIN.bottom * dpr);
    const ext = this.extent();
    const [x0, x1] = this.zoom ?? ext ?? [0, 1];
    let visible = 0;
    let points = 0;
    let lastStep = -Infinity;
    const parts: Decimated[] = [];
    this.prepared.forEach((p, i) => {
      const common = {
        xs: p.xs,
        n: p.series.n,
        x0,
        x1,
        width: Math.round(width),
        sorted: p.sorted,
        positiveOnly: logY,
      };
      this.raw[i] = decimate({ ...common, ys: p.series.values }, this.raw[i] ?? decimatedBuffer());
      parts.push(this.raw[i]!);
      if (p.smoothed) {
        this.smooth[i] = decimate({ ...common, ys: p.smoothed }, this.smooth[i] ?? decimatedBuffer());
        parts.push(this.smooth[i]!);
      }
      visible += this.raw[i]!.points;
      points += p.series.n;
      if (p.series.n) lastStep = Math.max(lastStep, p.series.steps[p.series.n - 1]!);
    });
    const t2 = performance.now();
    const [y0, y1] = yDomain(parts, robustY, logY) ?? (logY ? pad(0, 1) : pad(0, 1));
    this.frame = { dpr, left, top, width, height, x0, x1, y0, y1, log: logY };
    this.paint();
    const t3 = performance.now();
    recordDraw({
      chart: this.id,
      points,
      visible,
      series: this.prepared.length,
      prepareMs: t1 - t0,
      decimateMs: t2 - t1,
      paintMs: t3 - t2,
      totalMs: t3 - t0,
      at: t3,
    });
    this.onDraw?.({ points, lastStep, zoomed: this.zoomed });
    this.tooltip.refresh(this);
    return t3 - t0;
  }

  private paint(): void {
    const f = this.frame!;
    const ctx = this.canvas.getContext('2d')!;
    const { dpr, left, top, width, height } = f;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.font = FONT.replace('11px', `${11 * dpr}px`);
    ctx.lineWidth = dpr;
    const xt = xTicks(this.opts.xType, f.x0, f.x1, width / dpr);
    const yt = yTicks(f.y0, f.y1, height / dpr, f.log);
    // Grid and labels.
    ctx.strokeStyle = '#eef1f5';
    ctx.fillStyle = '#7b8594';
    ctx.beginPath();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    xt.values.forEach((v, i) => {
      const x = Math.round(this.xPix(v)) + 0.5;
      if (x < left - 1 || x > left + width + 1) return;
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.fillText(xt.labels[i]!, x, top + height + 7 * dpr);
    });
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    yt.values.forEach((v, i) => {
      const y = Math.round(this.yPix(f.log ? Math.log10(v) : v)) + 0.5;
      if (y < top - 1 || y > top + height + 1) return;
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.fillText(yt.labels[i]!, left - 8 * dpr, y);
    });
    ctx.stroke();
    ctx.strokeStyle = '#d3d9e1';
    ctx.beginPath();
    ctx.moveTo(left, top + height + 0.5);
    ctx.lineTo(left + width, top + height + 0.5);
    ctx.stroke();
    // Lines, clipped to the plot.
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top - dpr, width, height + 2 * dpr);
    ctx.clip();
    ctx.lineJoin = 'round';
    const smoothing = this.opts.smoothing > 0;
    this.prepared.forEach((p, i) => {
      const color = p.series.color;
      if (smoothing) this.stroke(ctx, this.raw[i]!, withAlpha(color, 0.2), dpr, false);
      else this.stroke(ctx, this.raw[i]!, color, 1.5 * dpr, true);
    });
    // Smoothed lines on top, each with a thin white casing so it reads over the raw bands of other runs.
    if (smoothing)
      this.prepared.forEach((p, i) => {
        this.stroke(ctx, this.smooth[i]!, 'rgba(255, 255, 255, 0.85)', 3.5 * dpr, false);
        this.stroke(ctx, this.smooth[i]!, p.series.color, 1.75 * dpr, true);
      });
    ctx.restore();
  }

  /** Strokes decimated columns: first → min → max → last per column; dots where points are sparse. */
  private stroke(
    ctx: CanvasRenderingContext2D,
    d: Decimated,
    color: string,
    lineWidth: number,
    dots: boolean,
  ): void {
    const f = this.frame!;
    const T = f.log ? Math.log10 : (v: number) => v;
    ctx.strokeStyle = color;
    ctx.lineWidth = lineWidth;
    ctx.beginPath();
    for (let c = 0; c < d.n; c++) {
      const x = f.left + d.px[c]!;
      const yf = this.yPix(T(d.first[c]!));
      // A step going back (a restart that was not purged) starts a new line instead of a stroke
      // across the chart: TensorBoard's "partition non-monotonic x", always on.
      if (c === 0 || d.px[c]! < d.px[c - 1]! - 1) ctx.moveTo(x, yf);
      else ctx.lineTo(x, yf);
      if (d.count[c]! > 1) {
        ctx.lineTo(x, this.yPix(T(d.min[c]!)));
        ctx.lineTo(x, this.yPix(T(d.max[c]!)));
        ctx.lineTo(x, this.yPix(T(d.last[c]!)));
      }
    }
    ctx.stroke();
    if (dots && d.points > 0 && d.points <= Math.max(2, f.width / f.dpr / 14)) {
      ctx.fillStyle = color;
      for (let c = 0; c < d.n; c++) {
        if (d.px[c]! < 0 || d.px[c]! > f.width) continue;
        ctx.beginPath();
        ctx.arc(f.left + d.px[c]!, this.yPix(T(d.first[c]!)), 2.4 * f.dpr, 0, Math.PI * 2);
        ctx.fill();
      }
    }
  }

  /** Device-pixel x of a data x. */
  xPix(x: number): number {
    const f = this.frame!;
    return f.left + ((x - f.x0) / (f.x1 - f.x0)) * f.width;
  }

  /** Device-pixel y of a y in axis units (log10 units on a log axis). */
  yPix(y: number): number {
    const f = this.frame!;
    return f.top + ((f.y1 - y) / (f.y1 - f.y0)) * f.height;
  }

  /** The overlay canvas context (the pointer code draws hover marks and the zoom band there). */
  overlayContext(): CanvasRenderingContext2D {
    return this.overlay.getContext('2d')!;
  }

  /** The tooltip (pointer code shows and hides it). */
  get tip(): ChartTooltip {
    return this.tooltip;
  }

  destroy(): void {
    cancelAnimationFrame(this.raf);
    this.resize.disconnect();
    this.detach();
    this.unregister();
    this.tooltip.destroy();
    this.canvas.remove();
    this.overlay.remove();
  }
}
