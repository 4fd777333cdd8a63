/** Caffe errors: every message starts with 'Caffe:' and names the line/column (text) or byte offset (binary). */
import { ModelFormatError } from '../errors.js';

/** A position in a prototxt (1-based line and column) or in a binary file (byte offset). */
export interface Where {
  line?: number;
  column?: number;
  offset?: number;
}

/** 'line 3, column 7' / 'byte 120' / '' — the human part of a location. */
export function describeWhere(where: Where | undefined): string {
  if (!where) return '';
  if (where.line !== undefined) return `line ${where.line}, column ${where.column ?? 0}`;
  if (where.offset !== undefined) return `byte ${where.offset}`;
  return '';
}

/** A ModelFormatError of the Caffe importer, located when a position is known. */
export function caffeError(message: string, where?: Where, cause?: unknown): ModelFormatError {
  const at = describeWhere(where);
  const text = at ? `Caffe: ${at}: ${message}` : `Caffe: ${message}`;
  const loc: { offset?: number; cause?: unknown } = {};
  if (where?.offset !== undefined) loc.offset = where.offset;
  if (cause !== undefined) loc.cause = cause;
  return new ModelFormatError('caffe', text, loc);
}
