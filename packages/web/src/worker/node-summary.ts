/** The short key-attribute text drawn inside a node box, e.g. `3×3/2 · 64` for a strided 3×3 conv to 64 channels. */
import { getAttribute, type Node } from '@nnlens/ir';
import { constantTensor } from './weights.js';

function ints(node: Node, name: string): number[] | undefined {
  const a = getAttribute(node, name);
  return a?.kind === 'ints' ? a.value : undefined;
}

function int(node: Node, name: string): number | undefined {
  const a = getAttribute(node, name);
  return a?.kind === 'int' ? a.value : undefined;
}

function weightDims(node: Node, input: number): number[] | undefined {
  const v = node.inputs[input];
  if (!v) return undefined;
  const s = v.initializer?.shape ?? v.shape;
  return s && s.every((d) => typeof d === 'number') ? (s as number[]) : undefined;
}

/**
 * Output channels and spatial kernel of a conv weight. ONNX stores [O, I/group, k…] (ConvTranspose
 * [I, O/group, k…]); TensorFlow-family importers say their order in `kernel_layout` (e.g. 'HWIO', 'HWIM').
 */
function kernelAxes(node: Node, w: number[]): { out?: number; spatial: number[]; depthwise: boolean } {
  const layout = getAttribute(node, 'kernel_layout');
  if (layout?.kind !== 'string' || layout.value.length !== w.length) {
    const group = int(node, 'group') ?? 1;
    const out = node.op === 'ConvTranspose' ? w[1]! * group : w[0];
    return { out, spatial: w.slice(2), depthwise: false };
  }
  const letters = layout.value.split('');
  const at = (c: string): number | undefined => {
    const i = letters.indexOf(c);
    return i >= 0 ? w[i] : undefined;
  };
  const spatial = w.filter((_, i) => !'OIM1'.includes(letters[i]!));
  const m = at('M');
  const out = at('O') ?? (m !== undefined && at('I') !== undefined ? at('I')! * m : undefined);
  return { out, spatial, depthwise: m !== undefined };
}

function kernelText(kernel: number[] | undefined, strides: number[] | undefined): string {
  if (!kernel?.length) return '';
  const k =
    kernel.every((d) => d === kernel[0]) && kernel.length === 2
      ? `${kernel[0]}×${kernel[0]}`
      : kernel.join('×');
  const s =
    strides?.find((d) => d !== 1) !== undefined
      ? `/${strides!.every((d) => d === strides![0]) ? strides![0] : strides!.join('×')}`
      : '';
  return k + s;
}

/** Summary text by op; '' when the op has nothing worth showing. */
export function summarizeNode(node: Node): string {
  const parts: string[] = [];
  switch (node.op) {
    case 'Conv':
    case 'ConvTranspose':
    case 'QLinearConv': {
      const w = weightDims(node, node.op === 'QLinearConv' ? 3 : 1);
      const k = w ? kernelAxes(node, w) : null;
      parts.push(kernelText(ints(node, 'kernel_shape') ?? k?.spatial, ints(node, 'strides')));
      const group = int(node, 'group') ?? 1;
      if (k?.out !== undefined) parts.push(String(k.out));
      if (k?.depthwise || (group > 1 && k?.out === group)) parts.push('depthwise');
      else if (group > 1) parts.push(`g${group}`);
      const dil = ints(node, 'dilations');
      if (dil?.some((d) => d !== 1)) parts.push(`d${dil.join('×')}`);
      break;
    }
    case 'MaxPool':
    case 'AveragePool':
    case 'LpPool':
      parts.push(kernelText(ints(node, 'kernel_shape'), ints(node, 'strides')));
      break;
    case 'Gemm': {
      const w = weightDims(node, 1);
      if (w && w.length === 2) parts.push(`${(int(node, 'transB') ?? 0) ? w[0] : w[1]} out`);
      break;
    }
    case 'MatMul': {
      // Only a constant right-hand side is a weight (shared weights arrive through Identity nodes).
      const b = node.inputs[1];
      const t = b ? constantTensor(b) : null;
      if (t && t.shape.length >= 2) parts.push(`${t.shape[t.shape.length - 1]} out`);
      break;
    }
    case 'Concat':
    case 'Softmax':
    case 'LogSoftmax':
    case 'Gather':
    case 'Split':
    case 'Flatten':
      if (int(node, 'axis') !== undefined) parts.push(`axis ${int(node, 'axis')}`);
      break;
    case 'Transpose': {
      const perm = ints(node, 'perm');
      if (perm) parts.push(`perm ${perm.join(',')}`);
      break;
    }
    case 'ReduceMean':
    case 'ReduceSum':
    case 'ReduceMax': {
      const axes = ints(node, 'axes');
      if (axes) parts.push(`axes ${axes.join(',')}`);
      break;
    }
    case 'Loop':
    case 'If':
    case 'Scan': {
      const n = node.attributes.filter((a) => a.kind === 'graph').length;
      parts.push(`${n} subgraph${n === 1 ? '' : 's'}`);
      break;
    }
  }
  return parts.filter(Boolean).join(' · ');
}
