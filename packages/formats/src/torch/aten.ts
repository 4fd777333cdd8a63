/** Maps TorchScript `torch.<op>(…)` calls onto IR nodes (ONNX ops where they fit, `pytorch` ops otherwise). */
import type { Attribute, Value } from '@nnlens/ir';
import { constOf, Unsupported, type Const, type Sym } from './script-values.js';

/** What an op mapper can do. */
export interface AtenCall {
  readonly name: string;
  readonly args: Sym[];
  readonly kwargs: Map<string, Sym>;
  /** Adds a node; returns its outputs as symbols. */
  emit(op: string, inputs: (Value | null)[], attrs?: Attribute[], outputs?: number, domain?: string): Sym[];
  /** A Constant node holding `values`. */
  constant(values: number[], dims: number[], dtype: 'float32' | 'int64'): Value;
}

const ints = (name: string, value: number[]): Attribute => ({ name, kind: 'ints', value });
const int = (name: string, value: number): Attribute => ({ name, kind: 'int', value });
const float = (name: string, value: number): Attribute => ({ name, kind: 'float', value });

function arg(c: AtenCall, i: number, kw?: string): Sym | undefined {
  return c.args[i] ?? (kw ? c.kwargs.get(kw) : undefined);
}

function tensor(c: AtenCall, i: number, kw?: string): Value {
  const s = arg(c, i, kw);
  if (s?.k !== 'tensor') throw new Unsupported(`argument ${i} of torch.${c.name} is not a tensor`);
  return s.v;
}

function optTensor(c: AtenCall, i: number, kw?: string): Value | null {
  const s = arg(c, i, kw);
  if (!s || (s.k === 'const' && s.v === null)) return null;
  return tensor(c, i, kw);
}

function constArg(c: AtenCall, i: number, def: Const, kw?: string): Const {
  const s = arg(c, i, kw);
  return s === undefined ? def : constOf(s, `argument ${i} of torch.${c.name}`);
}

function intList(c: AtenCall, i: number, def: number[], kw?: string): number[] {
  const v = constArg(c, i, def, kw);
  const list = Array.isArray(v) ? v : [v];
  if (!list.every((x) => typeof x === 'number' && Number.isInteger(x)))
    throw new Unsupported(`argument ${i} of torch.${c.name} is not a list of ints`);
  return list as number[];
}

function num(c: AtenCall, i: number, def: number, kw?: string): number {
  const v = constArg(c, i, def, kw);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v !== 'number') throw new Unsupported(`argument ${i} of torch.${c.name} is not a number`);
  return v;
}

const spread = (xs: number[], n: number): number[] =>
  xs.length === 1 ? new Array<number>(n).fill(xs[0]!) : xs;

function conv(
  c: AtenCall,
  transposed: boolean,
  strideAt: number,
  padAt: number,
  dilAt: number,
  groupsAt: number,
  outPadAt: number | null,
): Sym[] {
  const x = tensor(c, 0);
  const w = tensor(c, 1);
  const b = optTensor(c, 2);
  const n = w.shape ? w.shape.length - 2 : 2;
  const attrs: Attribute[] = [ints('strides', spread(intList(c, strideAt, [1]), n))];
  const pad = constArg(c, padAt, [0]);
  if (typeof pad === 'string')
    attrs.push({ name: 'auto_pad', kind: 'string', value: pad === 'same' ? 'SAME_UPPER' : 'VALID' });
  else {
    const p = spread(intList(c, padAt, [0]), n);
    attrs.push(ints('pads', [...p, ...p]));
  }
  attrs.push(ints('dilations', spread(intList(c, dilAt, [1]), n)), int('group', num(c, groupsAt, 1)));
  if (w.shape && w.shape.every((d) => typeof d === 'number'))
    attrs.push(ints('kernel_shape', (w.shape as number[]).slice(2)));
  if (transposed && outPadAt !== null)
    attrs.push(ints('output_padding', spread(intList(c, outPadAt, [0]), n)));
  return c.emit(transposed ? 'ConvTranspose' : 'Conv', b ? [x, w, b] : [x, w], attrs);
}

function pool(c: AtenCall, op: 'MaxPool' | 'AveragePool', ceilAt: number, dilAt: number | null): Sym[] {
  const k = intList(c, 1, []);
  const n = k.length === 1 ? Number(c.name.match(/(\d)d$/)?.[1] ?? 2) : k.length;
  const stride = intList(c, 2, []);
  const pad = spread(intList(c, 3, [0]), n);
  const attrs = [
    ints('kernel_shape', spread(k, n)),
    ints('strides', stride.length ? spread(stride, n) : spread(k, n)),
    ints('pads', [...pad, ...pad]),
    int('ceil_mode', num(c, ceilAt, 0)),
  ];
  if (dilAt !== null) attrs.push(ints('dilations', spread(intList(c, dilAt, [1]), n)));
  if (op === 'AveragePool') attrs.push(int('count_include_pad', num(c, 5, 1)));
  return c.emit(op, [tensor(c, 0)], attrs);
}

