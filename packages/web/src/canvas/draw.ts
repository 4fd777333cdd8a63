/** Draws a scene on a 2D canvas for one viewport, culled to what is visible, with level of detail by zoom. */
import { BOX, DETAIL_FONT, FONT_FAMILY, IO_FONT, OP_FONT } from '../shared/node-metrics.js';
import type { OpCategory } from '../shared/op-category.js';
import { CATEGORY_COLORS, UI } from './palette.js';
import type { Scene, SceneEdge, SceneGroup, SceneNode } from './scene.js';
import { fitText } from './text-fit.js';
import { visibleWorld, type Viewport } from './viewport.js';

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Zoom levels at which more detail appears. */
export const LOD = { opText: 0.4, detailText: 0.6, edgeLabels: 0.9, arrows: 0.25 };

/** What to draw and how. */
export interface DrawOptions {
  /** Canvas size in CSS pixels. */
  width: number;
  height: number;
  dpr: number;
  view: Viewport;
  /** Scene node indices to highlight as selected, and edges to emphasise. */
  selected: ReadonlySet<number>;
  highlightEdges: ReadonlySet<number>;
  /** Scene node under the pointer, or -1. */
  hover: number;
  /** 'full' draws every label whatever the zoom (exports). */
  detail: 'auto' | 'full';
}

/** Counts of what a frame drew. */
export interface DrawStats {
  nodes: number;
  edges: number;
  groups: number;
}

function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
  ctx.roundRect(x, y, w, h, Math.min(r, w / 2, h / 2));
}

function edgePath(ctx: Ctx, e: SceneEdge, straight = false): void {
  const p = e.points;
  ctx.moveTo(p[0]!, p[1]!);
  if (straight) {
    // Far out, rounded corners are invisible and cost path complexity.
    for (let i = 2; i < p.length; i += 2) ctx.lineTo(p[i]!, p[i + 1]!);
    return;
  }
  if (e.bezier) {
    for (let i = 2; i + 5 < p.length; i += 6)
      ctx.bezierCurveTo(p[i]!, p[i + 1]!, p[i + 2]!, p[i + 3]!, p[i + 4]!, p[i + 5]!);
    return;
  }
  if (p.length === 4) {
    ctx.lineTo(p[2]!, p[3]!);
    return;
  }
  // Round the polyline's corners with quadratic curves through the segment midpoints.
  for (let i = 2; i < p.length - 2; i += 2) {
    const mx = (p[i]! + p[i + 2]!) / 2;
    const my = (p[i + 1]! + p[i + 3]!) / 2;
    ctx.quadraticCurveTo(p[i]!, p[i + 1]!, mx, my);
  }
  ctx.lineTo(p[p.length - 2]!, p[p.length - 1]!);
}

function arrowHead(ctx: Ctx, e: SceneEdge, size: number): void {
  const p = e.points;
  const n = p.length;
  const x = p[n - 2]!;
  const y = p[n - 1]!;
  let dx = x - p[n - 4]!;
  let dy = y - p[n - 3]!;
  const len = Math.hypot(dx, dy) || 1;
  dx /= len;
  dy /= len;
  ctx.moveTo(x, y);
  ctx.lineTo(x - dx * size - dy * size * 0.5, y - dy * size + dx * size * 0.5);
  ctx.lineTo(x - dx * size + dy * size * 0.5, y - dy * size - dx * size * 0.5);
  ctx.closePath();
}

/** Where an edge's label goes: 10 units along the edge from its source port. */
export function labelPoint(p: number[]): [number, number] {
  const dx = p[2]! - p[0]!;
  const dy = p[3]! - p[1]!;
  const len = Math.hypot(dx, dy);
  const t = len > 0 ? Math.min(1, 10 / len) : 0;
  return [p[0]! + dx * t, p[1]! + dy * t];
}

