/** Counts edge crossings between adjacent layers (Barth–Jünger–Mutzel accumulator tree). */

/** Crossings between layer `upper` and the next layer, given positions of every node. */
export function crossingsBetween(
  upper: readonly number[],
  down: number[][],
  pos: Int32Array,
  lowerSize: number,
): number {
  if (upper.length < 2 || lowerSize < 2) return 0;
  // Lower endpoints of the edges, sorted by upper position then lower position.
  const ends: number[] = [];
  for (const u of upper) {
    const start = ends.length;
    for (const v of down[u]!) ends.push(pos[v]!);
    if (ends.length - start > 1) {
      const part = ends.slice(start).sort((a, b) => a - b);
      for (let i = 0; i < part.length; i++) ends[start + i] = part[i]!;
    }
  }
  let first = 1;
  while (first < lowerSize) first <<= 1;
  const tree = new Int32Array(2 * first);
  first -= 1;
  let crossings = 0;
  for (const p of ends) {
    let index = p + first;
    tree[index]!++;
    while (index > 0) {
      // A left child: everything in the right sibling ended further right, so it crosses.
      if (index % 2) crossings += tree[index + 1]!;
      index = (index - 1) >> 1;
      tree[index]!++;
    }
  }
  return crossings;
}

/** Total crossings of a layering. */
export function totalCrossings(layers: number[][], down: number[][], pos: Int32Array): number {
  let c = 0;
  for (let i = 0; i + 1 < layers.length; i++)
    c += crossingsBetween(layers[i]!, down, pos, layers[i + 1]!.length);
  return c;
}
