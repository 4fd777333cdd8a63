/** Typed readers of spec fields: each returns a clean value or throws a SpecError naming the field and line. */
import { closest } from '../options.js';
import type { ParsedSpec } from './parse-spec.js';
import { SpecError } from './spec-error.js';

/** A field path such as ['layers', 3, 'kernel'] as text: `layers[3].kernel`. */
export function pathText(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

/** Readers bound to one parsed spec. */
export class Fields {
  constructor(readonly spec: ParsedSpec) {}

  /** Throws a SpecError at `path`. */
  fail(path: (string | number)[], problem: string): never {
    throw new SpecError(this.spec.file, pathText(path), problem, this.spec.locate(path));
  }

  /** A plain object, or a failure. */
  object(v: unknown, path: (string | number)[]): Record<string, unknown> {
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      this.fail(path, `expected a mapping of fields, got ${show(v)}`);
    return v as Record<string, unknown>;
  }

  /** Rejects keys outside `known`, suggesting the closest one. */
  known(obj: Record<string, unknown>, path: (string | number)[], known: readonly string[]): void {
    for (const k of Object.keys(obj)) {
      if (known.includes(k)) continue;
      const near = closest(k, known);
      this.fail(
        [...path, k],
        `unknown field '${k}'${near ? ` (did you mean '${near}'?)` : ''}; known fields: ${known.join(', ')}`,
      );
    }
  }

  /** A string, or undefined when absent. */
  string(v: unknown, path: (string | number)[]): string | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v === '') this.fail(path, `expected text, got ${show(v)}`);
    return v;
  }

  /** A positive integer, or undefined when absent. */
  positive(v: unknown, path: (string | number)[]): number | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
      this.fail(path, `expected a positive integer, got ${show(v)}`);
    return v;
  }

  /** A non-negative number, or undefined. */
  number(v: unknown, path: (string | number)[]): number | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      this.fail(path, `expected a number ≥ 0, got ${show(v)}`);
    return v;
  }

  /** An integer or an [h, w] pair of positive integers, or undefined. */
  pair(v: unknown, path: (string | number)[]): [number, number] | undefined {
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return [v, v];
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      v.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 1)
    )
      return [v[0], v[1]];
    this.fail(path, `expected a positive integer or [height, width], got ${show(v)}`);
  }

  /** A shape: 1 to 3 positive integers ([C, H, W], [N] or [L, D]), or undefined. */
  shape(v: unknown, path: (string | number)[]): number[] | undefined {
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.length < 1 || v.length > 3)
      this.fail(path, `expected [channels, height, width], [units] or [length, width], got ${show(v)}`);
    (v as unknown[]).forEach((x, i) => {
      if (typeof x !== 'number' || !Number.isInteger(x) || x < 1)
        this.fail([...path, i], `expected a positive integer, got ${show(x)}`);
    });
    return v as number[];
  }

  /** A boolean, or undefined. */
  bool(v: unknown, path: (string | number)[]): boolean | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') this.fail(path, `expected true or false, got ${show(v)}`);
    return v;
  }
}

/** A value as a reader would write it in the spec. */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}
