import { analyze } from '@nnlens/analysis';
import { openModel } from '@nnlens/formats';
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../../test/corpus.js';
import { drawLayers } from '../draw.js';
import { parseSpec } from '../spec/spec.js';
import { overlappingTexts } from '../testing/svg-inspect.js';
import { drawGraph } from './draw-graph.js';

function load(file: string) {
  const model = openModel({ name: file, bytes: readCorpus(file) });
  return { model, analysis: analyze(model) };
}

const count = (svg: string, cls: string) => svg.split(`class="${cls}"`).length - 1;
const headers = (svg: string) => [...svg.matchAll(/class="box-header">([^<]*)</g)].map((m) => m[1]!);

describeCorpus('graph style on models', () => {
  const r18 = load('analyzer/onnx_graph_only/resnet18.onnx');

  it('resnet18: plot_model-like boxes with input and output shapes, ReLU folded into its conv', () => {
    const svg = drawGraph(r18.model, r18.analysis);
    expect(headers(svg)).toContain('conv1 : Conv 7×7 /2 · ReLU');
    expect(svg).toContain('[1,64,112,112]');
    // layer1.1 is drawn as its twin layer1.0 "× 2": 18 of the 20 convs remain, minus two.
    expect(headers(svg).filter((h) => h.includes('Conv'))).toHaveLength(18);
    expect(svg).toContain('layer1.0  × 2');
  });

  it('depth 0 closes every module; depth 2 opens them as frames', () => {
    const closed = drawGraph(r18.model, r18.analysis, { depth: 0 });
    expect(count(closed, 'frame')).toBe(0);
    expect(count(closed, 'group')).toBe(4);
    const open = drawGraph(r18.model, r18.analysis, { depth: 2 });
    expect(count(open, 'frame')).toBe(4 + 7);
    expect(drawGraph(r18.model, r18.analysis, { depth: 2, expandNested: false })).not.toContain(
      'class="frame"',
    );
  });

  it('rolled repeats can be drawn in full', () => {
    const svg = drawGraph(r18.model, r18.analysis, { rollRepeats: false, depth: 2 });
    expect(headers(svg).filter((h) => h.includes('Conv'))).toHaveLength(20);
  });

  it('layerRange draws a sub-graph, and names a bad bound', () => {
    const svg = drawGraph(r18.model, r18.analysis, {
      layerRange: ['/layer4/layer4.1/conv1/Conv', 'fc'],
      depth: 3,
    });
    expect(headers(svg)).toEqual([
      'conv1 : Conv 3×3 · ReLU',
      'conv2 : Conv 3×3',
      'Add · ReLU',
      'avgpool : GlobalAvgPool 7×7',
      'fc : Dense',
    ]);
    expect(() => drawGraph(r18.model, r18.analysis, { layerRange: ['nope', 'fc'] })).toThrow(
      /invalid layerRange: "nope"/,
    );
  });

  it('directions: LR is wider than tall, BT mirrors TB', () => {
    const size = (svg: string) =>
      /viewBox="[-\d]+ [-\d]+ (\d+) (\d+)"/.exec(svg)!.slice(1).map(Number) as [number, number];
    const [w, h] = size(drawGraph(r18.model, r18.analysis, { direction: 'LR', depth: 0 }));
    expect(w).toBeGreaterThan(h);
    const tb = drawGraph(r18.model, r18.analysis, { depth: 0 });
    const bt = drawGraph(r18.model, r18.analysis, { direction: 'BT', depth: 0 });
    const y = (svg: string, label: string) =>
      Number(new RegExp(`y="([\\d.]+)"[^>]*>${label}<`).exec(svg)![1]);
    expect(y(tb, 'input')).toBeLessThan(y(tb, 'output'));
    expect(y(bt, 'input')).toBeGreaterThan(y(bt, 'output'));
  });

  it('Netscope edge labels, dtype and params rows', () => {
    const svg = drawGraph(r18.model, r18.analysis, {
      depth: 0,
      edgeLabels: true,
      showDtype: true,
      showParams: true,
    });
    expect(svg).toContain('64 ch · 56×56');
    expect(svg).toContain('>float32<');
    expect(svg).toContain('>9.47K<');
    expect(overlappingTexts(svg)).toEqual([]);
  });
});

describe('graph style on a spec', () => {
  it('one box per layer plus skip edges', () => {
    const d = parseSpec(
      'layers:\n  - {type: input, name: x, shape: [4]}\n  - {type: dense, name: h, units: 8, activation: ReLU}\n  - {type: dense, name: y, units: 4}\nskips:\n  - {from: x, to: y}\n',
    );
    const svg = drawLayers(d, 'graph', { direction: 'LR' });
    expect(headers(svg)).toEqual(['x : Input', 'h : Dense · ReLU', 'y : Dense']);
    expect(count(svg, 'edge')).toBe(3);
  });
});
