/** The small card that follows the pointer over a node: op, name and output shape, readable at any zoom. */
import type { Hit } from '../canvas/hit-test.js';
import type { Scene } from '../canvas/scene.js';
import type { GraphView } from '../shared/view-model.js';

/** What the pointer is over, in canvas coordinates. */
export interface HoverState {
  hit: Hit;
  x: number;
  y: number;
}

/** Renders nothing unless the pointer is over a node or a collapsed group. */
export function HoverCard({
  hover,
  scene,
  graph,
}: {
  hover: HoverState | null;
  scene: Scene;
  graph: GraphView;
}) {
  if (!hover?.hit) return null;
  let title: string;
  let lines: string[];
  if (hover.hit.kind === 'node') {
    const n = scene.nodes[hover.hit.index];
    if (!n) return null;
    if (n.nodeIndex >= 0) {
      const node = graph.nodes[n.nodeIndex]!;
      title = node.op;
      lines = [node.name, n.lines.slice(1).join(' · ')].filter(Boolean);
    } else {
      const v = n.valueIndex >= 0 ? graph.values[n.valueIndex] : undefined;
      title = n.kind === 'input' ? 'Input' : 'Output';
      lines = [n.lines[0]!, v ? `${v.dtype}[${v.shape}]` : ''].filter(Boolean);
    }
  } else {
    const g = scene.groups[hover.hit.index];
    if (!g) return null;
    title = g.label;
    lines = [
      `${g.nodeCount} nodes${g.repeat > 1 ? ` · one of ${g.repeat} repeats` : ''}`,
      g.expanded ? 'Click the header to collapse' : 'Click to expand',
    ];
  }
  return (
    <div className="hover-card" style={{ left: hover.x + 14, top: hover.y + 14 }} role="tooltip">
      <strong>{title}</strong>
      {lines.map((l, i) => (
        <span key={i} className={i === 0 ? 'mono' : ''}>
          {l}
        </span>
      ))}
    </div>
  );
}
