import { analyze } from '@nnlens/analysis';
import { openModel } from '@nnlens/formats';
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../../test/corpus.js';
import { drawDiagramReport, drawSpec, STYLES, type DrawOptions } from '../draw.js';
import { DiagramOptionError } from '../options.js';
import type { OptionDef } from './option-def.js';
import { nestOptions, OPTION_SCHEMA, optionsOf, STYLE_NAMES, type StyleName } from './option-schema.js';

const SPEC = `layers:
  - { type: input, name: in, shape: [3, 32, 32] }
  - { type: conv, name: c1, filters: 8, kernel: 3, activation: relu }
  - { type: maxpool, name: p1, kernel: 2 }
  - { type: conv, name: c2, filters: 16, kernel: 3 }
  - { type: flatten }
  - { type: dense, name: f1, units: 32 }
  - { type: dense, name: out, units: 10 }
skips:
  - { from: p1, to: c2, kind: add }
`;

const spec = (style: StyleName, flat: Record<string, unknown> = {}) =>
  drawSpec(SPEC, 'net.yaml', { style, ...nestOptions(flat) }).output;

/** The keys a drawing accepts, read from the unknown-option error (it lists them). */
function knownKeys(draw: () => unknown): string[] {
  try {
    draw();
  } catch (e) {
    expect(e).toBeInstanceOf(DiagramOptionError);
    return /Known: (.*)\)$/
      .exec((e as Error).message)![1]!
      .split(', ')
      .sort();
  }
  throw new Error('an unknown option was accepted');
}

const topKeys = (defs: readonly OptionDef[]) => [...new Set(defs.map((d) => d.key.split('.')[0]!))].sort();

/** A value just outside a bound, or undefined when the option has none there. */
function outside(d: OptionDef, side: 'min' | 'max'): number | undefined {
  if (d.type !== 'number' || d[side] === undefined) return undefined;
  return side === 'min' ? d.min! - (d.step || 1) : d.max! + (d.step || 1);
}

describe('OPTION_SCHEMA', () => {
  it('names the same styles as drawDiagram', () => {
    expect([...STYLE_NAMES]).toEqual([...STYLES]);
  });

  it.each(STYLE_NAMES)(
    '%s: the spec options are exactly the keys the style accepts for a layer list',
    (style) => {
      const accepted = knownKeys(() => spec(style, { zzzUnknown: 1 }));
      expect(topKeys(optionsOf(style, 'spec'))).toEqual(accepted);
    },
  );

  it('keys are unique per style and every default is the style default', () => {
    for (const style of STYLE_NAMES) {
      const defs = optionsOf(style, 'spec');
      expect(new Set(defs.map((d) => d.key)).size).toBe(defs.length);
      const plain = spec(style);
      for (const d of defs) {
        if (d.default === null || (Array.isArray(d.default) && d.default.length === 0) || d.default === '')
          continue;
        expect(spec(style, { [d.key]: d.default }), `${style}.${d.key}`).toBe(plain);
      }
    }
  });

  it('bounds, integer steps and choices are the ones the styles enforce', () => {
    for (const style of STYLE_NAMES) {
      for (const d of optionsOf(style, 'spec')) {
        for (const side of ['min', 'max'] as const) {
          const bad = outside(d, side);
          if (bad === undefined) continue;
          expect(() => spec(style, { [d.key]: bad }), `${style}.${d.key} ${bad}`).toThrow(d.key);
          expect(() => spec(style, { [d.key]: d.type === 'number' ? d[side] : 0 })).not.toThrow();
        }
        if (d.type === 'number' && d.integer) expect(() => spec(style, { [d.key]: 2.5 })).toThrow(d.key);
        if (d.type === 'choice') {
          for (const v of d.values) expect(() => spec(style, { [d.key]: v })).not.toThrow();
          expect(() => spec(style, { [d.key]: 'bogus' })).toThrow(d.key);
        }
      }
    }
  });

  it('nests dotted keys and drops empty values', () => {
    expect(nestOptions({ 'colors.conv': '#ff0000', title: '', typeIgnore: [], fontSize: 14 })).toEqual({
      colors: { conv: '#ff0000' },
      fontSize: 14,
    });
  });
});

describeCorpus('OPTION_SCHEMA for models', () => {
  const model = openModel({ name: 'lenet5.onnx', bytes: readCorpus('analyzer/onnx_graph_only/lenet5.onnx') });
  const analysis = analyze(model);
  const draw = (style: StyleName, flat: Record<string, unknown> = {}) =>
    drawDiagramReport(model, analysis, { style, ...nestOptions(flat) } as DrawOptions).output;

  it('graph: every option, model-only ones included, is a key drawGraph accepts', () => {
    expect(topKeys(OPTION_SCHEMA.graph)).toEqual(knownKeys(() => draw('graph', { zzzUnknown: 1 })));
  });

  it.each(STYLE_NAMES)('%s: model-only options default and bound as the model path does', (style) => {
    const plain = draw(style);
    for (const d of OPTION_SCHEMA[style].filter((x) => x.modelOnly)) {
      if (d.default !== null) expect(draw(style, { [d.key]: d.default }), d.key).toBe(plain);
      const bad = outside(d, 'min');
      if (bad !== undefined) expect(() => draw(style, { [d.key]: bad })).toThrow(d.key);
    }
  });
});
