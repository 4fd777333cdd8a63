// Graph building: inputs and data layers, V1 layers, in-place tops (SSA), phases, unknown layers, layer-name bottoms.
import { validate } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { analyzed, input, node, openText } from './test-helpers.test-helper.js';

const CONV = (name: string, bottom: string, top = name, extra = ''): string =>
  `layer { name: "${name}" type: "Convolution" bottom: "${bottom}" top: "${top}" convolution_param { num_output: 4 kernel_size: 3 ${extra} } }\n`;

describe('Caffe graph building', () => {
  it('renames in-place tops SSA-style and feeds each consumer the latest version', () => {
    const { model, a } = analyzed(
      input([1, 3, 8, 8]) +
        CONV('conv1', 'data') +
        'layer { name: "relu1" type: "ReLU" bottom: "conv1" top: "conv1" }\n' +
        'layer { name: "drop1" type: "Dropout" bottom: "conv1" top: "conv1" }\n' +
        CONV('conv2', 'conv1'),
    );
    expect(validate(model)).toEqual([]);
    expect(node(model, 'conv1').outputs[0]!.name).toBe('conv1');
    expect(node(model, 'relu1').inputs[0]!.name).toBe('conv1');
    expect(node(model, 'relu1').outputs[0]!.name).toBe('conv1#1');
    expect(node(model, 'drop1').outputs[0]!.name).toBe('conv1#2');
    expect(node(model, 'conv2').inputs[0]!.name).toBe('conv1#2');
    expect(model.graph.outputs.map((v) => v.name)).toEqual(['conv2']);
    expect(node(model, 'conv2').outputs[0]!.shape).toEqual([1, 4, 4, 4]);
    expect(a.unresolved).toEqual([]);
  });

  it('never reuses a real blob name for a renamed version', () => {
    const model = openText(
      input([1, 3, 8, 8]) +
        CONV('c', 'data', 'x') +
        'layer { name: "r" type: "ReLU" bottom: "x" top: "x" }\n' +
        CONV('d', 'data', 'x#1') +
        'layer { name: "cat" type: "Concat" bottom: "x" bottom: "x#1" top: "y" }\n',
    );
    expect(node(model, 'r').outputs[0]!.name).toBe('x#2');
    expect(node(model, 'cat').inputs.map((v) => v!.name)).toEqual(['x#2', 'x#1']);
  });

  it('reads V1 `layers` with enum types and the old input header', () => {
    const model = openText(
      'input: "data"\ninput_dim: 1 input_dim: 3 input_dim: 10 input_dim: 10\n' +
        'layers { name: "c" type: CONVOLUTION bottom: "data" top: "c" convolution_param { num_output: 2 kernel_size: 3 } }\n' +
        'layers { name: "r" type: RELU bottom: "c" top: "c" }\n' +
        'layers { name: "p" type: POOLING bottom: "c" top: "p" pooling_param { pool: AVE kernel_size: 2 stride: 2 } }\n' +
        'layers { name: "s" type: SOFTMAX_LOSS bottom: "p" bottom: "label" top: "loss" }\n',
    );
    expect(model.graph.inputs.map((v) => [v.name, v.shape])).toEqual([
      ['data', [1, 3, 10, 10]],
      ['label', null],
    ]);
    expect(model.graph.nodes.map((n) => `${n.domain}:${n.op}`)).toEqual([
      ':Conv',
      ':Relu',
      ':AveragePool',
      'caffe:SoftmaxWithLoss',
    ]);
    expect(model.metadata['caffe.layer_field']).toBe('layers');
    expect(model.warnings.join('\n')).toContain(
      "bottom 'label' of layer 's' is not produced by an earlier layer",
    );
  });

  it('reads input_shape headers and, when a file mixes both forms, each input in file order', () => {
    expect(
      openText(
        'input: "a" input_shape { dim: 2 dim: 5 }\nlayer { name: "r" type: "ReLU" bottom: "a" top: "b" }',
      ).graph.inputs[0]!.shape,
    ).toEqual([2, 5]);
    const mixed = openText(
      'input: "data"\ninput_dim: 1\ninput_dim: 1\ninput_dim: 1\ninput: "clip"\ninput_shape { dim: 1 dim: 1 }\nlayer { name: "r" type: "ReLU" bottom: "data" top: "r" }',
    );
    expect(mixed.graph.inputs.map((v) => v.shape)).toEqual([
      [1, 1, 1],
      [1, 1],
    ]);
    expect(mixed.warnings.join('\n')).toContain('read in file order');
  });

  it('a Data layer with only crop_size is analysed per sample (the case that makes Netscope print NaN)', () => {
    const { model, a } = analyzed(
      'layer { name: "data" type: "Data" top: "data" top: "label" include { phase: TRAIN } transform_param { crop_size: 227 } data_param { batch_size: 256 } }\n' +
        'layer { name: "data" type: "Data" top: "data" top: "label" include { phase: TEST } transform_param { crop_size: 227 } }\n' +
        CONV('conv1', 'data', 'conv1', 'stride: 4') +
        'layer { name: "acc" type: "Accuracy" bottom: "conv1" bottom: "label" top: "acc" include { phase: TEST } }\n',
    );
    expect(model.graph.inputs.map((v) => [v.name, v.shape])).toEqual([
      ['data', [1, 3, 227, 227]],
      ['label', [1]],
    ]);
    expect(node(model, 'conv1').outputs[0]!.shape).toEqual([1, 4, 57, 57]);
    expect(a.totals.macs).toBe(4 * 57 * 57 * 3 * 9);
    expect(model.metadata['caffe.phase']).toBe('TRAIN');
    expect(model.metadata['caffe.skipped_layers']).toBe('data, acc');
    expect(model.warnings.join('\n')).toMatch(/analysed per sample: \[1, 3, 227, 227\]/);
  });

  it('keeps unknown layer types as caffe ops with unknown outputs, without failing', () => {
    const { model, a } = analyzed(
      input([1, 3, 8, 8]) +
        'layer { name: "u" type: "MyFancyLayer" bottom: "data" top: "u" my_param { k: 1 } }\n' +
        CONV('c', 'u'),
    );
    expect(node(model, 'u').domain).toBe('caffe');
    expect(node(model, 'u').op).toBe('MyFancyLayer');
    expect(node(model, 'u').outputs[0]!.shape).toBeNull();
    expect(model.warnings.join('\n')).toContain("layer type 'MyFancyLayer' is not known");
    expect(model.warnings.join('\n')).toContain("'c': the weight blob cannot be sized");
    expect(a.unresolved.map((n) => n.name)).toEqual(['u', 'c']);
  });

  it('reads type names in any case and bottoms that name a layer (as the Netscope editor does)', () => {
    const model = openText(
      input([1, 3, 8, 8]) +
        'layers { name: "r" type: "relu" bottom: "data" top: "r_out" }\n' +
        'layer { name: "s" type: "SIGMOID" bottom: "r" top: "s" }\n',
    );
    expect(node(model, 'r').op).toBe('Relu');
    expect(node(model, 's').inputs[0]!.name).toBe('r_out');
    expect(model.warnings.join('\n')).toContain("bottom 'r' of layer 's' is no blob but names a layer");
  });

  it('a Split layer aliases its tops to the bottom instead of adding a node', () => {
    const model = openText(
      input([1, 3, 8, 8]) +
        'layer { name: "sp" type: "Split" bottom: "data" top: "a" top: "b" }\n' +
        CONV('c', 'a') +
        CONV('d', 'b'),
    );
    expect(model.graph.nodes.map((n) => n.name)).toEqual(['c', 'd']);
    expect(node(model, 'd').inputs[0]!.name).toBe('data');
    expect(model.metadata['caffe.split_layers']).toBe('1');
  });

  it('turns semantic errors of one layer into a warning and an opaque node', () => {
    const model = openText(input([1, 3, 8, 8]) + CONV('bad', 'data', 'bad', 'group: 3 num_output: 4'));
    expect(node(model, 'bad').domain).toBe('caffe');
    expect(model.warnings.join('\n')).toContain(
      "layer 'bad' (Convolution): group 3 does not divide num_output 4",
    );
  });

  it('refuses files without layers or inputs', () => {
    expect(() => openText('name: "empty"')).toThrow(/declares no layers/);
  });
});