/** A binary arithmetic op; a scalar operand becomes a Constant node (not a weight). */
function binary(c: AtenCall, op: string): Sym[] {
  const a = arg(c, 0);
  const b = arg(c, 1);
  const val = (s: Sym | undefined): Value => {
    if (s?.k === 'tensor') return s.v;
    const v = s ? constOf(s, `operand of torch.${c.name}`) : null;
    if (typeof v !== 'number' && typeof v !== 'boolean')
      throw new Unsupported(`operand of torch.${c.name} is not a number`);
    return c.constant([Number(v)], [], 'float32');
  };
  const alpha = num(c, 2, 1, 'alpha');
  if (alpha !== 1 && (op === 'Add' || op === 'Sub')) {
    const scaled = c.emit('Mul', [val(b), c.constant([alpha], [], 'float32')])[0] as { v: Value };
    return c.emit(op, [val(a), scaled.v]);
  }
  return c.emit(op, [val(a), val(b)]);
}

type Mapper = (c: AtenCall) => Sym[];
const unary =
  (op: string, attrs: (c: AtenCall) => Attribute[] = () => []): Mapper =>
  (c) =>
    c.emit(op, [tensor(c, 0)], attrs(c));
const alias: Mapper = (c) => [arg(c, 0) ?? { k: 'const', v: null }];

