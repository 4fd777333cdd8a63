import { describe, expect, it } from 'vitest';
import { offsetOf, problemText } from './spec-location.js';

describe('spec error locations', () => {
  const text = 'title: x\nlayers:\n  - { type: conv, kernel: five }\n';

  it('finds the offset of a line and column', () => {
    expect(text.slice(offsetOf(text, 3, 27), offsetOf(text, 3, 31))).toBe('five');
    expect(offsetOf(text, 1, 1)).toBe(0);
  });

  it('clamps past the end of a line or of the text', () => {
    expect(offsetOf(text, 1, 99)).toBe('title: x'.length);
    expect(offsetOf(text, 40, 1)).toBe(text.length);
  });

  it('strips the file:line:col prefix and the field', () => {
    expect(problemText('spec.yaml:3:27: layers[0].kernel: expected an integer', 'layers[0].kernel')).toBe(
      'expected an integer',
    );
    expect(problemText('spec.json: unexpected end of input')).toBe('unexpected end of input');
  });
});
