/** What is under a world point: a node box, a collapsed group, or an expanded group's header band. */
import { GROUP_HEADER, type Scene } from './scene.js';

/** A hit. */
export type Hit =
  { kind: 'node'; index: number } | { kind: 'group'; index: number; expanded: boolean } | null;

/** The topmost thing at (wx, wy); `slop` widens boxes by a few world units. */
export function hitTest(scene: Scene, wx: number, wy: number, slop = 0): Hit {
  const inside = (x: number, y: number, w: number, h: number): boolean =>
    wx >= x - slop && wx <= x + w + slop && wy >= y - slop && wy <= y + h + slop;
  for (const ni of scene.nodeIndex.query(wx - slop, wy - slop, wx + slop, wy + slop)) {
    const n = scene.nodes[ni]!;
    if (inside(n.x, n.y, n.w, n.h)) return { kind: 'node', index: ni };
  }
  // Deepest group first: children are drawn over their parents.
  const groups = scene.groupIndex.query(wx, wy, wx, wy).sort((a, b) => b - a);
  for (const gi of groups) {
    const g = scene.groups[gi]!;
    if (!g.expanded && inside(g.x, g.y, g.w, g.h)) return { kind: 'group', index: gi, expanded: false };
    if (g.expanded && inside(g.x, g.y, g.w, GROUP_HEADER))
      return { kind: 'group', index: gi, expanded: true };
  }
  return null;
}
