/** Size scales shared by the styles: linear, square-root and log, fitted so the largest value gets `max` px. */

/** How sizes grow with the number they show. */
export type Scaling = 'linear' | 'sqrt' | 'log';

/** A size function `n → px`, never below `min`. */
export function sizeScale(mode: Scaling, largest: number, max: number, min = 4): (n: number) => number {
  const f =
    mode === 'linear' ? (n: number) => n : mode === 'sqrt' ? Math.sqrt : (n: number) => Math.log(n + 1);
  const k = max / Math.max(f(Math.max(1, largest)), 1e-9);
  return (n: number) => Math.max(min, f(Math.max(0, n)) * k);
}

/** A small deterministic generator (LCG) in [0, 1): NN-SVG's random filter positions, but repeatable. */
export function seededRandom(seed: number): () => number {
  let s = (Math.floor(seed) >>> 0) ^ 0x9e3779b9;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Thousands separators in a plain ASCII form ('25,088'). */
export function group3(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A dim for labels: '?' for unknown. */
export function dimText(d: number): string {
  return d < 0 ? '?' : String(d);
}
