import { describe, expect, it } from 'vitest';
import { isPlainFileName } from './safe-path.js';

describe('isPlainFileName', () => {
  it('accepts ordinary names', () => {
    for (const n of ['model.onnx.data', 'weights.bin', '.hidden', 'a b.data'])
      expect(isPlainFileName(n), n).toBe(true);
  });
  it('rejects separators, dots, absolute and drive paths', () => {
    for (const n of [
      '',
      '.',
      '..',
      '../x',
      'a/b',
      'a\\b',
      '/etc/passwd',
      'C:\\x',
      'C:x',
      'a\0b',
      'x'.repeat(256),
    ]) {
      expect(isPlainFileName(n), n).toBe(false);
    }
  });
});
