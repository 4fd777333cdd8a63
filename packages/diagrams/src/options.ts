/** Option normalisation: every loose user option becomes a canonical value or a precise error. */

/** A bad option value, naming the option, the value and what was expected. */
export class DiagramOptionError extends Error {
  override name = 'DiagramOptionError';
  constructor(
    readonly option: string,
    readonly value: unknown,
    expected: string,
  ) {
    super(`invalid ${option}: ${JSON.stringify(value)} (expected ${expected})`);
  }
}

/** One of the allowed keywords (case-insensitive); `fallback` when undefined. */
export function keyword<T extends string>(
  input: unknown,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (input === undefined) return fallback;
  const s = String(input).toLowerCase();
  const hit = allowed.find((a) => a.toLowerCase() === s);
  if (hit === undefined || typeof input !== 'string') {
    throw new DiagramOptionError(name, input, `one of ${allowed.join(', ')}`);
  }
  return hit;
}

/** A finite number within [min, max] (numeric strings accepted, as from a command line). */
export function numberIn(
  input: unknown,
  name: string,
  fallback: number,
  range: { min?: number; max?: number; integer?: boolean } = {},
): number {
  if (input === undefined) return fallback;
  const n = typeof input === 'string' && input.trim() !== '' ? Number(input) : input;
  const { min = -Infinity, max = Infinity, integer = false } = range;
  const what = `${integer ? 'an integer' : 'a number'}${Number.isFinite(min) ? ` ≥ ${min}` : ''}${Number.isFinite(max) ? ` ≤ ${max}` : ''}`;
  if (
    typeof n !== 'number' ||
    !Number.isFinite(n) ||
    n < min ||
    n > max ||
    (integer && !Number.isInteger(n))
  ) {
    throw new DiagramOptionError(name, input, what);
  }
  return n;
}

/** A boolean (also 'true'/'false'/'yes'/'no'/'1'/'0' strings). */
export function bool(input: unknown, name: string, fallback: boolean): boolean {
  if (input === undefined) return fallback;
  if (typeof input === 'boolean') return input;
  const s = String(input).toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(s)) return true;
  if (['false', 'no', '0', 'off'].includes(s)) return false;
  throw new DiagramOptionError(name, input, 'true or false');
}

const NAMED = /^(none|transparent|currentColor|[a-z]{3,20})$/i;
const HEX = /^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNC = /^(rgb|rgba|hsl|hsla)\(\s*[\d.%\s,/-]+\)$/i;

/** A CSS colour that SVG renderers understand (hex, rgb()/hsl(), or a named colour). */
export function color(input: unknown, name: string, fallback: string): string {
  if (input === undefined) return fallback;
  if (typeof input === 'string' && (HEX.test(input) || FUNC.test(input) || NAMED.test(input))) return input;
  throw new DiagramOptionError(name, input, 'a colour such as #a0a0a0, rgb(1,2,3) or steelblue');
}

/** Throws for option keys a style does not know (typos would otherwise be silently ignored). */
export function rejectUnknown(options: object, known: readonly string[], style: string): void {
  for (const k of Object.keys(options)) {
    if ((options as Record<string, unknown>)[k] === undefined) continue;
    if (!known.includes(k)) {
      const near = closest(k, known);
      throw new DiagramOptionError(
        k,
        (options as Record<string, unknown>)[k],
        `an option of style '${style}'${near ? `; did you mean '${near}'?` : ''} Known: ${known.join(', ')}`,
      );
    }
  }
}

/** The known name a typo most likely meant (same letters ignoring case, or at most two edits away). */
export function closest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: { k: string; d: number } | undefined;
  for (const k of known) {
    const d = k.toLowerCase() === lower ? 0 : editDistance(k.toLowerCase(), lower);
    if (d <= 2 && (!best || d < best.d)) best = { k, d };
  }
  return best?.k;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
