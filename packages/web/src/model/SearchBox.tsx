/** The search popover: type a name, op or shape; arrows move, Enter jumps to the node. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { CATEGORY_COLORS } from '../canvas/palette.js';
import type { GraphView } from '../shared/view-model.js';
import { searchNodes } from './search.js';

/** Search over the current graph's nodes; `onPick` reveals a node. */
export function SearchBox({
  graph,
  onPick,
  onClose,
}: {
  graph: GraphView;
  onPick: (node: number) => void;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const hits = useMemo(() => searchNodes(graph, query), [graph, query]);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const pick = (i: number): void => {
    const h = hits[i];
    if (h) onPick(h.node);
  };

  return (
    <div className="search-box" role="search">
      <div className="search-input">
        <svg
          width="15"
          height="15"
          viewBox="0 0 16 16"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          aria-hidden="true"
        >
          <circle cx="7" cy="7" r="4.5" />
          <path d="M10.5 10.5L14 14" />
        </svg>
        <input
          ref={input}
          value={query}
          placeholder="Search nodes by name, op or shape (e.g. Conv, layer3, 1x256x14x14)"
          aria-label="Search nodes"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(hits.length - 1, a + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              pick(active);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              onClose();
            }
          }}
        />
        <span className="search-count">{query ? `${hits.length}${hits.length === 200 ? '+' : ''}` : ''}</span>
      </div>
      {query && (
        <ul className="search-results" ref={list} role="listbox">
          {hits.length === 0 && <li className="empty">No node matches “{query}”</li>}
          {hits.map((h, i) => {
            const n = graph.nodes[h.node]!;
            const out = n.outputs.find((o) => o >= 0);
            return (
              <li
                key={h.node}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : ''}
                onMouseEnter={() => setActive(i)}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(i);
                }}
              >
                <span className="swatch" style={{ background: CATEGORY_COLORS[n.category].solid }} />
                <span className="op">{n.op}</span>
                <span className="name mono">{n.name || `#${n.index}`}</span>
                <span className="shape mono">{out !== undefined ? graph.values[out]!.shape : ''}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
