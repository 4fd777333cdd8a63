// Channels-last activations and TensorFlow-family kernel layouts: same shapes and MACs as the ONNX (NCHW/OIHW) form.
import type { Tensor } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { GraphSpec, oneOp, type AttrInput } from '../test-helpers.js';

function run(op: string, x: number[], w: number[] | null, attrs: Record<string, AttrInput>) {
  const t = oneOp(op, w ? [{ shape: x }, { shape: w }] : [{ shape: x }], attrs);
  const r = analyze(t.model);
  return { shape: t.outs[0]?.shape, macs: r.nodeCosts.get(t.node)?.macs, warnings: r.warnings };
}

describe('channels-last Conv', () => {
  it.each<[string, number[], number[], Record<string, AttrInput>, number[], number]>([
    // Keras Conv2D: x [N,H,W,C], kernel [kh,kw,in,out]; 26×26×64 outputs × 9 taps.
    [
      'Keras HWIO, valid',
      [1, 28, 28, 1],
      [3, 3, 1, 64],
      { kernel_layout: 'HWIO', auto_pad: 'VALID' },
      [1, 26, 26, 64],
      26 * 26 * 64 * 9,
    ],
    [
      'Keras HWIO, same, stride 2',
      [1, 64, 64, 3],
      [3, 3, 3, 8],
      { kernel_layout: 'HWIO', auto_pad: 'SAME_UPPER', strides: [2, 2] },
      [1, 32, 32, 8],
      32 * 32 * 8 * 27,
    ],
    // Keras DepthwiseConv2D: kernel [kh,kw,in,multiplier] → in×multiplier outputs, one input channel each.
    [
      'Keras depthwise HWIM',
      [1, 8, 8, 16],
      [3, 3, 16, 2],
      { kernel_layout: 'HWIM', auto_pad: 'SAME_UPPER' },
      [1, 8, 8, 32],
      8 * 8 * 32 * 9,
    ],
    // TFLite CONV_2D: weights [out,kh,kw,in].
    [
      'TFLite OHWI',
      [1, 96, 96, 1],
      [8, 3, 3, 1],
      { kernel_layout: 'OHWI', auto_pad: 'SAME_UPPER', strides: [2, 2] },
      [1, 48, 48, 8],
      48 * 48 * 8 * 9,
    ],
    // TFLite DEPTHWISE_CONV_2D: weights [1,kh,kw,out].
    [
      'TFLite 1HWO',
      [1, 48, 48, 8],
      [1, 3, 3, 8],
      { kernel_layout: '1HWO', auto_pad: 'SAME_UPPER' },
      [1, 48, 48, 8],
      48 * 48 * 8 * 9,
    ],
    [
      'Conv1D WIO',
      [1, 100, 4],
      [5, 4, 6],
      { kernel_layout: 'WIO', auto_pad: 'VALID' },
      [1, 96, 6],
      96 * 6 * 20,
    ],
  ])('%s', (_name, x, w, attrs, want, macs) => {
    const r = run('Conv', x, w, { channels_last: 1, ...attrs });
    expect(r.shape).toEqual(want);
    expect(r.macs).toBe(macs);
    expect(r.warnings).toEqual([]);
  });

  it('matches the NCHW/OIHW form of the same convolution', () => {
    const nhwc = run('Conv', [2, 17, 13, 3], [5, 3, 3, 7], {
      channels_last: 1,
      kernel_layout: 'HWIO',
      strides: [2, 1],
      pads: [1, 2, 1, 0],
    });
    const nchw = run('Conv', [2, 3, 17, 13], [7, 3, 5, 3], { strides: [2, 1], pads: [1, 2, 1, 0] });
    const [n, c, h, w] = nchw.shape as number[];
    expect(nhwc.shape).toEqual([n, h, w, c]);
    expect(nhwc.macs).toBe(nchw.macs);
  });

  it('ConvTranspose with a Keras [kh,kw,out,in] kernel', () => {
    const r = run('ConvTranspose', [1, 7, 7, 16], [3, 3, 32, 16], {
      channels_last: 1,
      kernel_layout: 'HWOI',
      auto_pad: 'SAME_UPPER',
      strides: [2, 2],
    });
    expect(r.shape).toEqual([1, 14, 14, 32]);
    expect(r.macs).toBe(7 * 7 * 16 * 32 * 9);
  });

  it('ConvTranspose with a TFLite output_shape', () => {
    const r = run('ConvTranspose', [1, 7, 7, 16], [32, 3, 3, 16], {
      channels_last: 1,
      kernel_layout: 'OHWI',
      output_shape: [1, 15, 15, 32],
      strides: [2, 2],
    });
    expect(r.shape).toEqual([1, 15, 15, 32]);
  });

  it('rejects a layout that does not fit the weight', () => {
    const r = run('Conv', [1, 8, 8, 3], [3, 3, 3], { channels_last: 1, kernel_layout: 'HWIO' });
    expect(r.warnings.join()).toMatch(/kernel_layout 'HWIO' does not fit a weight of rank 3/);
  });
});

