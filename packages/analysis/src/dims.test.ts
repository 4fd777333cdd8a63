import { describe, expect, it } from 'vitest';
import { dimAdd, dimDivExact, dimFloorDiv, dimMul, dimProduct, dimSub, dimValue } from './dims.js';

describe('symbolic dims', () => {
  it('multiplies and divides monomials exactly', () => {
    expect(dimMul('batch', 3)).toBe('3*batch');
    expect(dimMul('3*batch', 'seq')).toBe('3*batch*seq');
    expect(dimProduct(['batch', 16, 5, 5])).toBe('400*batch');
    expect(dimDivExact('400*batch', 'batch')).toBe(400);
    expect(dimDivExact('400*batch', 16)).toBe('25*batch');
    expect(dimDivExact('400*batch', 'seq')).toBeNull();
    expect(dimDivExact(10, 4)).toBeNull();
  });

  it('turns sums and inexact quotients into opaque expressions, cancels equal terms', () => {
    expect(dimAdd('n', 1)).toBe('(n+1)');
    expect(dimSub('n', 'n')).toBe(0);
    expect(dimFloorDiv('n', 2)).toBe('(n/2)');
    expect(dimMul('(n+1)', 2)).toBe('2*(n+1)');
  });

  it('evaluates dims for costs with symbol values (unknown symbols = 1)', () => {
    expect(dimValue('3*batch', { batch: 4 })).toBe(12);
    expect(dimValue('batch')).toBe(1);
    expect(dimValue(null)).toBeNull();
  });
});
