/** Log dir specs: names, URL schemes, Windows drives, run naming. */
import { describe, expect, it } from 'vitest';
import { parseLogdirSpec, runName } from './logdir-spec.js';

describe('parseLogdirSpec', () => {
  it('reads one plain directory', () => {
    expect(parseLogdirSpec('runs/')).toEqual([{ name: null, path: 'runs/' }]);
  });
  it('reads named directories', () => {
    expect(parseLogdirSpec('base:/tmp/a, tuned:rel/b')).toEqual([
      { name: 'base', path: '/tmp/a' },
      { name: 'tuned', path: 'rel/b' },
    ]);
  });
  it('does not take URL schemes or Windows drives for names', () => {
    expect(parseLogdirSpec('gs://bucket/logs')).toEqual([{ name: null, path: 'gs://bucket/logs' }]);
    expect(parseLogdirSpec('C:\\logs', true)).toEqual([{ name: null, path: 'C:\\logs' }]);
    expect(parseLogdirSpec('C:/logs', false)).toEqual([{ name: 'C', path: '/logs' }]);
  });
  it('names several unnamed directories by their paths', () => {
    expect(parseLogdirSpec('/a,/b').map((r) => r.name)).toEqual(['/a', '/b']);
  });
});

describe('runName', () => {
  it('prefixes the root name; the root itself is "." or the name', () => {
    expect(runName({ name: null, path: 'x' }, '.')).toBe('.');
    expect(runName({ name: null, path: 'x' }, 'a/b')).toBe('a/b');
    expect(runName({ name: 'n', path: 'x' }, '.')).toBe('n');
    expect(runName({ name: 'n', path: 'x' }, 'a')).toBe('n/a');
  });
});
