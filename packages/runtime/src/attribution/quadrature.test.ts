/** Tests of the IG integration rules. */
import { describe, expect, it } from 'vitest';
import { gaussLegendre, igSteps } from './quadrature.js';

describe('IG quadrature', () => {
  it('Gauss–Legendre integrates polynomials up to degree 2n−1 exactly', () => {
    const { nodes, weights } = gaussLegendre(5);
    for (let deg = 0; deg <= 9; deg++) {
      let s = 0;
      nodes.forEach((x, i) => (s += weights[i]! * x ** deg));
      expect(s).toBeCloseTo(deg % 2 ? 0 : 2 / (deg + 1), 13);
    }
  });

  it('the 50-point rule has numpy.leggauss-like ascending nodes and weights summing to 1 on [0, 1]', () => {
    const { alphas, weights } = igSteps('gausslegendre', 50);
    expect(alphas).toHaveLength(50);
    for (let i = 1; i < 50; i++) expect(alphas[i]!).toBeGreaterThan(alphas[i - 1]!);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 13);
    // numpy.polynomial.legendre.leggauss(50)[0][0] = -0.9988664044200710
    expect(2 * alphas[0]! - 1).toBeCloseTo(-0.998866404420071, 13);
  });

  it('Riemann rules place points like captum', () => {
    expect(igSteps('riemann_right', 4).alphas).toEqual([0.25, 0.5, 0.75, 1]);
    expect(igSteps('riemann_left', 4).alphas).toEqual([0, 0.25, 0.5, 0.75]);
    expect(igSteps('riemann_middle', 2).alphas).toEqual([0.25, 0.75]);
    const t = igSteps('riemann_trapezoid', 3);
    expect(t.alphas).toEqual([0, 0.5, 1]);
    expect(t.weights).toEqual([1 / 6, 1 / 3, 1 / 6]);
    expect(() => igSteps('riemann_right', 0)).toThrow(RangeError);
  });
});
