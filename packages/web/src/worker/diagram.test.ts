import { describe, expect, it } from 'vitest';
import { analyze } from './engine.js';
import { drawModelDiagram, drawSpecDiagram } from './diagram.js';
import { tinyModel } from './test-model.js';

const model = tinyModel();
const source = { model, analysis: analyze(model) };

describe('worker diagrams', () => {
  it('draws the open model as SVG, and TikZ as LaTeX', async () => {
    const svg = await drawModelDiagram(source, { style: 'lenet', mapSpacing: 9 });
    expect(svg.problem).toBeNull();
    expect(svg.output).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const tex = await drawModelDiagram(source, { style: 'tikz' });
    expect(tex.output).toContain('\\begin{tikzpicture}');
  });

  it('names the option at fault', async () => {
    const r = await drawModelDiagram(source, { style: 'lenet', mapSpacing: 500 });
    expect(r.output).toBeNull();
    expect(r.problem).toMatchObject({ kind: 'option', option: 'mapSpacing' });
  });

  it('says when no model is open', async () => {
    expect((await drawModelDiagram(null, { style: 'graph' })).problem?.kind).toBe('model');
  });

  it('locates a spec error by line, column and field', async () => {
    const text =
      'layers:\n  - { type: input, shape: [1, 8, 8] }\n  - { type: conv, filters: 2, kernel: five }\n';
    const r = await drawSpecDiagram(text, 'spec.yaml', { style: 'lenet' });
    expect(r.problem).toMatchObject({ kind: 'spec', field: 'layers[1].kernel', line: 3 });
    expect(r.problem?.column).toBeGreaterThan(10);
  });
});
