/** Turns a unit (an op plus what folded into it) into the fields of a drawn layer. */
import { getAttribute } from '@nnlens/ir';
import type { Node, Shape, Tensor, Value } from '@nnlens/ir';
import type { DenseWeights, Layer, LayerKind } from './layer.js';
import { ACTIVATIONS, opDisplayName } from './op-kind.js';
import type { Unit } from './units.js';

/** Shape without the batch dim; unknown or symbolic dims become -1. */
export function dropBatch(shape: Shape): number[] {
  if (!shape) return [];
  const dims = shape.map((d) => (typeof d === 'number' ? d : -1));
  return dims.length >= 2 ? dims.slice(1) : dims;
}

function ints(node: Node, name: string): number[] | undefined {
  const a = getAttribute(node, name);
  return a?.kind === 'ints' ? a.value : undefined;
}

function pair(xs: number[] | undefined): [number, number] | undefined {
  if (!xs || xs.length === 0) return undefined;
  return [xs[0]!, xs[xs.length > 1 ? 1 : 0]!];
}

/** Follows Identity/Transpose/Cast chains back to an initializer. */
function weightTensor(v: Value | null): { tensor: Tensor; transposed: boolean } | undefined {
  let transposed = false;
  for (let hops = 0; v && hops < 16; hops++) {
    if (v.initializer) return { tensor: v.initializer, transposed };
    const p: Node | undefined = v.producer;
    if (!p || !['Identity', 'Transpose', 'Cast', 'DequantizeLinear'].includes(p.op)) return undefined;
    if (p.op === 'Transpose') transposed = !transposed;
    v = p.inputs[0] ?? null;
  }
  return undefined;
}

function denseWeights(node: Node): DenseWeights | undefined {
  if (node.op === 'Gemm') {
    const w = weightTensor(node.inputs[1] ?? null);
    if (!w || w.tensor.shape.length !== 2) return undefined;
    const transB = getAttribute(node, 'transB');
    const tb = transB?.kind === 'int' && transB.value === 1;
    const b = weightTensor(node.inputs[2] ?? null);
    const out: DenseWeights = { weight: w.tensor, inputMajor: tb === w.transposed };
    if (b && b.tensor.shape.length <= 1) out.bias = b.tensor;
    return out;
  }
  if (node.op === 'MatMul') {
    const w = weightTensor(node.inputs[1] ?? null);
    if (!w || w.tensor.shape.length !== 2) return undefined;
    const out: DenseWeights = { weight: w.tensor, inputMajor: !w.transposed };
    // PyTorch exports Linear as MatMul followed by Add(bias).
    const add = node.outputs[0]?.consumers.find((c) => c.op === 'Add');
    const b = add?.inputs.map((v) => weightTensor(v)).find((x) => x !== undefined);
    if (b && b.tensor.shape.length === 1) out.bias = b.tensor;
    return out;
  }
  return undefined;
}

function activationOf(nodes: Node[]): string | undefined {
  let act: string | undefined;
  for (const n of nodes) {
    // Exporters decompose some activations: x·hardsigmoid(x), x·sigmoid(x), erf-based GELU.
    if (n.op === 'Mul' && act === 'hard-sigmoid') act = 'h-swish';
    else if (n.op === 'Mul' && act === 'sigmoid') act = 'SiLU';
    if (n.op === 'Erf') act = 'GELU';
    const a = ACTIVATIONS[n.op];
    if (!a) continue;
    if (n.op === 'Clip') {
      const max = n.inputs[2]?.constValue?.data[0] ?? (getAttribute(n, 'max')?.value as number | undefined);
      act = max === 6 ? 'ReLU6' : 'clip';
    } else act = a;
  }
  return act;
}

const FOLD_NOTE = new Set([
  'BatchNormalization',
  'LayerNormalization',
  'InstanceNormalization',
  'GroupNormalization',
  'LRN',
  'Dropout',
  'Pad',
]);

/** Fields of a layer drawn for one unit (id, name and costs are filled by the caller). */
export function describeUnit(
  unit: Unit,
): Pick<Layer, 'kind' | 'op' | 'shape' | 'inShape' | 'folded'> &
  Partial<Pick<Layer, 'kernel' | 'stride' | 'groups' | 'activation' | 'dense'>> {
  const shape = dropBatch(unit.shapeValue.shape);
  if (!unit.anchor) return { kind: 'input', op: 'Input', shape, inShape: shape, folded: [] };
  const node = unit.anchor;
  const inShape = dropBatch(unit.inputs[0]?.shape ?? null);
  const folded = [...unit.pre, ...unit.folded].map((n) => n.op).filter((op) => FOLD_NOTE.has(op));
  const activation = activationOf(unit.folded) ?? activationOf(unit.pre);
  let kind: LayerKind;
  if (unit.kind === 'merge') kind = unit.mergeKind === 'concat' ? 'concat' : 'add';
  else if (unit.kind === 'matmul') kind = 'other';
  else if (unit.kind === 'pre') kind = 'norm';
  else kind = unit.kind;
  const out: ReturnType<typeof describeUnit> = { kind, op: opDisplayName(node.op), shape, inShape, folded };
  if (activation) out.activation = activation;
  if (
    kind === 'conv' ||
    kind === 'deconv' ||
    (kind === 'pool' && !node.op.startsWith('Global') && !node.op.startsWith('Reduce'))
  ) {
    const w = weightTensor(node.inputs[1] ?? null);
    const k =
      pair(ints(node, 'kernel_shape')) ??
      (w && w.tensor.shape.length === 4 ? [w.tensor.shape[2]!, w.tensor.shape[3]!] : undefined);
    if (k) out.kernel = k as [number, number];
    const s = pair(ints(node, 'strides'));
    if (s) out.stride = s;
    const g = getAttribute(node, 'group');
    if (g?.kind === 'int' && g.value > 1) out.groups = g.value;
  } else if (kind === 'pool' && inShape.length === 3) {
    out.kernel = [inShape[1]!, inShape[2]!];
  }
  if (kind === 'dense') {
    const d = denseWeights(node);
    if (d) out.dense = d;
  }
  if (unit.kind === 'merge') out.op = unit.mergeKind === 'concat' ? 'Concat' : node.op;
  if (unit.kind === 'matmul') out.op = 'MatMul';
  return out;
}

/** "5×5 /2" style text for a kernel and stride. */
export function kernelText(layer: Pick<Layer, 'kernel' | 'stride'>): string {
  if (!layer.kernel) return '';
  const [kh, kw] = layer.kernel;
  const s = layer.stride && (layer.stride[0] > 1 || layer.stride[1] > 1) ? ` /${layer.stride[0]}` : '';
  return `${kh}×${kw}${s}`;
}

/** "Conv 5×5 /2", "MaxPool 2×2", "Dense", with "depthwise" for depthwise convolutions. */
export function opText(layer: Pick<Layer, 'op' | 'kernel' | 'stride' | 'groups' | 'shape'>): string {
  const k = kernelText(layer);
  const dw = layer.groups && layer.groups > 1 && layer.groups === layer.shape[0] ? 'DW' : '';
  return [dw + layer.op, k].filter(Boolean).join(' ');
}
