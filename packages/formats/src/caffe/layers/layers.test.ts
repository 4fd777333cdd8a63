// Layer mappers: ONNX ops and attributes, Caffe's size arithmetic, declared weight shapes (→ params).
import { getAttribute, type Node } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { analyzed, input, node } from '../test-helpers.test-helper.js';
import { priorCount } from './detection.js';

function attrs(n: Node): Record<string, unknown> {
  return Object.fromEntries(n.attributes.map((a) => [a.name, a.value]));
}

const weightShapes = (n: Node): number[][] =>
  n.inputs.filter((v) => v?.initializer).map((v) => v!.initializer!.shape);

describe('Convolution / Deconvolution', () => {
  it('reads kernel_h/w, stride_h/w, pad_h/w, dilation and group into Conv attributes and weights', () => {
    const { model, a } = analyzed(
      input([1, 8, 20, 30]) +
        'layer { name: "c" type: "Convolution" bottom: "data" top: "c" convolution_param { num_output: 6 kernel_h: 3 kernel_w: 5 stride_h: 2 stride_w: 1 pad_h: 1 pad_w: 2 dilation: 2 group: 2 } }',
    );
    const c = node(model, 'c');
    expect(c.op).toBe('Conv');
    expect(attrs(c)).toEqual({
      kernel_shape: [3, 5],
      strides: [2, 1],
      pads: [1, 2, 1, 2],
      dilations: [2, 2],
      group: 2,
    });
    expect(weightShapes(c)).toEqual([[6, 4, 3, 5], [6]]);
    // H: (20 + 2 - 5) / 2 + 1 = 9; W: (30 + 4 - 9) / 1 + 1 = 26
    expect(c.outputs[0]!.shape).toEqual([1, 6, 9, 26]);
    expect(a.nodeCosts.get(c)).toMatchObject({ params: 6 * 4 * 15 + 6, macs: 6 * 9 * 26 * 4 * 15 });
  });

  it('bias_term: false drops the bias; weights are declared without data', () => {
    const { model } = analyzed(
      input([1, 3, 8, 8]) +
        'layer { name: "c" type: "Convolution" bottom: "data" top: "c" convolution_param { num_output: 2 kernel_size: 1 bias_term: false } }',
    );
    const w = node(model, 'c').inputs[1]!.initializer!;
    expect(weightShapes(node(model, 'c'))).toEqual([[2, 3, 1, 1]]);
    expect(w.storage).toEqual({ kind: 'none' });
    expect(model.metadata.weights).toMatch(/not provided/);
  });

  it('Deconvolution → ConvTranspose with Caffe weight layout [C, out/group, k, k]', () => {
    const { model, a } = analyzed(
      input([1, 21, 10, 10]) +
        'layer { name: "up" type: "Deconvolution" bottom: "data" top: "up" convolution_param { num_output: 21 kernel_size: 4 stride: 2 bias_term: false } }',
    );
    const up = node(model, 'up');
    expect(up.op).toBe('ConvTranspose');
    expect(weightShapes(up)).toEqual([[21, 21, 4, 4]]);
    expect(up.outputs[0]!.shape).toEqual([1, 21, 22, 22]);
    // Every input element scatters into C_out × k² outputs.
    expect(a.nodeCosts.get(up)!.macs).toBe(21 * 10 * 10 * 21 * 16);
  });
});

