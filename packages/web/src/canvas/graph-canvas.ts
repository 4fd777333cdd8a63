/** The interactive canvas: pan by drag, zoom by wheel at the cursor, clicks, fit and animated moves, rAF batching. */
import { drawScene, type DrawStats } from './draw.js';
import { hitTest, type Hit } from './hit-test.js';
import type { Scene } from './scene.js';
import { centreOn, fitView, lerpView, toWorld, zoomAt, type Viewport } from './viewport.js';

/** Below this fitted zoom, text would be unreadable: the first view starts at START_ZOOM instead. */
const READABLE_FIT = 0.55;
const START_ZOOM = 0.9;

/** What the canvas reports to its owner. */
export interface GraphCanvasEvents {
  onClick(hit: Hit): void;
  /** Called after a frame that shows a new scene for the first time. */
  onSceneDrawn(scene: Scene, stats: DrawStats, ms: number): void;
  onFrame?(ms: number): void;
  /** The thing under the pointer (null when none), with the pointer's position on the canvas. */
  onHover?(hit: Hit, x: number, y: number): void;
  /** Returns true when it handled the double-click (otherwise the canvas zooms in). */
  onDoubleClick?(hit: Hit): boolean;
}

/** Owns one <canvas>. The React view creates it once and feeds it scenes and selections. */
export class GraphCanvas {
  private scene: Scene | null = null;
  private view: Viewport = { x: 0, y: 0, k: 1 };
  private width = 0;
  private height = 0;
  private dpr = 1;
  private frame = 0;
  private sceneReported = true;
  private selected = new Set<number>();
  private highlightEdges = new Set<number>();
  private hover = -1;
  private drag: { x: number; y: number; vx: number; vy: number; moved: boolean; id: number } | null = null;
  private anim: { from: Viewport; to: Viewport; start: number; ms: number } | null = null;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly resize: ResizeObserver;
  private readonly cleanup: (() => void)[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly events: GraphCanvasEvents,
  ) {
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('this browser gives no 2D canvas context');
    this.ctx = ctx;
    this.resize = new ResizeObserver(() => this.measure());
    this.resize.observe(canvas);
    this.measure();
    const on = <K extends keyof HTMLElementEventMap>(
      type: K,
      fn: (e: HTMLElementEventMap[K]) => void,
      opts?: AddEventListenerOptions,
    ): void => {
      canvas.addEventListener(type, fn as EventListener, opts);
      this.cleanup.push(() => canvas.removeEventListener(type, fn as EventListener));
    };
    on('wheel', (e) => this.onWheel(e), { passive: false });
    on('pointerdown', (e) => this.onDown(e));
    on('pointermove', (e) => this.onMove(e));
    on('pointerup', (e) => this.onUp(e));
    on('pointerleave', () => {
      this.setHover(-1);
      this.events.onHover?.(null, 0, 0);
    });
    on('dblclick', (e) => this.onDoubleClick(e));
  }

  private measure(): void {
    const r = this.canvas.getBoundingClientRect();
    this.dpr = Math.min(window.devicePixelRatio || 1, 3);
    this.width = Math.max(1, r.width);
    this.height = Math.max(1, r.height);
    this.canvas.width = Math.round(this.width * this.dpr);
    this.canvas.height = Math.round(this.height * this.dpr);
    this.invalidate();
  }

  /** Schedules one redraw on the next animation frame (many calls, one draw). */
  invalidate(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame((t) => this.draw(t));
  }

  private draw(t: number): void {
    this.frame = 0;
    if (this.anim) {
      const u = Math.min(1, (t - this.anim.start) / this.anim.ms);
      const ease = u < 0.5 ? 2 * u * u : 1 - (-2 * u + 2) ** 2 / 2;
      this.view = lerpView(this.anim.from, this.anim.to, ease, this.width, this.height);
      if (u >= 1) this.anim = null;
      else this.invalidate();
    }
    if (!this.scene) return;
    const t0 = performance.now();
    const stats = drawScene(this.ctx, this.scene, {
      width: this.width,
      height: this.height,
      dpr: this.dpr,
      view: this.view,
      selected: this.selected,
      highlightEdges: this.highlightEdges,
      hover: this.hover,
      detail: 'auto',
    });
    const ms = performance.now() - t0;
    this.events.onFrame?.(ms);
    if (!this.sceneReported) {
      this.sceneReported = true;
      this.events.onSceneDrawn(this.scene, stats, ms);
    }
  }

  /**
   * Shows a new scene. `keep` keeps the view, optionally shifted so the world point `anchor.from` (old scene)
   * lands where `anchor.to` (new scene) is — the clicked group stays under the pointer after re-layout.
   */
  setScene(scene: Scene, keep: { anchor?: { from: [number, number]; to: [number, number] } } | null): void {
    this.scene = scene;
    this.sceneReported = false;
    this.anim = null;
    this.hover = -1;
    // Indices of the old scene mean nothing in the new one; the owner sets the selection again.
    this.selected = new Set();
    this.highlightEdges = new Set();
    if (!keep) this.view = this.initialView(scene);
    else if (keep.anchor) {
      const { from, to } = keep.anchor;
      this.view = {
        k: this.view.k,
        x: this.view.x + (from[0] - to[0]) * this.view.k,
        y: this.view.y + (from[1] - to[1]) * this.view.k,
      };
    }
    // Draw now rather than on the next animation frame: the new graph appears one frame sooner.
    cancelAnimationFrame(this.frame);
    this.draw(performance.now());
  }

