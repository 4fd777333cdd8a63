/** Layers as people name them: friendly labels for node outputs, their kinds, and the default Grad-CAM layer. */
import type { Node } from '@nnlens/ir';
import type { Program } from './program.js';
import type { Trace } from './trace.js';

/** What a layer does, for choosing how to draw it. */
export type LayerKind =
  'input' | 'conv' | 'activation' | 'pool' | 'dense' | 'norm' | 'softmax' | 'merge' | 'reshape' | 'other';

/** One value of a traced model, named for people. */
export interface LayerInfo {
  /** Value name in the graph (what trace.read() takes). */
  value: string;
  /** Friendly name: the node name without the exporter's '/…/Op' decoration ('relu_2_2'). */
  label: string;
  op: string;
  /** Node name ('' for graph inputs). */
  node: string;
  /** Shape from the trace, channels first ([N, C, H, W]) also for channels-last models. */
  shape: number[];
  /** The model itself stores the value [N, H, W, C] (read it with trace.readNchw). */
  channelsLast: boolean;
  kind: LayerKind;
}

const KINDS: Record<string, LayerKind> = {
  Conv: 'conv',
  ConvTranspose: 'conv',
  Relu: 'activation',
  Clip: 'activation',
  LeakyRelu: 'activation',
  PRelu: 'activation',
  Sigmoid: 'activation',
  HardSigmoid: 'activation',
  HardSwish: 'activation',
  Tanh: 'activation',
  Elu: 'activation',
  Selu: 'activation',
  Gelu: 'activation',
  Erf: 'activation',
  MaxPool: 'pool',
  AveragePool: 'pool',
  GlobalAveragePool: 'pool',
  GlobalMaxPool: 'pool',
  Gemm: 'dense',
  MatMul: 'dense',
  BatchNormalization: 'norm',
  LayerNormalization: 'norm',
  InstanceNormalization: 'norm',
  Softmax: 'softmax',
  LogSoftmax: 'softmax',
  Add: 'merge',
  Sum: 'merge',
  Concat: 'merge',
  Mul: 'merge',
  Flatten: 'reshape',
  Reshape: 'reshape',
  Transpose: 'reshape',
  Squeeze: 'reshape',
  Unsqueeze: 'reshape',
};

/** 'relu_2_2' from '/relu_2_2/Relu'; 'layer4/layer4.1/relu_1' from '/layer4/layer4.1/relu_1/Relu'. */
export function layerLabel(node: Node, outputIndex = 0): string {
  let name = node.name.replace(/^\/+/, '');
  const parts = name.split('/');
  if (parts.length > 1 && parts[parts.length - 1]!.replace(/_\d+$/, '') === node.op) parts.pop();
  name = parts.join('/') || `${node.op}_${node.index}`;
  return outputIndex > 0 ? `${name}:${outputIndex}` : name;
}

function nchwShape(trace: Trace, name: string): number[] {
  const s = trace.shape(name);
  return trace.isChannelsLast(name) && s.length === 4 ? [s[0]!, s[3]!, s[1]!, s[2]!] : s;
}

/** Every value of the trace that a node produced (plus the graph inputs), in execution order. */
export function listLayers(program: Program, trace: Trace): LayerInfo[] {
  const out: LayerInfo[] = [];
  for (const name of program.inputNames) {
    if (trace.has(name))
      out.push({
        value: name,
        label: name,
        op: 'Input',
        node: '',
        shape: nchwShape(trace, name),
        kind: 'input',
        channelsLast: trace.isChannelsLast(name),
      });
  }
  for (const node of program.nodes) {
    node.outputs.forEach((v, i) => {
      if (!v || !trace.has(v.name)) return;
      const kind = KINDS[node.op] ?? 'other';
      out.push({
        value: v.name,
        label: layerLabel(node, i),
        op: node.op,
        node: node.name,
        shape: nchwShape(trace, v.name),
        kind,
        channelsLast: trace.isChannelsLast(v.name),
      });
    });
  }
  return out;
}

/** True for a [N,C,H,W] value with more than one spatial position. */
export function isSpatial(l: LayerInfo): boolean {
  return l.shape.length === 4 && l.shape[2]! * l.shape[3]! > 1;
}

/**
 * The default Grad-CAM layer: the output of the last conv block's activation — the last spatial value
 * produced by an activation, a residual merge or a conv (pools and reshapes are skipped).
 */
export function defaultCamLayer(layers: LayerInfo[]): LayerInfo | undefined {
  const ok = new Set<LayerKind>(['activation', 'merge', 'conv', 'norm']);
  for (let i = layers.length - 1; i >= 0; i--) {
    const l = layers[i]!;
    if (isSpatial(l) && ok.has(l.kind)) return l;
  }
  return undefined;
}

/** Finds a layer by value name, node name, label, or a unique label suffix ('relu_2_2'). */
export function resolveLayer(layers: LayerInfo[], query: string): LayerInfo {
  const exact = layers.find((l) => l.value === query || l.node === query || l.label === query);
  if (exact) return exact;
  const suffix = layers.filter((l) => l.label.endsWith(`/${query}`) || l.label.split('/').pop() === query);
  if (suffix.length === 1) return suffix[0]!;
  const names = layers.filter(isSpatial).map((l) => l.label);
  const hint =
    suffix.length > 1
      ? `ambiguous: ${suffix.map((l) => l.label).join(', ')}`
      : `spatial layers: ${names.slice(-12).join(', ')}`;
  throw new RangeError(`no layer '${query}' (${hint})`);
}
