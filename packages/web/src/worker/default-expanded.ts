/** Chooses which groups start expanded: everything for small graphs, else breadth-first within a box budget. */

/** The part of a scope group this choice needs (matches @nnlens/layout's ScopeGroup). */
export interface ExpandableGroup {
  id: string;
  children: ExpandableGroup[];
  nodes: number[];
  /** Groups of one run of identical siblings share a signature and open or stay closed together. */
  repeat?: { signature: string };
}

/** Graphs with at most this many visible nodes open fully expanded. */
export const EXPAND_ALL_LIMIT = 400;
/** Otherwise groups open breadth-first while the view holds at most this many boxes. */
export const BOX_BUDGET = 160;

function allGroups(root: ExpandableGroup): ExpandableGroup[] {
  const out: ExpandableGroup[] = [];
  const stack = [root];
  while (stack.length) {
    const g = stack.pop()!;
    out.push(g);
    for (const c of g.children) stack.push(c);
  }
  return out;
}

/**
 * The ids of the groups to expand (the root included). A group is opened when doing so keeps the number of
 * drawn boxes within the budget; a group with a single child is free to open and always is.
 */
export function defaultExpanded(root: ExpandableGroup, isHidden: (node: number) => boolean): Set<string> {
  const visible = (g: ExpandableGroup): number => g.nodes.reduce((n, i) => n + (isHidden(i) ? 0 : 1), 0);
  const groups = allGroups(root);
  const total = groups.reduce((n, g) => n + visible(g), 0);
  if (total <= EXPAND_ALL_LIMIT) return new Set(groups.map((g) => g.id));

  const expanded = new Set<string>([root.id]);
  let boxes = visible(root) + root.children.length;
  const queue = [...root.children];
  const done = new Set<ExpandableGroup>();
  for (let head = 0; head < queue.length; head++) {
    const g = queue[head]!;
    if (done.has(g)) continue;
    const sig = g.repeat?.signature;
    const run = sig ? queue.slice(head).filter((q) => q.repeat?.signature === sig && !done.has(q)) : [g];
    for (const r of run) done.add(r);
    const cost = run.reduce((n, r) => n + visible(r) + r.children.length - 1, 0);
    if (cost > 0 && boxes + cost > BOX_BUDGET) continue;
    for (const r of run) {
      expanded.add(r.id);
      queue.push(...r.children);
    }
    boxes += cost;
  }
  return expanded;
}
