/** A collapsible dashboard section: tags sharing a prefix, in a grid of cards. */
import { type ReactNode, useState } from 'react';
import { ChevronIcon } from './icons.js';

const KEY = 'nnlens.training.collapsed';

function loadCollapsed(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

/** A section with a header that folds it; folded sections are remembered per dashboard and prefix. */
export function Section({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count: number;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(() => !loadCollapsed().has(id));
  const toggle = () => {
    const all = loadCollapsed();
    if (open) all.add(id);
    else all.delete(id);
    try {
      localStorage.setItem(KEY, JSON.stringify([...all]));
    } catch {
      // Not remembered; the section still folds.
    }
    setOpen(!open);
  };
  return (
    <section className="tag-section">
      <button className="section-head" aria-expanded={open} onClick={toggle}>
        <ChevronIcon open={open} />
        <span className="section-title">{title}</span>
        <span className="section-count">{count}</span>
      </button>
      {open && <div className="card-grid">{children}</div>}
    </section>
  );
}
