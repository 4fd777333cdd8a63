/**
 * Diagram settings in the URL hash (`#style=lenet&mapSpacing=8&src=spec&ex=lenet5`), so a figure can be shared.
 * The model itself is the app's `?url=` query parameter; the hash holds only what the Diagram page adds.
 */
import { OPTION_SCHEMA, STYLE_NAMES, type StyleName } from '@nnlens/diagrams/option-schema';
import { exampleById } from './examples.js';
import { formatValue, isDefault, parseValue } from './option-values.js';
import { SHARED_KEYS, valuesOf, type DiagramSettings, type OptionValues } from './settings.js';

/** Hash keys that are not options (no option of any style has these names). */
export const RESERVED = ['style', 'src', 'ex', 'spec'] as const;

/** UTF-8 text as base64url (no padding). */
export function toBase64Url(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url back to text; null when it is not valid base64url of UTF-8. */
export function fromBase64Url(s: string): string | null {
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The hash (without '#') for the settings: the style, its non-default options and, for specs, the spec. */
export function encodeHash(s: DiagramSettings): string {
  const p = new URLSearchParams();
  p.set('style', s.style);
  const values = valuesOf(s);
  for (const d of OPTION_SCHEMA[s.style]) {
    const v = values[d.key];
    if (v !== undefined && !isDefault(d, v)) p.set(d.key, formatValue(d, v));
  }
  if (s.source === 'spec') {
    p.set('src', 'spec');
    if (s.spec.example && exampleById(s.spec.example)?.text === s.spec.text) p.set('ex', s.spec.example);
    else p.set('spec', toBase64Url(s.spec.text));
  }
  return p.toString();
}

/** Settings restored from a hash over `base`; `ignored` lists the entries that were not valid. */
export function decodeHash(
  hash: string,
  base: DiagramSettings,
): { settings: DiagramSettings; ignored: string[] } {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const ignored: string[] = [];
  const styleText = p.get('style');
  const style = STYLE_NAMES.find((n) => n === styleText);
  if (styleText !== null && !style) ignored.push('style');
  const s: DiagramSettings = { ...base, style: style ?? base.style, shared: {}, perStyle: {} };
  const own: OptionValues = {};
  for (const [key, raw] of p) {
    if ((RESERVED as readonly string[]).includes(key)) continue;
    const d = OPTION_SCHEMA[s.style as StyleName].find((x) => x.key === key);
    const v = d ? parseValue(d, raw) : undefined;
    if (v === undefined) ignored.push(key);
    else if (SHARED_KEYS.has(key)) s.shared[key] = v;
    else own[key] = v;
  }
  s.perStyle[s.style] = own;
  if (p.get('src') === 'spec') {
    const example = exampleById(p.get('ex'));
    const text = p.has('spec') ? fromBase64Url(p.get('spec')!) : (example?.text ?? null);
    if (text === null) ignored.push(p.has('spec') ? 'spec' : 'ex');
    s.source = 'spec';
    if (text !== null) s.spec = { text, example: p.has('spec') ? null : (example?.id ?? null) };
  } else {
    s.source = 'model';
  }
  return { settings: s, ignored };
}