describe('Pooling', () => {
  const pool = (dims: number[], p: string): Node =>
    analyzed(
      input(dims) + `layer { name: "p" type: "Pooling" bottom: "data" top: "p" pooling_param { ${p} } }`,
    ).model.graph.nodes[0]!;

  it("rounds up as Caffe does (GoogLeNet's 3x3/2 on 112 gives 56, not 55)", () => {
    const p = pool([1, 64, 112, 112], 'pool: MAX kernel_size: 3 stride: 2');
    expect(p.op).toBe('MaxPool');
    expect(attrs(p)).toMatchObject({
      ceil_mode: 1,
      kernel_shape: [3, 3],
      strides: [2, 2],
      pads: [0, 0, 0, 0],
    });
    expect(p.outputs[0]!.shape).toEqual([1, 64, 56, 56]);
  });

  it('drops a last window that would start in the padding (pad > 0)', () => {
    // ceil((5 + 2 - 2) / 2) + 1 = 4, but window 4 would start at 6 >= 5 + 1: 3.
    expect(pool([1, 1, 5, 5], 'pool: AVE kernel_size: 2 stride: 2 pad: 1').outputs[0]!.shape).toEqual([
      1, 1, 3, 3,
    ]);
  });

  it("states Caffe's size with explicit end padding where ONNX ceil_mode would drop a window", () => {
    // No padding, stride 3 > kernel 1 on 5: Caffe keeps ceil(4/3)+1 = 3 windows, ONNX ceil_mode 2.
    const p = pool([1, 1, 5, 5], 'pool: MAX kernel_size: 1 stride: 3');
    expect(attrs(p)).toMatchObject({ ceil_mode: 0, pads: [0, 0, 2, 2] });
    expect(p.outputs[0]!.shape).toEqual([1, 1, 3, 3]);
  });

  it('round_mode: FLOOR, global pooling and AVE count_include_pad', () => {
    expect(pool([1, 64, 112, 112], 'kernel_size: 3 stride: 2 round_mode: FLOOR').outputs[0]!.shape).toEqual([
      1, 64, 55, 55,
    ]);
    const g = pool([1, 8, 7, 7], 'pool: AVE global_pooling: true');
    expect(g.op).toBe('GlobalAveragePool');
    expect(g.outputs[0]!.shape).toEqual([1, 8, 1, 1]);
    expect(attrs(pool([1, 1, 4, 4], 'pool: AVE kernel_size: 2 stride: 2'))).toMatchObject({
      count_include_pad: 1,
    });
  });
});

describe('InnerProduct', () => {
  it('flattens a 4-d input before Gemm; K = C·H·W', () => {
    const { model, a } = analyzed(
      input([2, 16, 5, 5]) +
        'layer { name: "fc" type: "InnerProduct" bottom: "data" top: "fc" inner_product_param { num_output: 10 } }',
    );
    expect(model.graph.nodes.map((n) => `${n.name}:${n.op}`)).toEqual(['fc_flatten:Flatten', 'fc:Gemm']);
    expect(weightShapes(node(model, 'fc'))).toEqual([[10, 400], [10]]);
    expect(getAttribute(node(model, 'fc'), 'transB')?.value).toBe(1);
    expect(node(model, 'fc').outputs[0]!.shape).toEqual([2, 10]);
    expect(a.totals).toMatchObject({ params: 4010, macs: 2 * 10 * 400 });
  });

  it('a 2-d input needs no Flatten; transpose: true stores [K, N]', () => {
    const { model } = analyzed(
      input([1, 7]) +
        'layer { name: "fc" type: "InnerProduct" bottom: "data" top: "fc" inner_product_param { num_output: 3 transpose: true bias_term: false } }',
    );
    expect(model.graph.nodes.map((n) => n.op)).toEqual(['Gemm']);
    expect(weightShapes(node(model, 'fc'))).toEqual([[7, 3]]);
    expect(getAttribute(node(model, 'fc'), 'transB')?.value).toBe(0);
  });

  it('axis 2 keeps the leading axes (Flatten, Gemm, Reshape back)', () => {
    const { model } = analyzed(
      input([4, 3, 6]) +
        'layer { name: "fc" type: "InnerProduct" bottom: "data" top: "fc" inner_product_param { num_output: 5 axis: 2 } }',
    );
    expect(model.graph.nodes.map((n) => n.op)).toEqual(['Flatten', 'Gemm', 'Reshape']);
    expect(node(model, 'fc').outputs[0]!.shape).toEqual([4, 3, 5]);
  });
});

