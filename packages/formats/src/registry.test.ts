// openModel picks the most confident plugin and turns any plugin crash into a ModelFormatError.
import { createGraph, createModel } from '@nnlens/ir';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelFormatError, formats, openModel, type FormatPlugin } from './index.js';

const original = [...formats];
afterEach(() => formats.splice(0, formats.length, ...original));

function plugin(
  id: string,
  score: number,
  open: () => never | ReturnType<FormatPlugin['open']>,
): FormatPlugin {
  return { id, name: id.toUpperCase(), extensions: [`.${id}`], match: () => score, open };
}

describe('openModel', () => {
  it('dispatches to the highest match() score', () => {
    formats.push(plugin('low', 1, () => createModel('low', createGraph('l'))));
    formats.push(plugin('high', 50, () => createModel('high', createGraph('h'))));
    expect(openModel({ name: 'x.bin', bytes: new Uint8Array([1, 2, 3]) }).format).toBe('high');
  });

  it('wraps a crashing plugin in a ModelFormatError naming the plugin and file', () => {
    formats.push(
      plugin('boom', 99, () => {
        throw new RangeError('offset out of bounds');
      }),
    );
    const run = (): unknown => openModel({ name: 'x.boom', bytes: new Uint8Array(4) });
    expect(run).toThrow(ModelFormatError);
    expect(run).toThrow("BOOM: cannot read 'x.boom': offset out of bounds");
  });

  it('a sniffer that throws does not claim the file', () => {
    formats.push({
      ...plugin('bad', 0, () => createModel('bad', createGraph('b'))),
      match: () => {
        throw new Error('sniffer bug');
      },
    });
    expect(() => openModel({ name: 'x.txt', bytes: new TextEncoder().encode('plain text') })).toThrow(
      /not a model format nnlens reads/,
    );
  });
});