function drawFrame(ctx: Ctx, g: SceneGroup, k: number, text: boolean): void {
  ctx.beginPath();
  roundRect(ctx, g.x, g.y, g.w, g.h, 8);
  ctx.fillStyle = UI.groupFill[g.depth % 2]!;
  ctx.fill();
  ctx.lineWidth = 1 / k;
  ctx.strokeStyle = UI.groupStroke;
  ctx.stroke();
  if (g.w * k >= 40) drawFrameLabel(ctx, g, k, text);
}

/** Header label: world-sized when zoomed in, screen-sized (so still readable) when zoomed out. */
function drawFrameLabel(ctx: Ctx, g: SceneGroup, k: number, text: boolean): void {
  const unit = text ? 1 : 1 / k;
  ctx.font = `600 ${11 * unit}px ${FONT_FAMILY}`;
  ctx.fillStyle = UI.groupLabel;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  const count = ` · ${g.nodeCount}`;
  const label = fitText(ctx, g.label, g.w - 16 * unit - ctx.measureText(count).width);
  // A count without its label says nothing: leave the header empty when the name does not fit.
  if (!label) return;
  const baseY = g.y + 15 * unit;
  ctx.fillText(label, g.x + 8 * unit, baseY);
  const lw = ctx.measureText(label).width;
  ctx.font = `400 ${11 * unit}px ${FONT_FAMILY}`;
  ctx.fillStyle = UI.groupMuted;
  ctx.fillText(count, g.x + 8 * unit + lw, baseY);
}

/** Zoomed out: frames batched into two fills and one stroke; labels only where they fit on screen. */
function drawFramesOverview(ctx: Ctx, frames: SceneGroup[], k: number): void {
  for (const parity of [0, 1]) {
    ctx.beginPath();
    for (const g of frames)
      if (g.depth % 2 === parity) roundRect(ctx, g.x, g.y, g.w, g.h, 8 / Math.max(1, k * 8));
    ctx.fillStyle = UI.groupFill[parity]!;
    ctx.fill();
  }
  ctx.beginPath();
  for (const g of frames) roundRect(ctx, g.x, g.y, g.w, g.h, 8 / Math.max(1, k * 8));
  ctx.lineWidth = 1 / k;
  ctx.strokeStyle = UI.groupStroke;
  ctx.stroke();
  for (const g of frames) if (g.w * k >= 40 && g.h * k >= 16) drawFrameLabel(ctx, g, k, false);
}

/** `82 nodes · × 24` on the first of a run of repeated blocks, `82 nodes · 2 of 24` on the others. */
export function groupSubtitle(g: SceneGroup): string {
  const nodes = `${g.nodeCount} node${g.nodeCount === 1 ? '' : 's'}`;
  if (g.repeat <= 1) return nodes;
  return g.repeatIndex === 0 ? `${nodes} · × ${g.repeat}` : `${nodes} · ${g.repeatIndex + 1} of ${g.repeat}`;
}

