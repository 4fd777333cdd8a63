/** React host of the canvas renderer: feeds it scenes, selection and reveal requests from the store. */
import { useEffect, useRef, useState } from 'react';
import { modelStore } from '../app/model-context.js';
import { GraphCanvas } from '../canvas/graph-canvas.js';
import type { Hit } from '../canvas/hit-test.js';
import type { Scene } from '../canvas/scene.js';
import { installViewHook } from './automation.js';
import { HoverCard, type HoverState } from './HoverCard.js';
import { recordFrame } from './readiness.js';
import type { ModelState } from './store.js';

function groupAnchor(scene: Scene, groupId: string): [number, number] | null {
  const g = scene.groups.find((x) => x.groupId === groupId);
  return g ? [g.x + g.w / 2, g.y] : null;
}

/** The canvas; `onReady` hands the renderer to the parent for toolbar actions. */
export function GraphCanvasView({
  state,
  scene,
  onReady,
}: {
  state: ModelState;
  scene: Scene | null;
  onReady: (c: GraphCanvas | null) => void;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const canvas = useRef<GraphCanvas | null>(null);
  const shown = useRef<Scene | null>(null);
  const latest = useRef({ state, scene });
  latest.current = { state, scene };
  const [hover, setHover] = useState<HoverState | null>(null);

  useEffect(() => {
    const c = new GraphCanvas(ref.current!, {
      onClick(hit: Hit) {
        const sc = latest.current.scene;
        if (!sc || !hit) return modelStore.select(null);
        if (hit.kind === 'node') {
          const n = sc.nodes[hit.index]!;
          if (n.nodeIndex >= 0) modelStore.select({ kind: 'node', index: n.nodeIndex });
          else if (n.valueIndex >= 0) modelStore.select({ kind: 'value', index: n.valueIndex });
        } else {
          void modelStore.toggleGroup(sc.groups[hit.index]!.groupId, !hit.expanded);
        }
      },
      onSceneDrawn(sc, _stats, ms) {
        modelStore.markDrawn(sc.drawnNodeCount, ms);
      },
      onFrame: recordFrame,
      onHover(hit, x, y) {
        setHover((h) => (!hit && !h?.hit ? h : { hit, x, y }));
      },
      onDoubleClick(hit: Hit) {
        const { scene: sc, state: st } = latest.current;
        if (!sc || hit?.kind !== 'node') return false;
        const index = sc.nodes[hit.index]!.nodeIndex;
        const sub = index >= 0 ? st.graph?.nodes[index]?.subgraphs[0] : undefined;
        if (!sub) return false;
        void modelStore.openGraph(sub.path);
        return true;
      },
    });
    canvas.current = c;
    onReady(c);
    const unhook = installViewHook(
      c,
      ref.current!,
      () => shown.current,
      () => latest.current.state.graph,
    );
    return () => {
      unhook();
      c.destroy();
      canvas.current = null;
      onReady(null);
    };
  }, [onReady]);

  // New layout: keep the view (re-layout) or fit (new graph), keeping the toggled group in place.
  useEffect(() => {
    const c = canvas.current;
    if (!c || !scene) return;
    const prev = shown.current;
    const anchorId = latest.current.state.anchorGroup;
    if (latest.current.state.keepView && prev) {
      const from = anchorId ? groupAnchor(prev, anchorId) : null;
      const to = anchorId ? groupAnchor(scene, anchorId) : null;
      c.setScene(scene, from && to ? { anchor: { from, to } } : {});
    } else c.setScene(scene, null);
    shown.current = scene;
  }, [scene]);

  const sel = state.selection;
  useEffect(() => {
    const c = canvas.current;
    if (!c || !scene) return;
    if (sel?.kind === 'node') {
      const i = scene.nodeByGraphIndex.get(sel.index);
      c.setSelection(i === undefined ? [] : [i]);
    } else if (sel?.kind === 'value') {
      const i = scene.nodes.findIndex((n) => n.valueIndex === sel.index && n.nodeIndex < 0);
      c.setSelection(i < 0 ? [] : [i]);
    } else c.setSelection([]);
  }, [sel, scene]);

  useEffect(() => {
    const c = canvas.current;
    if (!c || !scene || state.reveal === null) return;
    const i = scene.nodeByGraphIndex.get(state.reveal);
    if (i !== undefined) {
      const n = scene.nodes[i]!;
      c.reveal(n.x, n.y, n.w, n.h);
    }
    modelStore.revealDone();
  }, [state.reveal, scene]);

  const graph = state.graph;
  return (
    <>
      <canvas
        ref={ref}
        className="graph-canvas"
        data-testid="graph-canvas"
        role="img"
        aria-label={`Graph ${graph?.name ?? ''}: ${scene?.drawnNodeCount ?? 0} nodes drawn`}
      />
      {scene && graph && <HoverCard hover={hover} scene={scene} graph={graph} />}
    </>
  );
}
