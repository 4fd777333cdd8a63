/** Integration points and weights for Integrated Gradients (captum's riemann_* and gausslegendre). */

/** The IG integration rules captum offers. */
export type IgMethod =
  'riemann_right' | 'riemann_left' | 'riemann_middle' | 'riemann_trapezoid' | 'gausslegendre';

/** n-point Gauss–Legendre nodes and weights on [−1, 1] (Newton on P_n, like numpy.polynomial.legendre.leggauss). */
export function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k];
      dp = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    // Ascending order, as numpy returns them.
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = weights[n - 1 - i] = 2 / ((1 - x * x) * dp * dp);
  }
  if (n % 2 === 1) nodes[(n - 1) / 2] = 0;
  return { nodes, weights };
}

/** Points α_k in [0, 1] and weights for an n-step rule (captum's approximation_parameters). */
export function igSteps(method: IgMethod, n: number): { alphas: number[]; weights: number[] } {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`IG steps must be a positive integer, got ${n}`);
  const lin = (a: number, b: number): number[] =>
    Array.from({ length: n }, (_, k) => (n === 1 ? a : a + ((b - a) * k) / (n - 1)));
  switch (method) {
    case 'riemann_right':
      return {
        alphas: Array.from({ length: n }, (_, k) => (k + 1) / n),
        weights: new Array<number>(n).fill(1 / n),
      };
    case 'riemann_left':
      return { alphas: lin(0, 1 - 1 / n), weights: new Array<number>(n).fill(1 / n) };
    case 'riemann_middle':
      return { alphas: lin(1 / (2 * n), 1 - 1 / (2 * n)), weights: new Array<number>(n).fill(1 / n) };
    case 'riemann_trapezoid': {
      // captum halves the end weights of 1/n (so they sum to 1 − 1/n): kept for compatibility.
      const weights = new Array<number>(n).fill(1 / n);
      weights[0] = weights[n - 1] = 1 / (2 * n);
      return { alphas: lin(0, 1), weights };
    }
    case 'gausslegendre': {
      const { nodes, weights } = gaussLegendre(n);
      return {
        alphas: Array.from(nodes, (x) => 0.5 * (1 + x)),
        weights: Array.from(weights, (w) => 0.5 * w),
      };
    }
  }
}