function drawCollapsed(ctx: Ctx, g: SceneGroup, k: number, text: boolean, selected: boolean): void {
  // Two offset cards behind suggest a stack: "there is more inside".
  ctx.fillStyle = UI.collapsedFill;
  ctx.strokeStyle = UI.collapsedStroke;
  ctx.lineWidth = 1 / k;
  if (text) {
    for (const off of [6, 3]) {
      ctx.beginPath();
      roundRect(ctx, g.x + off, g.y + off, g.w, g.h, BOX.radius);
      ctx.fill();
      ctx.stroke();
    }
  }
  ctx.beginPath();
  roundRect(ctx, g.x, g.y, g.w, g.h, BOX.radius);
  ctx.fill();
  ctx.lineWidth = (selected ? 2 : 1) / k;
  ctx.strokeStyle = selected ? UI.accent : UI.collapsedStroke;
  ctx.stroke();
  if (!text) {
    if (g.w * k > 50) {
      ctx.font = `600 ${11 / k}px ${FONT_FAMILY}`;
      ctx.fillStyle = UI.collapsedText;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(fitText(ctx, g.label, g.w - 8 / k), g.x + g.w / 2, g.y + g.h / 2);
    }
    return;
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.font = OP_FONT;
  ctx.fillStyle = UI.collapsedText;
  const cx = g.x + g.w / 2;
  ctx.fillText(fitText(ctx, g.label, g.w - 2 * BOX.padX), cx, g.y + 17);
  ctx.font = DETAIL_FONT;
  ctx.fillStyle = UI.detailText;
  const sub = groupSubtitle(g);
  ctx.fillText(fitText(ctx, sub, g.w - 2 * BOX.padX), cx, g.y + 31);
}

function drawNodeDetailed(ctx: Ctx, n: SceneNode, k: number, detailText: boolean): void {
  const c = CATEGORY_COLORS[n.category];
  const io = n.kind !== 'op';
  ctx.beginPath();
  roundRect(ctx, n.x, n.y, n.w, n.h, io ? n.h / 2 : BOX.radius);
  ctx.fillStyle = c.fill;
  ctx.fill();
  ctx.lineWidth = 1 / Math.max(k, 1);
  ctx.strokeStyle = c.stroke;
  ctx.stroke();
  if (!io) {
    ctx.save();
    ctx.beginPath();
    roundRect(ctx, n.x, n.y, n.w, n.h, BOX.radius);
    ctx.clip();
    ctx.fillStyle = c.solid;
    ctx.fillRect(n.x, n.y, 3, n.h);
    ctx.restore();
  }
  const cx = n.x + n.w / 2;
  const maxW = n.w - 2 * BOX.padX;
  ctx.textAlign = 'center';
  ctx.font = OP_FONT;
  ctx.fillStyle = c.text;
  if (io) {
    ctx.font = IO_FONT;
    ctx.textBaseline = 'middle';
    ctx.fillText(fitText(ctx, n.lines[0]!, maxW), cx, n.y + n.h / 2 + 0.5);
    return;
  }
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(fitText(ctx, n.lines[0]!, maxW), cx, n.y + BOX.firstLine - 2);
  if (!detailText) return;
  ctx.font = DETAIL_FONT;
  ctx.fillStyle = UI.detailText;
  for (let i = 1; i < n.lines.length; i++) {
    ctx.fillText(fitText(ctx, n.lines[i]!, maxW), cx, n.y + BOX.firstLine - 2 + i * BOX.lineStep);
  }
}

/** Draws one frame. The context's size must be width×dpr by height×dpr device pixels. */
export function drawScene(ctx: Ctx, scene: Scene, o: DrawOptions): DrawStats {
  const { view, dpr } = o;
  const k = view.k;
  const full = o.detail === 'full';
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = UI.background;
  ctx.fillRect(0, 0, o.width, o.height);
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * view.x, dpr * view.y);
  const pad = 24 / k;
  const [x0, y0, x1, y1] = visibleWorld(view, o.width, o.height);
  const qx0 = x0 - pad;
  const qy0 = y0 - pad;
  const qx1 = x1 + pad;
  const qy1 = y1 + pad;
  const opText = full || k >= LOD.opText;
  const detailText = full || k >= LOD.detailText;

  // Groups: expanded frames first (parents before children), collapsed boxes with the nodes.
  const groupIds = scene.groupIndex.query(qx0, qy0, qx1, qy1).sort((a, b) => a - b);
  const collapsed: number[] = [];
  const frames: SceneGroup[] = [];
  for (const gi of groupIds) {
    const g = scene.groups[gi]!;
    if (g.expanded) frames.push(g);
    else collapsed.push(gi);
  }
  if (opText) for (const g of frames) drawFrame(ctx, g, k, true);
  else drawFramesOverview(ctx, frames, k);

  // Edges in one path; emphasised ones on top.
  const edgeIds = scene.edgeIndex.query(qx0, qy0, qx1, qy1);
  ctx.lineWidth = Math.max(1.1, 0.8 / k);
  ctx.strokeStyle = UI.edge;
  ctx.lineCap = 'round';
  ctx.beginPath();
  const straight = k < 0.15 && !full;
  for (const ei of edgeIds) if (!o.highlightEdges.has(ei)) edgePath(ctx, scene.edges[ei]!, straight);
  ctx.stroke();
  if (k >= LOD.arrows || full) {
    ctx.fillStyle = UI.edge;
    ctx.beginPath();
    for (const ei of edgeIds) if (!o.highlightEdges.has(ei)) arrowHead(ctx, scene.edges[ei]!, 6);
    ctx.fill();
  }
  if (o.highlightEdges.size) {
    ctx.lineWidth = Math.max(2, 1.6 / k);
    ctx.strokeStyle = UI.accent;
    ctx.fillStyle = UI.accent;
    ctx.beginPath();
    for (const ei of o.highlightEdges) edgePath(ctx, scene.edges[ei]!);
    ctx.stroke();
    ctx.beginPath();
    for (const ei of o.highlightEdges) arrowHead(ctx, scene.edges[ei]!, 7);
    ctx.fill();
  }

  // Nodes.
  const nodeIds = scene.nodeIndex.query(qx0, qy0, qx1, qy1);
  for (const gi of collapsed) drawCollapsed(ctx, scene.groups[gi]!, k, opText, false);
  if (opText) {
    for (const ni of nodeIds) drawNodeDetailed(ctx, scene.nodes[ni]!, k, detailText);
  } else {
    // Overview: one filled path per colour; text would be unreadable at this size anyway.
    const byCat = new Map<OpCategory, number[]>();
    for (const ni of nodeIds) {
      const c = scene.nodes[ni]!.category;
      let list = byCat.get(c);
      if (!list) byCat.set(c, (list = []));
      list.push(ni);
    }
    const r = k > 0.12 ? BOX.radius : 0;
    for (const [cat, list] of byCat) {
      ctx.fillStyle = CATEGORY_COLORS[cat].solid;
      ctx.beginPath();
      for (const ni of list) {
        const n = scene.nodes[ni]!;
        if (r) roundRect(ctx, n.x, n.y, n.w, n.h, n.kind === 'op' ? r : n.h / 2);
        else ctx.rect(n.x, n.y, n.w, n.h);
      }
      ctx.fill();
    }
  }

  // Edge labels (tensor shapes) when readable: just below the source port, where the tensor leaves its
  // producer; fan-out edges of one tensor share the spot and the text, so they read as one label.
  if (full || k >= LOD.edgeLabels) {
    ctx.font = `400 9.5px ${FONT_FAMILY}`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    const done = new Set<string>();
    for (const ei of edgeIds) {
      const e = scene.edges[ei]!;
      if (!e.label || e.points.length < 4) continue;
      const key = `${e.from}|${e.label}`;
      if (done.has(key)) continue;
      done.add(key);
      const [lx, ly] = labelPoint(e.points);
      const w = ctx.measureText(e.label).width;
      ctx.fillStyle = UI.background;
      ctx.fillRect(lx + 3, ly - 6, w + 4, 12);
      ctx.fillStyle = UI.edgeLabel;
      ctx.fillText(e.label, lx + 5, ly);
    }
  }

  // Selection and hover outlines on top of everything.
  const outline = (n: SceneNode, color: string, width: number, halo: boolean): void => {
    ctx.beginPath();
    const g = 2 / k;
    roundRect(
      ctx,
      n.x - g,
      n.y - g,
      n.w + 2 * g,
      n.h + 2 * g,
      n.kind === 'op' ? BOX.radius + g : (n.h + 2 * g) / 2,
    );
    if (halo) {
      ctx.fillStyle = UI.accentSoft;
      ctx.fill();
    }
    ctx.lineWidth = width / k;
    ctx.strokeStyle = color;
    ctx.stroke();
  };
  if (o.hover >= 0 && !o.selected.has(o.hover)) outline(scene.nodes[o.hover]!, UI.edge, 1.5, false);
  for (const si of o.selected) outline(scene.nodes[si]!, UI.accent, 2, !opText);

  return { nodes: nodeIds.length, edges: edgeIds.length, groups: groupIds.length };
}
