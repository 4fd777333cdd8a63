/** The colour legend of the op categories present in the graph. */
import { useMemo, useState } from 'react';
import { CATEGORY_COLORS } from '../canvas/palette.js';
import { CATEGORY_LABELS } from '../shared/op-category.js';
import type { GraphView } from '../shared/view-model.js';

/** A small card listing the categories drawn, collapsible to a single row. */
export function Legend({ graph }: { graph: GraphView }) {
  const [open, setOpen] = useState(true);
  const present = useMemo(() => {
    const cats = new Set(graph.nodes.filter((n) => !n.hidden).map((n) => n.category));
    cats.add('io');
    return CATEGORY_LABELS.filter(([c]) => cats.has(c));
  }, [graph]);
  return (
    <div className={open ? 'legend' : 'legend closed'}>
      <button className="legend-title" onClick={() => setOpen(!open)} aria-expanded={open}>
        Legend
      </button>
      {open && (
        <ul>
          {present.map(([c, label]) => (
            <li key={c}>
              <span className="swatch" style={{ background: CATEGORY_COLORS[c].solid }} />
              {label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
