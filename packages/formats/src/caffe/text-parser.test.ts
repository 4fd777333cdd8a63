// The protobuf text-format parser: syntax coverage, located errors, bounded nesting.
import { describe, expect, it } from 'vitest';
import { ModelFormatError } from '../errors.js';
import { PbMessage } from './message.js';
import { MAX_TEXT_DEPTH, parseTextFormat } from './text-parser.js';

function err(src: string): ModelFormatError {
  try {
    parseTextFormat(src);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelFormatError);
    return e as ModelFormatError;
  }
  throw new Error('expected an error');
}

describe('parseTextFormat', () => {
  it('reads messages, repeated fields and both message delimiters', () => {
    const m = parseTextFormat(
      `name: "n"\nlayer { name: 'a' top: "x" top: "y" }\nlayer < name: "b" >\nlayer: { name: "c" }`,
    );
    expect(m.str('name')).toBe('n');
    expect(m.subs('layer').map((l) => l.str('name'))).toEqual(['a', 'b', 'c']);
    expect(m.subs('layer')[0]!.strs('top')).toEqual(['x', 'y']);
  });

  it('reads numbers: ints, floats, exponents, hex, signs, C float suffix, inf/nan', () => {
    const m = parseTextFormat('a: 3 b: -2.5e-3 c: .5 d: 1. e: 0x1F f: 1.5f g: -inf h: nan i: 2E+3 j: - 4');
    expect(m.num('a')).toBe(3);
    expect(m.num('b')).toBeCloseTo(-0.0025);
    expect(m.num('c')).toBe(0.5);
    expect(m.num('d')).toBe(1);
    expect(m.num('e')).toBe(31);
    expect(m.num('f')).toBe(1.5);
    expect(m.num('g')).toBe(-Infinity);
    expect(m.num('h')).toBeNaN();
    expect(m.num('i')).toBe(2000);
    expect(m.num('j')).toBe(-4);
  });

  it('decodes string escapes and concatenates adjacent literals', () => {
    const m = parseTextFormat(String.raw`s: "a\n\t\"q\" \x41\101 \u00e9" t: 'it\'s' "!" u: "\\"`);
    expect(m.str('s')).toBe('a\n\t"q" AA é');
    expect(m.str('t')).toBe("it's!");
    expect(m.str('u')).toBe('\\');
  });

  it('skips comments, accepts , and ; separators, lists and identifiers', () => {
    const m = parseTextFormat(
      '# head\na: 1, # trailing\nb: [1, 2, 3]; c: MAX d: true e { } [ext.field] { x: 1 }',
    );
    expect(m.num('a')).toBe(1);
    expect(m.nums('b')).toEqual([1, 2, 3]);
    expect(m.str('c')).toBe('MAX');
    expect(m.bool('d', false)).toBe(true);
    expect(m.sub('e')).toBeInstanceOf(PbMessage);
    expect(m.sub('[ext.field]')?.num('x')).toBe(1);
  });

  it('names line and column of syntax errors', () => {
    expect(err('layer {\n  name: "a"\n').message).toBe(
      "Caffe: line 3, column 1: expected '}' before the end of the file",
    );
    expect(err('a: "open\n').message).toBe('Caffe: line 1, column 4: unterminated string');
    expect(err('a: 1\n  b $ 2').message).toBe('Caffe: line 2, column 5: unexpected character "$"');
    expect(err('a: 12abc').message).toMatch(/line 1, column 4: malformed number/);
    expect(err('a 1').message).toMatch(/line 1, column 3: expected ':' or '\{' after 'a'/);
    expect(err('}').message).toMatch(/line 1, column 1: expected a field name/);
  });

  it('reports type errors where the value is', () => {
    const m = parseTextFormat('layer {\n  num: "x"\n}');
    expect(() => m.sub('layer')!.num('num')).toThrow("Caffe: line 2, column 3: 'num' must be a number");
  });

  it('refuses nesting deeper than the limit quickly, without a stack overflow', () => {
    const deep = 'a {'.repeat(100_000) + '}'.repeat(100_000);
    const t0 = performance.now();
    expect(err(deep).message).toContain(`nested deeper than ${MAX_TEXT_DEPTH} levels`);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(parseTextFormat('a {'.repeat(MAX_TEXT_DEPTH) + '}'.repeat(MAX_TEXT_DEPTH)).has('a')).toBe(true);
  });
});