describe('normalisation layers', () => {
  it('BatchNorm → BatchNormalization with mean/variance only (2·C), Scale holds γ and β', () => {
    const { model, a } = analyzed(
      input([1, 16, 4, 4]) +
        'layer { name: "bn" type: "BatchNorm" bottom: "data" top: "data" batch_norm_param { eps: 0.001 } }\n' +
        'layer { name: "sc" type: "Scale" bottom: "data" top: "data" scale_param { bias_term: true } }',
    );
    const bn = node(model, 'bn');
    expect(bn.inputs.map((v) => v?.name ?? null)).toEqual(['data', null, null, 'bn_mean', 'bn_variance']);
    expect(attrs(bn)).toMatchObject({ epsilon: 0.001, momentum: 0.999 });
    expect(node(model, 'sc').domain).toBe('caffe');
    expect(weightShapes(node(model, 'sc'))).toEqual([[16], [16]]);
    expect(a.totals).toMatchObject({ params: 64, bufferParams: 32 });
    expect(node(model, 'sc').outputs[0]!.shape).toEqual([1, 16, 4, 4]);
  });

  it('Scale with axis/num_axes, PReLU per channel, Normalize per channel or shared', () => {
    const { model } = analyzed(
      input([2, 3, 4, 5]) +
        'layer { name: "s" type: "Scale" bottom: "data" top: "s" scale_param { axis: 1 num_axes: 2 } }\n' +
        'layer { name: "p" type: "PReLU" bottom: "s" top: "p" }\n' +
        'layer { name: "n1" type: "Normalize" bottom: "p" top: "n1" norm_param { channel_shared: false } }\n' +
        'layer { name: "n2" type: "Normalize" bottom: "n1" top: "n2" }',
    );
    expect(weightShapes(node(model, 's'))).toEqual([[3, 4]]);
    expect(weightShapes(node(model, 'p'))).toEqual([[3, 1, 1]]);
    expect(weightShapes(node(model, 'n1'))).toEqual([[3]]);
    expect(weightShapes(node(model, 'n2'))).toEqual([[1]]);
  });

  it('LRN keeps size/alpha/beta/k', () => {
    const { model } = analyzed(
      input([1, 8, 4, 4]) +
        'layer { name: "l" type: "LRN" bottom: "data" top: "l" lrn_param { local_size: 5 alpha: 0.0001 beta: 0.75 k: 2 } }',
    );
    expect(attrs(node(model, 'l'))).toEqual({ size: 5, alpha: 0.0001, beta: 0.75, bias: 2 });
  });
});

