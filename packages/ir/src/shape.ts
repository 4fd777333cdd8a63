/** Tensor shapes: concrete sizes, symbolic names (`batch`) and unknown dimensions. */

/** One dimension: a size, a symbolic name, or null when nothing is known. */
export type Dim = number | string | null;

/** A shape: a list of dims, or null when even the rank is unknown. */
export type Shape = Dim[] | null;

/** True when every dim of the shape is a concrete number. */
export function isConcrete(shape: Shape): shape is number[] {
  return shape !== null && shape.every((d) => typeof d === 'number');
}

/** Number of elements of a concrete shape; null if any dim is symbolic or unknown. */
export function shapeSize(shape: Shape): number | null {
  if (!isConcrete(shape)) return null;
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** `[1,3,224,224]`-style text; symbolic dims by name, unknown dims as `?`, unknown rank as `?`. */
export function formatShape(shape: Shape): string {
  if (shape === null) return '?';
  return `[${shape.map((d) => (d === null ? '?' : String(d))).join(',')}]`;
}

/** Structural equality of two shapes (symbolic dims equal by name). */
export function shapesEqual(a: Shape, b: Shape): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
