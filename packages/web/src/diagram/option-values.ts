/** Option values as text and back, validated against their definition (for the URL and the text inputs). */
import type { OptionDef, OptionValue } from '@nnlens/diagrams/option-schema';

// The colour syntaxes the diagrams package accepts (its options.ts), so a link never carries one it rejects.
const HEX = /^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNC = /^(rgb|rgba|hsl|hsla)\(\s*[\d.%\s,/-]+\)$/i;
const NAMED = /^[a-z]{3,20}$/i;

/** Longest text option kept from a link (titles, layer names). */
const MAX_TEXT = 200;

/** True when `v` is the option's default (or an empty value standing for it). */
export function isDefault(d: OptionDef, v: OptionValue | undefined): boolean {
  if (v === undefined || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return v === d.default;
}

/** The value as URL text. */
export function formatValue(d: OptionDef, v: OptionValue): string {
  if (d.type === 'range') return JSON.stringify(v);
  if (Array.isArray(v)) return v.join(',');
  return String(v);
}

function parseNumber(d: Extract<OptionDef, { type: 'number' }>, raw: string): number | undefined {
  const n = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(n)) return undefined;
  if (d.min !== undefined && n < d.min) return undefined;
  if (d.max !== undefined && n > d.max) return undefined;
  if (d.integer && !Number.isInteger(n)) return undefined;
  return n;
}

function parseRange(raw: string): string[] | undefined {
  try {
    const v: unknown = JSON.parse(raw);
    const ok =
      Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string' && x.length <= MAX_TEXT);
    return ok ? (v as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** The value of URL text, or undefined when it is not a valid value of the option. */
export function parseValue(d: OptionDef, raw: string): OptionValue | undefined {
  switch (d.type) {
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    case 'number':
      return parseNumber(d, raw);
    case 'choice':
      return d.values.includes(raw) ? raw : undefined;
    case 'color':
      if (raw === 'none') return d.allowNone ? raw : undefined;
      return HEX.test(raw) || FUNC.test(raw) || NAMED.test(raw) ? raw : undefined;
    case 'text':
      return raw.length <= MAX_TEXT ? raw : undefined;
    case 'kinds': {
      const list = raw.split(',').filter(Boolean);
      return list.every((k) => d.values.includes(k)) ? list : undefined;
    }
    case 'indices': {
      const list = raw.split(',').filter(Boolean).map(Number);
      return list.every((n) => Number.isInteger(n) && n >= 0) ? list : undefined;
    }
    case 'range':
      return parseRange(raw);
  }
}
