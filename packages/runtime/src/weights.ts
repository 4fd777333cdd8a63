/** A layer's constant weights in ONNX order (conv [O, I/g, k…]), whatever layout the model file used. */
import { getAttribute } from '@nnlens/ir';
import type { HostTensor } from './host.js';
import { toOnnxWeight } from './ops/weight-layout.js';
import type { Program } from './program.js';

/** Weight and bias of the node producing `value`, or null when it has no constant float weight. */
export function layerWeights(
  program: Program,
  value: string,
): { weight: HostTensor; bias: HostTensor | null } | null {
  const node = program.nodes.find((n) => n.outputs.some((v) => v?.name === value));
  const w = node?.inputs[1] ? program.constants.get(node.inputs[1].name) : undefined;
  if (!node || !w || w.dtype !== 'float32') return null;
  const layout = getAttribute(node, 'kernel_layout');
  const conv = node.op === 'Conv' || node.op === 'ConvTranspose';
  const weight =
    conv && layout?.kind === 'string' ? toOnnxWeight(w, layout.value, node.op === 'ConvTranspose') : w;
  const b = node.inputs[2] ? program.constants.get(node.inputs[2].name) : undefined;
  return { weight, bias: b && b.dtype === 'float32' ? b : null };
}
