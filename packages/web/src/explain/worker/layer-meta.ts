/** Layer metadata for the page: runtime layers plus node inputs, conv/pool windows and weight availability. */
import { getAttribute, type Node } from '@nnlens/ir';
import { layerWeights, type LayerInfo, type Session } from '@nnlens/runtime';
import type { LayerMeta, WindowParams } from '../protocol.js';

function ints(node: Node, name: string): number[] | undefined {
  const a = getAttribute(node, name);
  return a && a.kind === 'ints' ? a.value : undefined;
}

/** The window of a 2-D conv/pool node, with pads made explicit from the traced shapes. */
function windowOf(
  node: Node,
  inShape: number[] | undefined,
  outShape: number[],
  weightShape?: number[],
): WindowParams | undefined {
  const kernel = (ints(node, 'kernel_shape') ?? weightShape?.slice(2)) as [number, number] | undefined;
  if (!kernel || kernel.length !== 2 || !inShape || inShape.length !== 4) return undefined;
  const strides = (ints(node, 'strides') ?? [1, 1]) as [number, number];
  const dilations = (ints(node, 'dilations') ?? [1, 1]) as [number, number];
  let pads = ints(node, 'pads') as [number, number, number, number] | undefined;
  if (!pads) {
    // auto_pad: the smallest total padding that yields the traced output size, extra at the end.
    const tot = [0, 1].map((i) =>
      Math.max(
        0,
        (outShape[i + 2]! - 1) * strides[i]! + (kernel[i]! - 1) * dilations[i]! + 1 - inShape[i + 2]!,
      ),
    );
    pads = [Math.floor(tot[0]! / 2), Math.floor(tot[1]! / 2), Math.ceil(tot[0]! / 2), Math.ceil(tot[1]! / 2)];
  }
  const g = getAttribute(node, 'group');
  return { kernel, strides, pads, dilations, group: g && g.kind === 'int' ? g.value : 1 };
}

/** LayerMeta for every traced layer. */
export function layerMetas(session: Session, layers: LayerInfo[]): LayerMeta[] {
  const byValue = new Map(layers.map((l) => [l.value, l]));
  const producers = new Map<string, Node>();
  for (const n of session.program.nodes) for (const v of n.outputs) if (v) producers.set(v.name, n);
  return layers.map((l) => {
    const node = producers.get(l.value);
    const inputs = node ? node.inputs.filter((v) => v && byValue.has(v.name)).map((v) => v!.name) : [];
    const weight = node ? layerWeights(session.program, l.value)?.weight : undefined;
    const meta: LayerMeta = {
      value: l.value,
      label: l.label,
      op: l.op,
      kind: l.kind,
      shape: l.shape,
      inputs,
      hasWeights:
        !!weight && weight.dtype === 'float32' && (l.op === 'Conv' || l.op === 'Gemm' || l.op === 'MatMul'),
    };
    if (node && (l.op === 'Conv' || l.op === 'MaxPool' || l.op === 'AveragePool')) {
      const w = windowOf(node, inputs[0] ? byValue.get(inputs[0])?.shape : undefined, l.shape, weight?.shape);
      if (w) meta.window = w;
    }
    return meta;
  });
}
