/** Stable run colours: a run's colour is a hash of its name, so it never changes when runs come and go. */

/**
 * 16 colours: the first 8 are hues nobody confuses on a chart (blue, orange, green, red, purple, cyan,
 * pink, brown); the next 8 are used only once those are taken.
 */
export const PALETTE = [
  '#2563eb', // blue
  '#ea580c', // orange
  '#16a34a', // green
  '#dc2626', // red
  '#9333ea', // purple
  '#0891b2', // cyan
  '#db2777', // pink
  '#854d0e', // brown
  '#65a30d', // lime
  '#475569', // slate
  '#ca8a04', // gold
  '#0f766e', // teal
  '#4f46e5', // indigo
  '#be123c', // rose
  '#0369a1', // sky
  '#7e22ce', // violet
] as const;

const PRIMARY = 8;

/** FNV-1a (32-bit) of a string's UTF-16 code units: fast, well spread for short names. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const assigned = new Map<string, string>();

/**
 * Assigns colours to runs in the order given (the server lists runs by name): each run takes the
 * primary colour its name hashes to, or the next free one (then the secondary colours), so runs never
 * share a colour while there are at most 16. A run keeps its colour for the whole session (filtering, hiding and new
 * runs never repaint it), and the same log dir gets the same colours on every load.
 */
export function assignRunColors(runs: string[]): void {
  const used = new Set(assigned.values());
  const free = (from: number, size: number, base: number): string | null => {
    for (let k = 0; k < size; k++) {
      const c = PALETTE[base + ((from + k) % size)]!;
      if (!used.has(c)) return c;
    }
    return null;
  };
  for (const run of runs) {
    if (assigned.has(run)) continue;
    const h = hashString(run);
    const color =
      free(h % PRIMARY, PRIMARY, 0) ??
      free(h % (PALETTE.length - PRIMARY), PALETTE.length - PRIMARY, PRIMARY) ??
      PALETTE[h % PALETTE.length]!;
    used.add(color);
    assigned.set(run, color);
  }
}

/** The colour of a run (assigned on first use when assignRunColors has not seen it). */
export function runColor(run: string): string {
  if (!assigned.has(run)) assignRunColors([run]);
  return assigned.get(run)!;
}

/** Forgets assignments (tests). */
export function resetRunColors(): void {
  assigned.clear();
}

/** `#rrggbb` with an alpha, as rgba(). */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
