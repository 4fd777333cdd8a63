/** State shared while one ONNX file is mapped to the IR: the warning list and string decoding. */

/** Per-import state. */
export interface ImportContext {
  warnings: string[];
  /** Cap on repeated warnings of one kind, so a broken file cannot flood the list. */
  warnCounts: Map<string, number>;
  /** Tensors given an 'external' storage so far (lets the importer skip looking for them). */
  externalTensors: number;
}

const MAX_PER_KIND = 20;

/** A fresh context. */
export function createContext(): ImportContext {
  return { warnings: [], warnCounts: new Map(), externalTensors: 0 };
}

/** Adds a warning; after MAX_PER_KIND of one kind, adds one summary line and drops the rest. */
export function warn(ctx: ImportContext, kind: string, message: string): void {
  const n = (ctx.warnCounts.get(kind) ?? 0) + 1;
  ctx.warnCounts.set(kind, n);
  if (n <= MAX_PER_KIND) ctx.warnings.push(message);
  else if (n === MAX_PER_KIND + 1) ctx.warnings.push(`ONNX: further '${kind}' warnings omitted`);
}

const lenient = new TextDecoder('utf-8');

/** Bytes fields that hold text (attribute strings, string tensors): decoded leniently. */
export function text(bytes: Uint8Array): string {
  return lenient.decode(bytes);
}
