// The layer list of real models against the truth table (flops_params.json) and the known architectures.
import { analyze } from '@nnlens/analysis';
import { openModel } from '@nnlens/formats';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../../test/corpus.js';
import { extractLayers, type ExtractOptions } from './extract.js';
import { shapeLabel } from './geometry.js';

interface TruthLayer {
  name: string;
  type: string;
  out_shape: number[];
  params: number;
  macs: number;
  attrs?: { k: number[]; s: number[] };
}

function layersOf(file: string, options: ExtractOptions = {}) {
  const model = openModel({ name: file, bytes: readCorpus(file) });
  return extractLayers(model, analyze(model), options);
}

describeCorpus('extractLayers on the analyzer corpus', () => {
  const truth = readCorpusJson<{ models: { model: string; layers: TruthLayer[] }[] }>(
    'analyzer/flops_params.json',
  ).models;

  for (const name of ['lenet5', 'alexnet']) {
    it(`${name}: every conv, pool and linear layer of the truth table, with its shape, kernel, params and MACs`, () => {
      const d = layersOf(`analyzer/onnx_graph_only/${name}.onnx`);
      const rows = truth
        .find((m) => m.model === name)!
        .layers.filter((l) => /Conv|Pool|Linear/.test(l.type) && !/Adaptive/.test(l.type));
      expect(rows.length).toBeGreaterThan(4);
      for (const row of rows) {
        const layer = d.layers.find((l) => l.name === row.name);
        expect(layer, row.name).toBeDefined();
        expect(layer!.shape).toEqual(row.out_shape.slice(1));
        expect(layer!.params).toBe(row.params);
        expect(layer!.macs).toBe(row.macs);
        if (row.attrs) expect(layer!.kernel).toEqual(row.attrs.k);
      }
      // Truth order is the drawing order.
      const order = rows.map((r) => d.layers.findIndex((l) => l.name === r.name));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    });
  }

  it('lenet5: the NN-SVG labels 6@28×28 and 16@10×10, activations folded, flatten to 400', () => {
    const d = layersOf('analyzer/onnx_graph_only/lenet5.onnx');
    expect(d.layers.map(shapeLabel)).toEqual([
      '1@32×32',
      '6@28×28',
      '6@14×14',
      '16@10×10',
      '16@5×5',
      '1×400',
      '1×120',
      '1×84',
      '1×10',
    ]);
    expect(d.layers.map((l) => l.kind)).toEqual([
      'input',
      'conv',
      'pool',
      'conv',
      'pool',
      'flatten',
      'dense',
      'dense',
      'dense',
    ]);
    expect(d.layers[1]!.activation).toBe('tanh');
    expect(d.skips).toEqual([]);
  });

  it('resnet18: 16 convs on the main path, 8 residual skips (3 through a 1×1 /2 projection), layer1 blocks rolled up', () => {
    const d = layersOf('analyzer/onnx_graph_only/resnet18.onnx');
    expect(d.layers.filter((l) => l.kind === 'conv')).toHaveLength(15);
    expect(d.layers.filter((l) => l.merge === 'add')).toHaveLength(7);
    expect(d.skips.every((s) => s.kind === 'add')).toBe(true);
    expect(d.skips.filter((s) => s.via === 'Conv 1×1 /2')).toHaveLength(3);
    expect(d.repeats).toEqual([expect.objectContaining({ count: 2, label: 'layer1.0 ×2' })]);
    expect(d.layers.at(-1)).toMatchObject({ name: 'fc', kind: 'dense', shape: [1000] });
    expect(d.warnings).toEqual([]);
  });

  it('googlenet: nine Inception modules as 4-branch blocks with their concatenated widths', () => {
    const d = layersOf('analyzer/onnx_graph_only/googlenet.onnx');
    const blocks = d.layers.filter((l) => l.name.startsWith('inception'));
    expect(blocks.map((b) => b.shape[0])).toEqual([256, 480, 512, 512, 512, 528, 832, 832, 1024]);
    expect(blocks.every((b) => b.kind === 'block' && b.op === 'Concat of 4')).toBe(true);
  });

  it('densenet121: four dense blocks and three transitions with pre-activation BN-ReLU folded into their convs', () => {
    const d = layersOf('analyzer/onnx_graph_only/densenet121.onnx');
    const blocks = d.layers.filter((l) => l.op === 'Dense block');
    expect(blocks.map((b) => b.shape)).toEqual([
      [256, 56, 56],
      [512, 28, 28],
      [1024, 14, 14],
      [1024, 7, 7],
    ]);
    const transitions = d.layers.filter((l) => /^transition\d\.conv$/.test(l.name));
    expect(transitions).toHaveLength(3);
    for (const t of transitions)
      expect(t).toMatchObject({ kernel: [1, 1], activation: 'ReLU', folded: ['BatchNormalization'] });
    expect(d.layers.find((l) => l.name === 'pool0')!.activation).toBeUndefined();
  });

  it('a depth limit turns deeper modules into blocks', () => {
    const top = layersOf('analyzer/onnx_graph_only/resnet18.onnx', { depth: 0 });
    expect(top.layers.map((l) => l.name)).toEqual([
      'input',
      'conv1',
      'maxpool',
      'layer1',
      'layer2',
      'layer3',
      'layer4',
      'avgpool',
      'fc',
    ]);
    expect(top.layers.find((l) => l.name === 'layer2')).toMatchObject({
      op: 'Residual block',
      shape: [128, 28, 28],
    });
    const one = layersOf('analyzer/onnx_graph_only/resnet18.onnx', { depth: 1 });
    expect(one.layers.map((l) => l.name).slice(3, 6)).toEqual(['layer1.0', 'layer2.0', 'layer2.1']);
    expect(one.repeats).toEqual([expect.objectContaining({ first: 'L3', last: 'L3', count: 2 })]);
  });
});

describeCorpus('extractLayers on transformers', () => {
  it('24 identical encoder layers: drawn once with × 24, attention as one block, two residual adds', () => {
    const d = layersOf('onnx/transformer_encoder_24l_identical_layers.onnx');
    expect(d.layers.map((l) => l.kind)).toEqual(['input', 'attention', 'dense', 'dense']);
    expect(d.repeats).toEqual([expect.objectContaining({ count: 24, first: 'L1', last: 'L3' })]);
    expect(d.skips).toEqual([
      { from: 'L0', to: 'L1', kind: 'add' },
      { from: 'L1', to: 'L3', kind: 'add' },
    ]);
    expect(d.layers[2]).toMatchObject({ name: 'linear1', activation: 'ReLU', shape: [128, 1024] });
  });

  it('without roll-up the small encoder shows both layers', () => {
    const d = layersOf('onnx/transformer_encoder_small_opset17.onnx', { rollRepeats: false });
    expect(d.layers.filter((l) => l.kind === 'attention')).toHaveLength(2);
    expect(d.repeats).toEqual([]);
    expect(
      d.layers.filter((l) => l.kind === 'attention').every((l) => l.folded.includes('LayerNormalization')),
    ).toBe(true);
  });
});
