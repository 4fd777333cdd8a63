import { describe, expect, it } from 'vitest';
import type { LayerDiagram } from './layers/layer.js';
import { drawLayers } from './draw.js';
import { bool, color, DiagramOptionError, keyword, numberIn } from './options.js';
import { parseSpec } from './spec/spec.js';

const tiny: LayerDiagram = parseSpec(
  'layers:\n  - {type: input, shape: [1, 8, 8]}\n  - {type: conv, filters: 2, kernel: 3}\n  - {type: dense, units: 4}\n',
);

describe('option normalisation', () => {
  it('accepts canonical values and command-line strings', () => {
    expect(keyword('LR', 'direction', ['TB', 'LR'] as const, 'TB')).toBe('LR');
    expect(numberIn('8', 'mapSpacing', 6, { min: 1, max: 40 })).toBe(8);
    expect(bool('no', 'legend', true)).toBe(false);
    expect(color('#a0a0a0', 'color1', '#000')).toBe('#a0a0a0');
  });

  it('names the option, the value and what was expected', () => {
    expect(() => numberIn(0, 'opacity', 1, { min: 0.2, max: 1 })).toThrow(
      'invalid opacity: 0 (expected a number ≥ 0.2 ≤ 1)',
    );
    expect(() => keyword('diagonal', 'direction', ['TB', 'LR'] as const, 'TB')).toThrow(
      'invalid direction: "diagonal" (expected one of TB, LR)',
    );
    expect(() => color('javascript:alert(1)', 'color1', '#000')).toThrow(DiagramOptionError);
  });

  it('each style rejects unknown and out-of-range options', () => {
    expect(() => drawLayers(tiny, 'lenet', { mapSpacng: 3 })).toThrow(
      /invalid mapSpacng: 3 \(expected an option of style 'lenet'; did you mean 'mapSpacing'\?/,
    );
    expect(() => drawLayers(tiny, 'alexnet', { azimuth: 120 })).toThrow(/invalid azimuth: 120/);
    expect(() => drawLayers(tiny, 'fcnn', { direction: 'left' })).toThrow(
      /invalid direction: "left" \(expected one of right, up\)/,
    );
    expect(() => drawLayers(tiny, 'layered', { sizingMode: 'huge' })).toThrow(/invalid sizingMode/);
    expect(() => drawLayers(tiny, 'layered', { typeIgnore: ['convolution'] })).toThrow(
      /invalid typeIgnore: "convolution"/,
    );
    expect(() => drawLayers(tiny, 'tikz', { opacity: 2 })).toThrow(/invalid opacity: 2/);
    expect(() => drawLayers(tiny, 'graph', { colors: { conv: 'not a colour' } })).toThrow(
      /invalid colors\.conv/,
    );
    expect(() => drawLayers(tiny, 'lenet', { idPrefix: '1x' })).toThrow(/invalid idPrefix/);
    expect(() => drawLayers(tiny, 'nope' as 'lenet')).toThrow(/invalid style: "nope"/);
  });

  it('style options change the figure', () => {
    const plain = drawLayers(tiny, 'lenet');
    expect(drawLayers(tiny, 'lenet', { colorBy: 'alternate' })).toContain('fill="#a0a0a0"');
    expect(plain).not.toContain('fill="#a0a0a0"');
    expect(drawLayers(tiny, 'lenet', { legend: false })).not.toContain('class="legend-label"');
    expect(drawLayers(tiny, 'lenet', { background: 'none' })).not.toMatch(/<rect [^>]*fill="white"/);
    expect(drawLayers(tiny, 'lenet', { title: 'Tiny' })).toContain('>Tiny</text>');
    expect(drawLayers(tiny, 'lenet', { idPrefix: 'fig2', showLabels: false })).not.toContain('1@8×8');
  });
});