describe('layers that move data', () => {
  it('Eltwise SUM/PROD/MAX and coefficients', () => {
    const t = (op: string, n = 2): string => {
      const bottoms = Array.from({ length: n }, () => 'bottom: "data"').join(' ');
      return analyzed(
        input([1, 2, 3, 3]) +
          `layer { name: "e" type: "Eltwise" ${bottoms} top: "e" eltwise_param { ${op} } }`,
      ).model.graph.nodes[0]!.op;
    };
    expect([
      t('operation: SUM'),
      t('operation: PROD'),
      t('operation: MAX'),
      t('operation: SUM', 3),
      t('coeff: 1 coeff: -1'),
    ]).toEqual(['Add', 'Mul', 'Max', 'Sum', 'Sum']);
  });

  it('Concat (axis / concat_dim) and Slice (equal split or slice points)', () => {
    const { model, a } = analyzed(
      input([1, 10, 4, 4]) +
        'layer { name: "s" type: "Slice" bottom: "data" top: "s1" top: "s2" top: "s3" slice_param { axis: 1 slice_point: 2 slice_point: 7 } }\n' +
        'layer { name: "h" type: "Slice" bottom: "data" top: "h1" top: "h2" }\n' +
        'layer { name: "c" type: "Concat" bottom: "s3" bottom: "h1" top: "c" concat_param { concat_dim: 1 } }',
    );
    expect(node(model, 's').outputs.map((v) => v!.shape)).toEqual([
      [1, 2, 4, 4],
      [1, 5, 4, 4],
      [1, 3, 4, 4],
    ]);
    expect(node(model, 'h').op).toBe('Split');
    expect(node(model, 'h').outputs.map((v) => v!.shape)).toEqual([
      [1, 5, 4, 4],
      [1, 5, 4, 4],
    ]);
    expect(node(model, 'c').outputs[0]!.shape).toEqual([1, 8, 4, 4]);
    expect(a.unresolved).toEqual([]);
  });

  it('Flatten, Reshape (0 and -1, axis/num_axes), Permute, Crop', () => {
    const { model, a } = analyzed(
      input([2, 3, 4, 5]) +
        'layer { name: "f" type: "Flatten" bottom: "data" top: "f" }\n' +
        'layer { name: "f2" type: "Flatten" bottom: "data" top: "f2" flatten_param { axis: 2 } }\n' +
        'layer { name: "r" type: "Reshape" bottom: "data" top: "r" reshape_param { shape { dim: 0 dim: -1 dim: 10 } } }\n' +
        'layer { name: "r2" type: "Reshape" bottom: "data" top: "r2" reshape_param { shape { dim: 2 dim: 2 } axis: 2 num_axes: 1 } }\n' +
        'layer { name: "p" type: "Permute" bottom: "data" top: "p" permute_param { order: 0 order: 2 order: 3 order: 1 } }\n' +
        input([1, 1, 3, 2], 'ref') +
        'layer { name: "c" type: "Crop" bottom: "data" bottom: "ref" top: "c" crop_param { axis: 2 offset: 1 } }',
    );
    const shape = (n: string): unknown => node(model, n).outputs[0]!.shape;
    expect([shape('f'), shape('f2'), shape('r'), shape('r2'), shape('p'), shape('c')]).toEqual([
      [2, 60],
      [2, 3, 20],
      [2, 6, 10],
      [2, 3, 2, 2, 5],
      [2, 4, 5, 3],
      [2, 3, 3, 2],
    ]);
    expect(node(model, 'f').domain).toBe('');
    expect(node(model, 'f2').domain).toBe('caffe');
    expect(node(model, 'r').op).toBe('Reshape');
    expect(node(model, 'p').op).toBe('Transpose');
    expect(a.unresolved).toEqual([]);
  });
});

describe('detection and recurrent layers', () => {
  it('counts SSD priors like SSD (deduplicated, flipped ratios × min sizes + max sizes)', () => {
    expect(priorCount([30], [60], [2], true)).toBe(4);
    expect(priorCount([60], [111], [2, 3], true)).toBe(6);
    expect(priorCount([30], [], [2, 2, 1], false)).toBe(2);
  });

  it('PriorBox [1, 2, H·W·priors·4]; DetectionOutput has a run-time count', () => {
    const { model, a } = analyzed(
      input([1, 512, 38, 38]) +
        input([1, 3, 300, 300], 'img') +
        'layer { name: "pb" type: "PriorBox" bottom: "data" bottom: "img" top: "pb" prior_box_param { min_size: 30 max_size: 60 aspect_ratio: 2 flip: true } }\n' +
        'layer { name: "det" type: "DetectionOutput" bottom: "data" bottom: "data" bottom: "pb" top: "det" detection_output_param { num_classes: 21 keep_top_k: 200 } }',
    );
    expect(node(model, 'pb').outputs[0]!.shape).toEqual([1, 2, 38 * 38 * 4 * 4]);
    expect(node(model, 'det').outputs[0]!.shape).toEqual([1, 1, 'detections', 7]);
    expect(a.unresolved).toEqual([]);
  });

  it('LSTM: W_xc [4H, I], b_c [4H], W_hc [4H, H]; output [T, N, H]', () => {
    const { model, a } = analyzed(
      'input: "data" input_shape { dim: 320 dim: 1 dim: 1 } input: "clip" input_shape { dim: 320 dim: 1 }\n' +
        'layer { name: "lstm" type: "LSTM" bottom: "data" bottom: "clip" top: "lstm" recurrent_param { num_output: 15 } }',
    );
    expect(weightShapes(node(model, 'lstm'))).toEqual([[60, 1], [60], [60, 15]]);
    expect(node(model, 'lstm').outputs[0]!.shape).toEqual([320, 1, 15]);
    expect(a.totals).toMatchObject({ params: 60 + 60 + 900, macs: 320 * 60 * (1 + 15) });
  });
});
