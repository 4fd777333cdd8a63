/** The typed error of the layout package. */

/** Thrown when layout input is inconsistent; the message names the offending node or edge. */
export class LayoutError extends Error {
  override name = 'LayoutError';
}
