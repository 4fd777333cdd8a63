// Architecture-only Keras JSON (model.to_json()): Sequential old and new forms, Keras 3 call arguments, unmapped layers.
import { analyze } from '@nnlens/analysis';
import { validate } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { ModelFormatError, openModel } from '../index.js';
import { kerasLayers } from './layers.test-helper.js';

const json = (v: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(v));
const open = (v: unknown, name = 'model.json') => openModel({ name, bytes: json(v) });

describe('Keras model JSON', () => {
  it('Keras 2.0 Sequential: config is a bare layer list', () => {
    const model = open({
      class_name: 'Sequential',
      config: [
        {
          class_name: 'MaxPooling2D',
          config: { name: 'pool', pool_size: [2, 2], batch_input_shape: [null, 32, 32, 3] },
        },
        { class_name: 'Flatten', config: { name: 'flat' } },
      ],
    });
    expect(model.format).toBe('keras');
    expect(model.warnings[0]).toMatch(/architecture-only/);
    expect(kerasLayers(model).map((l) => l.name)).toEqual(['pool', 'flat']);
    analyze(model);
    expect(model.graph.inputs.map((v) => [v.name, v.shape])).toEqual([['pool_input', ['batch', 32, 32, 3]]]);
    expect(model.graph.outputs[0]!.shape).toEqual(['batch', 16 * 16 * 3]);
  });

  it('Keras 3 Functional: inputs come as __keras_tensor__ arguments, layers in any order', () => {
    const t = (layer: string) => ({
      class_name: '__keras_tensor__',
      config: { keras_history: [layer, 0, 0] },
    });
    const model = open({
      class_name: 'Functional',
      config: {
        name: 'f',
        layers: [
          // Listed before the layers it reads: the importer waits for its inputs.
          {
            class_name: 'Concatenate',
            name: 'cat',
            config: { name: 'cat', axis: -1 },
            inbound_nodes: [{ args: [[t('a'), t('b')]], kwargs: {} }],
          },
          {
            class_name: 'InputLayer',
            name: 'x',
            config: { name: 'x', batch_shape: [null, 10, 10, 4] },
            inbound_nodes: [],
          },
          {
            class_name: 'ZeroPadding2D',
            name: 'a',
            config: {
              name: 'a',
              padding: [
                [1, 1],
                [2, 0],
              ],
            },
            inbound_nodes: [{ args: [t('x')], kwargs: {} }],
          },
          {
            class_name: 'UpSampling2D',
            name: 'up',
            config: { name: 'up', size: [2, 2] },
            inbound_nodes: [{ args: [t('x')], kwargs: {} }],
          },
          {
            class_name: 'Cropping2D',
            name: 'b',
            config: {
              name: 'b',
              cropping: [
                [4, 4],
                [3, 5],
              ],
            },
            inbound_nodes: [{ args: [t('up')], kwargs: {} }],
          },
        ],
        input_layers: [['x', 0, 0]],
        output_layers: [['cat', 0, 0]],
      },
    });
    expect(validate(model)).toEqual([]);
    expect(model.graph.nodes.map((n) => n.name)).toEqual(['a', 'up', 'b', 'cat']);
    const a = analyze(model);
    expect(a.warnings).toEqual([]);
    expect(model.graph.values.get('a')!.shape).toEqual(['batch', 12, 12, 4]);
    expect(model.graph.values.get('b')!.shape).toEqual(['batch', 12, 12, 4]);
    expect(model.graph.outputs[0]!.shape).toEqual(['batch', 12, 12, 8]);
  });

  it('layers without a mapping keep their class, read their inputs and warn', () => {
    const model = open({
      class_name: 'Sequential',
      config: {
        name: 's',
        layers: [
          { class_name: 'LSTM', config: { name: 'lstm', units: 8, batch_input_shape: [null, null, 3] } },
        ],
      },
    });
    expect(model.graph.nodes[0]!.op).toBe('LSTM');
    expect(model.graph.nodes[0]!.domain).toBe('keras');
    expect(model.graph.inputs[0]!.shape).toEqual(['batch', 'lstm_input_d1', 3]);
    expect(model.warnings.join('\n')).toMatch(/layer class 'LSTM' \('lstm'\) has no IR mapping/);
  });

  it('an output that nothing produces is reported, not thrown', () => {
    const model = open({
      class_name: 'Model',
      config: {
        name: 'm',
        layers: [
          {
            class_name: 'InputLayer',
            name: 'i',
            config: { name: 'i', batch_input_shape: [null, 2] },
            inbound_nodes: [],
          },
          {
            class_name: 'Dense',
            name: 'd',
            config: { name: 'd', units: 2 },
            inbound_nodes: [[['ghost', 0, 0, {}]]],
          },
        ],
        input_layers: [['i', 0, 0]],
        output_layers: [['d', 0, 0]],
      },
    });
    expect(model.graph.nodes).toEqual([]);
    expect(model.warnings.join('\n')).toMatch(/reads an output of 'ghost' that no layer produces/);
    expect(model.warnings.join('\n')).toMatch(/model output 'd'.* is never produced/);
  });

  it.each([
    ['not JSON', '{"class_name": "Sequential", "config": [', /is not valid JSON/],
    ['no layer list', '{"class_name": "Sequential", "config": {"name": "x"}}', /has no layer list/],
    [
      'a layer without class',
      '{"class_name": "Model", "config": {"layers": [{"config": {}}]}}',
      /layer #0 has no class_name/,
    ],
  ])('%s → a located Keras error', (_n, text, message) => {
    const run = (): unknown => openModel({ name: 'bad.json', bytes: new TextEncoder().encode(text) });
    expect(run).toThrow(ModelFormatError);
    expect(run).toThrow(message);
  });

  it('models nested too deep are refused', () => {
    let cfg: unknown = { class_name: 'Sequential', config: { layers: [] } };
    for (let i = 0; i < 40; i++) cfg = { class_name: 'Sequential', config: { name: `m${i}`, layers: [cfg] } };
    expect(() => open(cfg)).toThrow(/nested more than 32 deep/);
  });
});
