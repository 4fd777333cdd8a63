import { describe, expect, it } from 'vitest';
import { BOX_BUDGET, defaultExpanded, type ExpandableGroup } from './default-expanded.js';

let next = 0;
function group(
  id: string,
  nodes: number,
  children: ExpandableGroup[] = [],
  signature?: string,
): ExpandableGroup {
  const g: ExpandableGroup = { id, children, nodes: Array.from({ length: nodes }, () => next++) };
  if (signature) g.repeat = { signature };
  return g;
}

describe('defaultExpanded', () => {
  it('expands everything in a small graph', () => {
    const root = group('', 2, [group('a', 10, [group('a/b', 5)])]);
    expect([...defaultExpanded(root, () => false)].sort()).toEqual(['', 'a', 'a/b']);
  });
  it('opens a big graph breadth-first within the box budget, repeats all or none', () => {
    const layers = Array.from({ length: 24 }, (_, i) => group(`enc/l${i}`, 80, [], 'layer'));
    const root = group('', 2, [group('enc', 0, layers), group('head', 3)]);
    const open = defaultExpanded(root, () => false);
    expect(open.has('enc')).toBe(true);
    expect(open.has('head')).toBe(true);
    expect(layers.some((l) => open.has(l.id))).toBe(false);
    expect(BOX_BUDGET).toBeLessThan(24 * 80);
  });
  it('does not count hidden nodes', () => {
    const root = group('', 0, [group('big', 1000)]);
    expect(defaultExpanded(root, () => true).has('big')).toBe(true);
  });
});
