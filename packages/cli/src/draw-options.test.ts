import { describe, expect, it } from 'vitest';
import { collectOptions, outputKind, parseOption } from './draw-options.js';

describe('nnlens draw options', () => {
  it('parses -O values as numbers, booleans, JSON or text, with dotted keys nested', () => {
    expect(parseOption('mapSpacing=8')).toEqual(['mapSpacing', 8]);
    expect(parseOption('bezier=true')).toEqual(['bezier', true]);
    expect(parseOption('layerRange=["conv1","fc"]')).toEqual(['layerRange', ['conv1', 'fc']]);
    expect(parseOption('color1=#ff0000')).toEqual(['color1', '#ff0000']);
    expect(collectOptions(['colors.conv=#ffcc00', 'colors.pool=red', 'seed=3'])).toEqual({
      colors: { conv: '#ffcc00', pool: 'red' },
      seed: 3,
    });
    expect(() => parseOption('oops')).toThrow(/expected key=value/);
    expect(() => parseOption('a=[1,')).toThrow(/-O a: '\[1,' is not valid JSON/);
  });

  it('picks the output kind from the file name and refuses what it cannot write', () => {
    expect(outputKind('fig.PNG', 'lenet')).toBe('png');
    expect(outputKind(undefined, 'tikz')).toBe('tex');
    expect(outputKind('fig.tex', 'tikz')).toBe('tex');
    expect(() => outputKind('fig.tex', 'lenet')).toThrow(/\.tex output needs --style tikz/);
    expect(() => outputKind('fig.svg', 'tikz')).toThrow(/name the output \.tex/);
    expect(() => outputKind('fig.pdf', 'graph')).toThrow(/PDF is not written directly/);
    expect(() => outputKind('fig.jpg', 'graph')).toThrow(/unknown output type '\.jpg'/);
  });
});
