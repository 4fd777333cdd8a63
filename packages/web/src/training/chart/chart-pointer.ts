/** Pointer handling of a line chart: hover tooltip, drag to zoom, shift-drag to pan, Ctrl/⌘/Alt + wheel (or pinch) to zoom, double-click to reset. */
import type { LineChart } from './line-chart.js';

/** Attaches handlers to the chart's overlay canvas; returns a detach function. */
export function attachPointer(chart: LineChart, el: HTMLCanvasElement): () => void {
  let drag: { mode: 'select' | 'pan'; startPx: number; range: [number, number] } | null = null;

  const localPx = (e: { clientX: number }) => {
    const f = chart.frame!;
    return (e.clientX - el.getBoundingClientRect().left) * f.dpr;
  };
  const dataX = (px: number) => {
    const f = chart.frame!;
    return f.x0 + ((px - f.left) / f.width) * (f.x1 - f.x0);
  };

  const band = (a: number, b: number) => {
    const f = chart.frame!;
    const ctx = chart.overlayContext();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    const x = Math.max(f.left, Math.min(a, b));
    const w = Math.min(f.left + f.width, Math.max(a, b)) - x;
    ctx.fillStyle = 'rgba(37, 99, 235, 0.10)';
    ctx.strokeStyle = 'rgba(37, 99, 235, 0.55)';
    ctx.lineWidth = f.dpr;
    ctx.fillRect(x, f.top, w, f.height);
    ctx.strokeRect(x + 0.5, f.top + 0.5, w - 1, f.height - 1);
  };

  const onDown = (e: PointerEvent) => {
    if (e.button !== 0 || !chart.frame) return;
    const f = chart.frame;
    el.setPointerCapture(e.pointerId);
    drag = { mode: e.shiftKey ? 'pan' : 'select', startPx: localPx(e), range: [f.x0, f.x1] };
    chart.tip.hide(chart);
  };
  const onMove = (e: PointerEvent) => {
    if (!chart.frame) return;
    if (!drag) return chart.tip.show(chart, e.clientX, e.clientY);
    const px = localPx(e);
    if (drag.mode === 'select') band(drag.startPx, px);
    else {
      const f = chart.frame;
      const dx = ((px - drag.startPx) / f.width) * (drag.range[1] - drag.range[0]);
      chart.setZoom([drag.range[0] - dx, drag.range[1] - dx]);
    }
  };
  const onUp = (e: PointerEvent) => {
    if (!drag || !chart.frame) return;
    const px = localPx(e);
    if (drag.mode === 'select') {
      band(0, 0);
      if (Math.abs(px - drag.startPx) > 4 * chart.frame.dpr) {
        const a = dataX(Math.min(px, drag.startPx));
        const b = dataX(Math.max(px, drag.startPx));
        chart.setZoom([Math.max(a, drag.range[0]), Math.min(b, drag.range[1])]);
      }
    }
    drag = null;
  };
  const onLeave = () => {
    if (!drag) chart.tip.hide(chart);
  };
  const onDouble = () => chart.setZoom(null);
  const onWheel = (e: WheelEvent) => {
    // Plain wheel scrolls the page of charts; with a modifier (pinch gestures send ctrlKey) it zooms.
    if (!(e.ctrlKey || e.metaKey || e.altKey) || !chart.frame) return;
    e.preventDefault();
    const f = chart.frame;
    const at = dataX(localPx(e));
    const k = Math.exp(Math.max(-1, Math.min(1, e.deltaY * 0.002)));
    const ext = chart.extent();
    const [a, b] = [at - (at - f.x0) * k, at + (f.x1 - at) * k];
    if (ext && a <= ext[0] && b >= ext[1]) chart.setZoom(null);
    else chart.setZoom([a, b]);
  };

  el.addEventListener('pointerdown', onDown);
  el.addEventListener('pointermove', onMove);
  el.addEventListener('pointerup', onUp);
  el.addEventListener('pointercancel', onUp);
  el.addEventListener('pointerleave', onLeave);
  el.addEventListener('dblclick', onDouble);
  el.addEventListener('wheel', onWheel, { passive: false });
  return () => {
    el.removeEventListener('pointerdown', onDown);
    el.removeEventListener('pointermove', onMove);
    el.removeEventListener('pointerup', onUp);
    el.removeEventListener('pointercancel', onUp);
    el.removeEventListener('pointerleave', onLeave);
    el.removeEventListener('dblclick', onDouble);
    el.removeEventListener('wheel', onWheel);
  };
}
