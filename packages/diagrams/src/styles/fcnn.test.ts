import { analyze } from '@nnlens/analysis';
import { openModel } from '@nnlens/formats';
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../../test/corpus.js';
import { extractLayers } from '../layers/extract.js';
import { parseSpec } from '../spec/spec.js';
import { drawFcnn, visibleUnits } from './fcnn.js';

function diagram(file: string) {
  const model = openModel({ name: file, bytes: readCorpus(file) });
  return extractLayers(model, analyze(model));
}

const strokes = (svg: string) =>
  [...svg.matchAll(/<path d="[^"]*" fill="none" stroke="([^"]+)" stroke-width="([\d.]+)"/g)].map((m) => ({
    color: m[1]!,
    width: Number(m[2]),
  }));

describe('fcnn ellipsis', () => {
  it('keeps the first and last units of a wide layer around the dots', () => {
    expect(visibleUnits(5, 12)).toEqual([0, 1, 2, 3, 4]);
    expect(visibleUnits(400, 7)).toEqual([0, 1, 2, null, 397, 398, 399]);
  });

  it('draws NN-SVG’s default network with uniform edges, bias units and labels', () => {
    const d = parseSpec(
      'layers:\n  - {type: input, shape: [16]}\n  - {type: dense, units: 12}\n  - {type: dense, units: 10}\n  - {type: dense, units: 1}\n',
    );
    const svg = drawFcnn(d, { showBias: true, arrowheads: 'solid', bezier: true, maxNodes: 20 });
    expect(svg.match(/class="node"/g)).toHaveLength(16 + 12 + 10 + 1);
    expect(svg.match(/class="bias"/g)).toHaveLength(3);
    // Input→hidden, hidden→hidden, hidden→output, plus bias edges.
    expect(strokes(svg)).toHaveLength(17 * 12 + 13 * 10 + 11 * 1);
    expect(new Set(strokes(svg).map((s) => s.color))).toEqual(new Set(['#505050']));
    expect(svg).toContain('Input Layer ∈ ℝ¹⁶');
    expect(svg).toContain('Output Layer ∈ ℝ¹');
    expect(svg).toContain('marker-end="url(#nn-arrow-1)"');
  });
});

describeCorpus('fcnn on real weights', () => {
  it('the trained LeNet-5: edge width and colour follow the dense weights', () => {
    const d = diagram('trained/digits_lenet5.onnx');
    const svg = drawFcnn(d);
    const s = strokes(svg);
    // 12 slots per wide layer: 11 units and the dots.
    expect(s.length).toBe(11 * 11 + 11 * 11 + 11 * 10);
    expect(new Set(s.map((x) => x.width)).size).toBeGreaterThan(20);
    expect(s.some((x) => x.color.startsWith('#') && x.color !== '#d0d0d0')).toBe(true);
    expect(svg).toContain('Input Layer ∈ ℝ⁴⁰⁰');
    expect(d.warnings).toEqual([]);
  });

  it('a structure-only file falls back to uniform edges and says why', () => {
    const d = diagram('analyzer/onnx_graph_only/lenet5.onnx');
    const svg = drawFcnn(d);
    expect(new Set(strokes(svg).map((x) => x.width))).toEqual(new Set([0.5]));
    expect(d.warnings.join('\n')).toMatch(
      /edges into 'classifier\.1' drawn uniform: tensor 'classifier\.1\.weight' is in external file/,
    );
  });

  it('a transformer: the MLP of an encoder layer, d_model → d_ff → d_model', () => {
    const svg = drawFcnn(diagram('onnx/transformer_encoder_small_opset17.onnx'));
    expect(svg).toContain('Input Layer ∈ ℝ⁶⁴');
    expect(svg).toContain('Hidden Layer ∈ ℝ²⁵⁶');
    expect(svg).toContain('Output Layer ∈ ℝ⁶⁴');
  });
});
