/** Builds SVG path data with every coordinate rounded, so output is stable. */
import { num } from './element.js';

/** Chainable path-data builder: `path().M(0, 0).L(10, 0).Z().d`. */
export class PathBuilder {
  private parts: string[] = [];

  private cmd(c: string, ...xs: number[]): this {
    this.parts.push(c + xs.map(num).join(','));
    return this;
  }
  M(x: number, y: number): this {
    return this.cmd('M', x, y);
  }
  L(x: number, y: number): this {
    return this.cmd('L', x, y);
  }
  Q(cx: number, cy: number, x: number, y: number): this {
    return this.cmd('Q', cx, cy, x, y);
  }
  C(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): this {
    return this.cmd('C', c1x, c1y, c2x, c2y, x, y);
  }
  A(r: number, sweep: 0 | 1, x: number, y: number): this {
    this.parts.push(`A${num(r)},${num(r)},0,0,${sweep},${num(x)},${num(y)}`);
    return this;
  }
  Z(): this {
    this.parts.push('Z');
    return this;
  }
  /** The path data. */
  get d(): string {
    return this.parts.join('');
  }
}

/** A new path-data builder. */
export function path(): PathBuilder {
  return new PathBuilder();
}

/** A closed polygon through `points` ([x, y] pairs). */
export function polygon(points: readonly (readonly [number, number])[]): string {
  const p = path();
  points.forEach(([x, y], i) => (i === 0 ? p.M(x, y) : p.L(x, y)));
  return p.Z().d;
}

/** A polyline x0,y0,x1,y1,… with corners rounded by radius `r` (0 = sharp). */
export function roundedPolyline(points: readonly number[], r: number): string {
  const p = path().M(points[0]!, points[1]!);
  const n = points.length / 2;
  for (let i = 1; i < n - 1; i++) {
    const [px, py] = [points[2 * i - 2]!, points[2 * i - 1]!];
    const [x, y] = [points[2 * i]!, points[2 * i + 1]!];
    const [nx, ny] = [points[2 * i + 2]!, points[2 * i + 3]!];
    const d1 = Math.hypot(x - px, y - py);
    const d2 = Math.hypot(nx - x, ny - y);
    const k = Math.min(r, d1 / 2, d2 / 2);
    if (k < 0.5) {
      p.L(x, y);
      continue;
    }
    p.L(x - ((x - px) / d1) * k, y - ((y - py) / d1) * k);
    p.Q(x, y, x + ((nx - x) / d2) * k, y + ((ny - y) / d2) * k);
  }
  if (n > 1) p.L(points[2 * n - 2]!, points[2 * n - 1]!);
  return p.d;
}