  /**
   * Fit the graph when that leaves text readable; otherwise start readable at the top, over the first
   * input (as a reader starts at the beginning), and let the user pan or fit.
   */
  private initialView(scene: Scene): Viewport {
    const fit = fitView(scene.width, scene.height, this.width, this.height);
    if (fit.k >= READABLE_FIT || scene.nodes.length === 0) return fit;
    let top = scene.nodes[0]!;
    for (const n of scene.nodes) if (n.y < top.y || (n.y === top.y && n.x < top.x)) top = n;
    const k = START_ZOOM;
    const sw = scene.width * k;
    const x =
      sw + 64 <= this.width
        ? (this.width - sw) / 2
        : Math.min(32, Math.max(this.width - sw - 32, this.width / 2 - (top.x + top.w / 2) * k));
    return { k, x, y: 32 - top.y * k };
  }

  /** Selects scene nodes (by scene index) and emphasises their edges. */
  setSelection(nodes: number[]): void {
    this.selected = new Set(nodes);
    this.highlightEdges = new Set();
    if (this.scene) {
      for (const ni of nodes)
        for (const ei of this.scene.edgesOf.get(this.scene.nodes[ni]!.id) ?? []) this.highlightEdges.add(ei);
    }
    this.invalidate();
  }

  /** The current view transform. */
  viewport(): Viewport {
    return { ...this.view };
  }

  /** Sets the view transform immediately. */
  setViewport(v: Viewport): void {
    this.anim = null;
    this.view = { ...v };
    this.invalidate();
  }

  /** Screen box (CSS px, relative to the canvas) of a world rectangle. */
  toScreen(
    x: number,
    y: number,
    w: number,
    h: number,
  ): { x: number; y: number; width: number; height: number } {
    const v = this.view;
    return { x: x * v.k + v.x, y: y * v.k + v.y, width: w * v.k, height: h * v.k };
  }

  /** Whether an animated move is running. */
  animating(): boolean {
    return this.anim !== null;
  }

  /** Fits the whole graph. */
  fit(animate = true): void {
    if (!this.scene) return;
    const to = fitView(this.scene.width, this.scene.height, this.width, this.height);
    if (animate) this.animateTo(to, 250);
    else {
      this.view = to;
      this.invalidate();
    }
  }

  /** Zooms around the centre of the canvas. */
  zoomBy(factor: number): void {
    this.animateTo(zoomAt(this.view, factor, this.width / 2, this.height / 2), 150);
  }

  /** Centres a world rectangle, zooming in to at least `minK` so its text is readable. */
  reveal(x: number, y: number, w: number, h: number, minK = 0.9): void {
    const k = Math.min(Math.max(this.view.k, minK), 1.5);
    this.animateTo(centreOn(x + w / 2, y + h / 2, k, this.width, this.height), 350);
  }

  private animateTo(to: Viewport, ms: number): void {
    this.anim = { from: { ...this.view }, to, start: performance.now(), ms };
    this.invalidate();
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    this.anim = null;
    // Pixel deltas from trackpads are small and many; line deltas from mouse wheels are few and large.
    const dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    const factor = Math.exp(-dy * (e.ctrlKey ? 0.01 : 0.0018));
    this.view = zoomAt(this.view, factor, e.offsetX, e.offsetY);
    this.invalidate();
  }

  private onDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    this.anim = null;
    this.drag = {
      x: e.clientX,
      y: e.clientY,
      vx: this.view.x,
      vy: this.view.y,
      moved: false,
      id: e.pointerId,
    };
  }

  private onMove(e: PointerEvent): void {
    const d = this.drag;
    if (d) {
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      if (!d.moved && Math.hypot(dx, dy) > 3) {
        d.moved = true;
        this.canvas.setPointerCapture(d.id);
        this.canvas.style.cursor = 'grabbing';
      }
      if (d.moved) {
        this.events.onHover?.(null, 0, 0);
        this.view = { ...this.view, x: d.vx + dx, y: d.vy + dy };
        this.invalidate();
        return;
      }
    }
    if (!this.scene) return;
    const [wx, wy] = toWorld(this.view, e.offsetX, e.offsetY);
    const hit = hitTest(this.scene, wx, wy, 2 / this.view.k);
    this.canvas.style.cursor = hit ? 'pointer' : 'default';
    this.setHover(hit?.kind === 'node' ? hit.index : -1);
    this.events.onHover?.(hit, e.offsetX, e.offsetY);
  }

  private onUp(e: PointerEvent): void {
    const d = this.drag;
    this.drag = null;
    if (!d) return;
    if (d.moved) {
      this.canvas.releasePointerCapture(d.id);
      this.canvas.style.cursor = 'default';
      return;
    }
    if (!this.scene) return;
    const [wx, wy] = toWorld(this.view, e.offsetX, e.offsetY);
    this.events.onClick(hitTest(this.scene, wx, wy, 2 / this.view.k));
  }

  // A node that owns subgraphs opens on double-click (the owner decides); elsewhere, zoom in.
  private onDoubleClick(e: MouseEvent): void {
    if (this.scene) {
      const [wx, wy] = toWorld(this.view, e.offsetX, e.offsetY);
      const hit = hitTest(this.scene, wx, wy, 2 / this.view.k);
      if (hit && this.events.onDoubleClick?.(hit)) return;
    }
    this.animateTo(zoomAt(this.view, 2, e.offsetX, e.offsetY), 200);
  }

  private setHover(i: number): void {
    if (i === this.hover) return;
    this.hover = i;
    this.invalidate();
  }

  /** Stops listening and drawing. */
  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.resize.disconnect();
    for (const c of this.cleanup) c();
  }
}
