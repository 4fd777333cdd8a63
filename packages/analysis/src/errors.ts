/** Typed errors of the analyzer: they name the node, its op and what was wrong. */

/** A node's inputs or attributes do not allow an output shape (e.g. mismatched broadcast dims). */
export class ShapeInferenceError extends Error {
  override name = 'ShapeInferenceError';
  constructor(
    /** Name (or `#index`) of the offending node. */
    readonly node: string,
    /** Its operator type. */
    readonly op: string,
    detail: string,
  ) {
    super(`${op} node '${node}': ${detail}`);
  }
}

/** Raised by op rules with only the detail; the engine adds the node and op. */
export class RuleError extends Error {
  override name = 'RuleError';
}
