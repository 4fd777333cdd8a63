/** Human-readable counts with three significant digits: 1814073344 → '1.81 G', 61706 → '61.7 K'. */

const UNITS = ['', ' K', ' M', ' G', ' T', ' P', ' E'];

/** Formats a count with a K/M/G/T suffix and three significant digits. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  let v = Math.abs(n);
  if (v < 1000) return sign + (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(3))));
  let u = 0;
  while (v >= 1000 && u < UNITS.length - 1) {
    v /= 1000;
    u++;
  }
  // Rounding can carry into the next unit (999.7 K → 1.00 M).
  if (Number(v.toPrecision(3)) >= 1000 && u < UNITS.length - 1) {
    v /= 1000;
    u++;
  }
  return `${sign}${v.toPrecision(3)}${UNITS[u]}`;
}
