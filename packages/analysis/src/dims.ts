/** Dimension arithmetic that keeps symbolic sizes exact when it can ('batch', '2*batch') and opaque when not. */
import type { Dim } from '@nnlens/ir';

/** A product `coef * sym1 * sym2 …`; symbols sorted so equal products print equally. */
interface Monomial {
  coef: number;
  syms: string[];
}

// Names with brackets or operators are expressions we built ourselves: treat them as one opaque factor.
const OPAQUE = /[()+\-/]/;

function toMonomial(d: number | string): Monomial {
  if (typeof d === 'number') return { coef: d, syms: [] };
  if (OPAQUE.test(d)) return { coef: 1, syms: [d] };
  let coef = 1;
  const syms: string[] = [];
  for (const part of d.split('*')) {
    const n = Number(part);
    if (part !== '' && Number.isFinite(n)) coef *= n;
    else syms.push(part);
  }
  return { coef, syms: syms.sort() };
}

function fromMonomial(m: Monomial): Dim {
  if (m.syms.length === 0 || m.coef === 0) return m.coef;
  const body = m.syms.join('*');
  return m.coef === 1 ? body : `${m.coef}*${body}`;
}

/** a × b; null when either is unknown. */
export function dimMul(a: Dim, b: Dim): Dim {
  if (a === null || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') return a * b;
  const x = toMonomial(a);
  const y = toMonomial(b);
  return fromMonomial({ coef: x.coef * y.coef, syms: [...x.syms, ...y.syms].sort() });
}

/** Exact a ÷ b (e.g. Reshape's -1); null when the quotient is not a whole product. */
export function dimDivExact(a: Dim, b: Dim): Dim {
  if (a === null || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') {
    return b !== 0 && a % b === 0 ? a / b : null;
  }
  const x = toMonomial(a);
  const y = toMonomial(b);
  if (y.coef === 0 || x.coef % y.coef !== 0) return null;
  const rest = x.syms.slice();
  for (const s of y.syms) {
    const i = rest.indexOf(s);
    if (i < 0) return null;
    rest.splice(i, 1);
  }
  return fromMonomial({ coef: x.coef / y.coef, syms: rest });
}

/** Integer (floor) a ÷ b; symbolic results become an opaque expression. */
export function dimFloorDiv(a: Dim, b: Dim): Dim {
  if (a === null || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') return b === 0 ? null : Math.floor(a / b);
  if (b === 1) return a;
  return dimDivExact(a, b) ?? `(${a}/${b})`;
}

/** a + b; a symbolic sum becomes an opaque expression. */
export function dimAdd(a: Dim, b: Dim): Dim {
  if (a === null || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (b === 0) return a;
  if (a === 0) return b;
  return `(${a}+${b})`;
}

/** a − b; equal symbols cancel. */
export function dimSub(a: Dim, b: Dim): Dim {
  if (a === null || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a === b) return 0;
  if (b === 0) return a;
  return `(${a}-${b})`;
}

/** Product of all dims (1 for a scalar). */
export function dimProduct(dims: readonly Dim[]): Dim {
  let p: Dim = 1;
  for (const d of dims) p = dimMul(p, d);
  return p;
}

/** Numeric value of a dim for costs: symbols from `symbols`, unknown symbols count as 1, unknown dims as null. */
export function dimValue(d: Dim, symbols: Record<string, number> = {}): number | null {
  if (d === null) return null;
  if (typeof d === 'number') return d;
  const direct = symbols[d];
  if (direct !== undefined) return direct;
  const m = toMonomial(d);
  let v = m.coef;
  for (const s of m.syms) v *= symbols[s] ?? 1;
  return v;
}

/** True when the dim is a concrete size or a symbol (anything but null). */
export function isKnownDim(d: Dim): d is number | string {
  return d !== null;
}
