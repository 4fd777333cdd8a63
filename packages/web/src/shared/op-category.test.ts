import { describe, expect, it } from 'vitest';
import { CATEGORY_LABELS, opCategory } from './op-category.js';

describe('opCategory', () => {
  it('puts common ops in their legend groups', () => {
    expect(opCategory('Conv')).toBe('conv');
    expect(opCategory('Gemm')).toBe('conv');
    expect(opCategory('BatchNormalization')).toBe('norm');
    expect(opCategory('Relu')).toBe('activation');
    expect(opCategory('MaxPool')).toBe('pool');
    expect(opCategory('Reshape')).toBe('tensor');
    expect(opCategory('Add')).toBe('elementwise');
    expect(opCategory('Loop')).toBe('control');
  });
  it('falls back to other for unknown ops and is case-sensitive like ONNX', () => {
    expect(opCategory('MyCustomOp')).toBe('other');
    expect(opCategory('conv')).toBe('other');
  });
  it('has a legend label for every category', () => {
    const cats = CATEGORY_LABELS.map(([c]) => c);
    expect(new Set(cats).size).toBe(cats.length);
    expect(cats).toContain('io');
    expect(cats).toContain('other');
  });
});
