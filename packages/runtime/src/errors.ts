/** Typed runtime errors: every message names the op and node (or the value) that failed. */

/** Base class of every error the runtime throws on purpose. */
export class RuntimeError extends Error {
  override name = 'RuntimeError';
}

/** The model uses an op (or an op variant) the runtime cannot execute. */
export class UnsupportedOpError extends RuntimeError {
  override name = 'UnsupportedOpError';
  /** The op type, e.g. 'NonMaxSuppression'. */
  readonly op: string;
  /** The node's name (or its index when it has none). */
  readonly node: string;

  constructor(op: string, node: string, detail = '') {
    super(`unsupported op '${op}' at node '${node}'${detail ? `: ${detail}` : ''}`);
    this.op = op;
    this.node = node;
  }
}

/** An op failed on its inputs (bad shapes, missing data); wraps the cause with the node's name. */
export class NodeExecutionError extends RuntimeError {
  override name = 'NodeExecutionError';
  /** The op type of the failing node. */
  readonly op: string;
  /** The failing node's name. */
  readonly node: string;

  constructor(op: string, node: string, message: string, options?: { cause?: unknown }) {
    super(`${op} node '${node}': ${message}`, options);
    this.op = op;
    this.node = node;
  }
}