/** Op mappers by aten name (in-place `op_` variants map like `op`). */
export const ATEN: Record<string, Mapper> = {
  _convolution: (c) => conv(c, num(c, 6, 0) !== 0, 3, 4, 5, 8, 7),
  conv1d: (c) => conv(c, false, 3, 4, 5, 6, null),
  conv2d: (c) => conv(c, false, 3, 4, 5, 6, null),
  conv3d: (c) => conv(c, false, 3, 4, 5, 6, null),
  conv_transpose1d: (c) => conv(c, true, 3, 4, 7, 6, 5),
  conv_transpose2d: (c) => conv(c, true, 3, 4, 7, 6, 5),
  linear: (c) => {
    const b = optTensor(c, 2);
    return c.emit(
      'Linear',
      b ? [tensor(c, 0), tensor(c, 1), b] : [tensor(c, 0), tensor(c, 1)],
      [],
      1,
      'pytorch',
    );
  },
  addmm: (c) =>
    c.emit(
      'Gemm',
      [tensor(c, 1), tensor(c, 2), tensor(c, 0)],
      [float('beta', num(c, 3, 1, 'beta')), float('alpha', num(c, 4, 1, 'alpha'))],
    ),
  matmul: (c) => c.emit('MatMul', [tensor(c, 0), tensor(c, 1)]),
  mm: (c) => c.emit('MatMul', [tensor(c, 0), tensor(c, 1)]),
  bmm: (c) => c.emit('MatMul', [tensor(c, 0), tensor(c, 1)]),
  relu: unary('Relu'),
  relu6: (c) =>
    c.emit('Clip', [tensor(c, 0), c.constant([0], [], 'float32'), c.constant([6], [], 'float32')]),
  hardtanh: (c) =>
    c.emit('Clip', [
      tensor(c, 0),
      c.constant([num(c, 1, -1)], [], 'float32'),
      c.constant([num(c, 2, 1)], [], 'float32'),
    ]),
  sigmoid: unary('Sigmoid'),
  tanh: unary('Tanh'),
  gelu: unary('Gelu'),
  elu: unary('Elu', (c) => [float('alpha', num(c, 1, 1))]),
  leaky_relu: unary('LeakyRelu', (c) => [float('alpha', num(c, 1, 0.01))]),
  hardswish: unary('HardSwish'),
  hardsigmoid: unary('HardSigmoid', () => [float('alpha', 1 / 6)]),
  softplus: unary('Softplus'),
  silu: (c) => {
    const s = c.emit('Sigmoid', [tensor(c, 0)])[0] as { v: Value };
    return c.emit('Mul', [tensor(c, 0), s.v]);
  },
  softmax: unary('Softmax', (c) => [int('axis', num(c, 1, -1, 'dim'))]),
  log_softmax: unary('LogSoftmax', (c) => [int('axis', num(c, 1, -1, 'dim'))]),
  dropout: unary('Dropout', (c) => [float('ratio', num(c, 1, 0.5, 'p'))]),
  feature_dropout: unary('Dropout', (c) => [float('ratio', num(c, 1, 0.5, 'p'))]),
  batch_norm: (c) =>
    c.emit(
      'BatchNormalization',
      [tensor(c, 0), optTensor(c, 1), optTensor(c, 2), optTensor(c, 3), optTensor(c, 4)],
      [float('epsilon', num(c, 7, 1e-5)), float('momentum', 1 - num(c, 6, 0.1))],
    ),
  layer_norm: (c) =>
    c.emit(
      'LayerNormalization',
      [tensor(c, 0), optTensor(c, 2), optTensor(c, 3)],
      [int('axis', -intList(c, 1, [1]).length), float('epsilon', num(c, 4, 1e-5))],
    ),
  group_norm: (c) =>
    c.emit(
      'GroupNormalization',
      [tensor(c, 0), optTensor(c, 2), optTensor(c, 3)],
      [int('num_groups', num(c, 1, 1)), float('epsilon', num(c, 4, 1e-5))],
    ),
  instance_norm: (c) =>
    c.emit(
      'InstanceNormalization',
      [tensor(c, 0), optTensor(c, 1), optTensor(c, 2)],
      [float('epsilon', num(c, 7, 1e-5))],
    ),
  max_pool1d: (c) => pool(c, 'MaxPool', 5, 4),
  max_pool2d: (c) => pool(c, 'MaxPool', 5, 4),
  max_pool3d: (c) => pool(c, 'MaxPool', 5, 4),
  avg_pool1d: (c) => pool(c, 'AveragePool', 4, null),
  avg_pool2d: (c) => pool(c, 'AveragePool', 4, null),
  avg_pool3d: (c) => pool(c, 'AveragePool', 4, null),
  adaptive_avg_pool2d: (c) => {
    const size = intList(c, 1, [1]);
    if (size.every((s) => s === 1)) return c.emit('GlobalAveragePool', [tensor(c, 0)]);
    return c.emit('AdaptiveAvgPool', [tensor(c, 0)], [ints('output_size', size)], 1, 'pytorch');
  },
  adaptive_max_pool2d: (c) => {
    if (!intList(c, 1, [1]).every((s) => s === 1))
      throw new Unsupported('adaptive_max_pool2d to a size other than 1');
    return [...c.emit('GlobalMaxPool', [tensor(c, 0)]), { k: 'const', v: null }];
  },
  flatten: (c) => {
    const start = num(c, 1, 0);
    const end = num(c, 2, -1);
    if (end === -1 && start === 1) return c.emit('Flatten', [tensor(c, 0)], [int('axis', 1)]);
    return c.emit('Flatten', [tensor(c, 0)], [int('axis', start), int('end_axis', end)], 1, 'pytorch');
  },
  add: (c) => binary(c, 'Add'),
  sub: (c) => binary(c, 'Sub'),
  mul: (c) => binary(c, 'Mul'),
  div: (c) => binary(c, 'Div'),
  cat: (c) => {
    const list = arg(c, 0);
    if (list?.k !== 'list' || !list.items.every((s) => s.k === 'tensor'))
      throw new Unsupported('torch.cat of a non-tensor list');
    return c.emit(
      'Concat',
      list.items.map((s) => (s as { v: Value }).v),
      [int('axis', num(c, 1, 0, 'dim'))],
    );
  },
  view: (c) => reshape(c),
  reshape: (c) => reshape(c),
  permute: (c) => c.emit('Transpose', [tensor(c, 0)], [ints('perm', intList(c, 1, []))]),
  t: (c) => c.emit('Transpose', [tensor(c, 0)], [ints('perm', [1, 0])]),
  mean: (c) =>
    c.emit('ReduceMean', [tensor(c, 0)], [ints('axes', intList(c, 1, [])), int('keepdims', num(c, 2, 0))]),
  embedding: (c) => c.emit('Gather', [tensor(c, 0), tensor(c, 1)], [int('axis', 0)]),
  contiguous: alias,
  clone: alias,
  detach: alias,
  to: alias,
};

/** view/reshape with a constant target; `torch.size(x, i)` at position i of x itself means "keep" (0). */
function reshape(c: AtenCall): Sym[] {
  const x = tensor(c, 0);
  const target = arg(c, 1);
  if (target?.k !== 'list' && target?.k !== 'const') throw new Unsupported('reshape target is not a list');
  const items: Sym[] =
    target.k === 'list'
      ? target.items
      : Array.isArray(target.v)
        ? target.v.map((v) => ({ k: 'const', v }))
        : [];
  const dims = items.map((s, i) => {
    if (s.k === 'size' && s.of === x && s.dim === i) return 0;
    if (s.k === 'const' && typeof s.v === 'number') return s.v;
    throw new Unsupported('reshape target depends on run-time sizes');
  });
  return c.emit('Reshape', [x, c.constant(dims, [dims.length], 'int64')]);
}