describe('channels-last pools and norms', () => {
  it.each<[string, string, number[], Record<string, AttrInput>, number[]]>([
    [
      'MaxPool',
      'MaxPool',
      [1, 26, 26, 64],
      { kernel_shape: [2, 2], strides: [2, 2], auto_pad: 'VALID' },
      [1, 13, 13, 64],
    ],
    [
      'AveragePool SAME',
      'AveragePool',
      [1, 5, 5, 3],
      { kernel_shape: [3, 3], strides: [2, 2], auto_pad: 'SAME_UPPER' },
      [1, 3, 3, 3],
    ],
    ['GlobalAveragePool keeps dims', 'GlobalAveragePool', [1, 7, 7, 256], {}, [1, 1, 1, 256]],
    ['GlobalAveragePool keepdims 0', 'GlobalAveragePool', [1, 7, 7, 256], { keepdims: 0 }, [1, 256]],
    ['GlobalMaxPool 1-D keepdims 0', 'GlobalMaxPool', [4, 100, 32], { keepdims: 0 }, [4, 32]],
  ])('%s', (_name, op, x, attrs, want) => {
    expect(run(op, x, null, { channels_last: 1, ...attrs }).shape).toEqual(want);
  });

  it('GlobalAveragePool keepdims 0 on NCHW', () => {
    expect(run('GlobalAveragePool', [1, 256, 7, 7], null, { keepdims: 0 }).shape).toEqual([1, 256]);
  });

  it('BatchNormalization statistics are per last axis', () => {
    const t = oneOp('BatchNormalization', [{ shape: [1, 8, 8, 16] }], { channels_last: 1 }, { outputs: 3 });
    analyze(t.model);
    expect(t.outs.map((v) => v.shape)).toEqual([[1, 8, 8, 16], [16], [16]]);
  });
});

describe('TFLite FULLY_CONNECTED as MatMul with [out, in] weights', () => {
  it('flattens the input without keep_num_dims', () => {
    const r = run('MatMul', [1, 1, 1, 1024], [10, 1024], { kernel_layout: 'OI', keep_num_dims: 0 });
    expect(r.shape).toEqual([1, 10]);
    expect(r.macs).toBe(10240);
  });
  it('flattens [1,7,7,64] against 3136 inputs', () => {
    const r = run('MatMul', [1, 7, 7, 64], [128, 3136], { kernel_layout: 'OI', keep_num_dims: 0 });
    expect(r.shape).toEqual([1, 128]);
    expect(r.macs).toBe(128 * 3136);
  });
  it('keeps leading dims with keep_num_dims', () => {
    expect(run('MatMul', [2, 5, 16], [8, 16], { kernel_layout: 'OI', keep_num_dims: 1 }).shape).toEqual([
      2, 5, 8,
    ]);
  });
});

describe('quantized weights are parameters', () => {
  it('counts int8 and int32 tensors that carry quantization, not plain int shape tensors', () => {
    const g = new GraphSpec();
    g.input('x', 'int8', [1, 16]);
    const q = (name: string, dtype: 'int8' | 'int32', shape: number[]): void => {
      const v = g.init(name, dtype, shape, new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(1));
      (v.initializer as Tensor).quantization = { scale: [0.1], zeroPoint: [0] };
    };
    q('w', 'int8', [4, 16]);
    q('b', 'int32', [4]);
    g.init('shape', 'int32', [2], [1, 4]);
    g.node('MatMul', ['x', 'w', 'b'], ['y'], { kernel_layout: 'OI', keep_num_dims: 0 });
    g.node('Reshape', ['y', 'shape'], ['z']);
    g.output('z');
    const r = analyze(g.model());
    expect(r.totals.params).toBe(68);
    expect(r.totals.macs).toBe(64);
  });
});
