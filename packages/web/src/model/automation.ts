/** `window.__nnlensView`: lets browser tests and benchmarks find boxes on the canvas and set the zoom. */
import type { GraphCanvas } from '../canvas/graph-canvas.js';
import type { Scene } from '../canvas/scene.js';
import type { Viewport } from '../canvas/viewport.js';
import type { GraphView } from '../shared/view-model.js';

type Box = { x: number; y: number; width: number; height: number };

/** The hook's functions; boxes are in CSS pixels relative to the page, null when not drawn. */
export interface NnlensViewHook {
  /** Box of a node by graph node index or exact name. */
  nodeBox(node: number | string): Box | null;
  /** Box of a group (collapsed box or expanded frame) by group id. */
  groupBox(groupId: string): (Box & { expanded: boolean }) | null;
  /** Op nodes drawn in the current layout, in drawing order. */
  drawnNodes(): { index: number; name: string; op: string }[];
  /** Group ids in the current layout. */
  groups(): { id: string; expanded: boolean; nodeCount: number }[];
  viewport(): Viewport;
  setViewport(v: Viewport): void;
  fit(): void;
  animating(): boolean;
}

declare global {
  interface Window {
    __nnlensView?: NnlensViewHook;
  }
}

/** Installs the hook for one canvas; returns the uninstaller. */
export function installViewHook(
  canvas: GraphCanvas,
  el: HTMLCanvasElement,
  scene: () => Scene | null,
  graph: () => GraphView | null,
): () => void {
  const page = (b: Box): Box => {
    const r = el.getBoundingClientRect();
    return { x: b.x + r.left, y: b.y + r.top, width: b.width, height: b.height };
  };
  const hook: NnlensViewHook = {
    nodeBox(node) {
      const sc = scene();
      if (!sc) return null;
      const index =
        typeof node === 'number' ? node : (graph()?.nodes.findIndex((n) => n.name === node) ?? -1);
      const i = sc.nodeByGraphIndex.get(index);
      if (i === undefined) return null;
      const n = sc.nodes[i]!;
      return page(canvas.toScreen(n.x, n.y, n.w, n.h));
    },
    groupBox(groupId) {
      const g = scene()?.groups.find((x) => x.groupId === groupId);
      return g ? { ...page(canvas.toScreen(g.x, g.y, g.w, g.h)), expanded: g.expanded } : null;
    },
    drawnNodes() {
      const g = graph();
      const sc = scene();
      if (!g || !sc) return [];
      return sc.nodes
        .filter((n) => n.nodeIndex >= 0)
        .map((n) => ({ index: n.nodeIndex, name: g.nodes[n.nodeIndex]!.name, op: g.nodes[n.nodeIndex]!.op }));
    },
    groups: () =>
      scene()?.groups.map((g) => ({ id: g.groupId, expanded: g.expanded, nodeCount: g.nodeCount })) ?? [],
    viewport: () => canvas.viewport(),
    setViewport: (v) => canvas.setViewport(v),
    fit: () => canvas.fit(false),
    animating: () => canvas.animating(),
  };
  window.__nnlensView = hook;
  return () => {
    if (window.__nnlensView === hook) delete window.__nnlensView;
  };
}
