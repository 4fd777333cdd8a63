/** A model compiled for execution: constants decoded and folded once, the nodes left to run, per-node caches. */
import * as tf from '@tensorflow/tfjs';
import { TensorDataError, type Model, type Node } from '@nnlens/ir';
import { RuntimeError, UnsupportedOpError } from './errors.js';
import { sizeOf, type HostTensor } from './host.js';
import { decodeTensor, type NodeCache } from './op-context.js';
import { opImpl } from './ops/index.js';
import { hostToTensor, type RValue } from './rvalue.js';
import { runNode } from './executor.js';
import { channelsLastValues } from './channels-last.js';
import { fusedActivation, PRE_ACTIVATION } from './ops/activation.js';

/** Host tensors up to this many elements stay on the host; bigger constants become kept tfjs tensors. */
export const HOST_LIMIT = 4096;

/** Ops never constant-folded (none are supported yet, but folding them would freeze their randomness). */
const NONDETERMINISTIC = new Set([
  'RandomNormal',
  'RandomUniform',
  'RandomNormalLike',
  'RandomUniformLike',
  'Multinomial',
]);

/** The executable form of a Model. */
export class Program {
  /** Default-domain opset version. */
  readonly opset: number;
  /** Host data of every constant value (initializers, Constant outputs, folded subgraphs). */
  readonly constants = new Map<string, HostTensor>();
  /** Nodes that depend on a graph input, in graph order. */
  readonly nodes: Node[] = [];
  /** Names of the graph inputs that must be fed. */
  readonly inputNames: string[];
  /** Per-node caches (prepared filters). */
  readonly caches = new Map<Node, NodeCache>();
  /** 4-D values stored channels-last ([N, H, W, C]) by the model's own semantics (Keras, TF.js, TFLite). */
  readonly channelsLast: Set<string>;
  private readonly constValues = new Map<string, RValue>();

  private constructor(readonly model: Model) {
    const def = model.opsetImports.find((o) => o.domain === '' || o.domain === 'ai.onnx');
    this.opset = def?.version ?? 13;
    const g = model.graph;
    this.inputNames = g.inputs.filter((v) => !g.initializers.has(v.name)).map((v) => v.name);
    this.channelsLast = channelsLastValues(g);
  }

  /**
   * The value attributions differentiate: the first output, or the logits before it when the model ends
   * in a Softmax (a node, or a fused activation) — Grad-CAM and captum explain pre-softmax scores.
   */
  scoreOutput(): string {
    const out = this.model.graph.outputs[0];
    if (!out) return '';
    const p = out.producer;
    if (p && (p.op === 'Softmax' || p.op === 'LogSoftmax') && p.inputs[0]) return p.inputs[0].name;
    if (p && fusedActivation(p)?.includes('softmax')) return out.name + PRE_ACTIVATION;
    return out.name;
  }

  /** Checks every op, decodes weights and folds constant subgraphs. Throws UnsupportedOpError first. */
  static compile(model: Model): Program {
    const p = new Program(model);
    const missing = model.graph.nodes.filter((n) => !opImpl(n.domain, n.op));
    if (missing.length > 0) {
      const n = missing[0]!;
      const others = new Set(missing.map((m) => m.op));
      others.delete(n.op);
      const more = others.size ? ` (also unsupported: ${[...others].join(', ')})` : '';
      throw new UnsupportedOpError(
        n.domain ? `${n.domain}.${n.op}` : n.op,
        n.name || `#${n.index}`,
        `nnlens cannot execute this op${more}`,
      );
    }
    for (const [name, t] of model.graph.initializers) {
      try {
        p.constants.set(name, decodeTensor(t));
      } catch (e) {
        if (e instanceof TensorDataError) {
          throw new RuntimeError(`weights of '${name}' are not available: ${e.message}`, { cause: e });
        }
        throw e;
      }
    }
    p.fold();
    return p;
  }

  /** Runs every node whose inputs are all constants once, now, and records its outputs as constants. */
  private fold(): void {
    for (const node of this.model.graph.nodes) {
      const inputs = node.inputs.filter((v) => v !== null);
      const foldable = !NONDETERMINISTIC.has(node.op) && inputs.every((v) => this.constants.has(v.name));
      if (!foldable) {
        this.nodes.push(node);
        continue;
      }
      let outs: (HostTensor | null)[] = [];
      // Host copies are made inside the scope, so every tensor the node created is freed with it.
      tf.tidy(() => {
        outs = runNode(this, node, (name) => this.constantValue(name)).map((v) => (v ? hostOf(v) : null));
      });
      node.outputs.forEach((v, i) => {
        const h = outs[i];
        if (v && h) this.constants.set(v.name, h);
      });
    }
    // Tensors made only to fold (weights behind Identity nodes) are not needed any more.
    const used = new Set<string>(this.model.graph.outputs.map((v) => v.name));
    for (const n of this.nodes) for (const v of n.inputs) if (v) used.add(v.name);
    for (const [name, v] of this.constValues) {
      if (used.has(name)) continue;
      if (v.kind === 'tensor') v.tensor.dispose();
      this.constValues.delete(name);
    }
  }

  /** A constant as a runtime value: small ones on the host, big ones as one kept tfjs tensor. */
  constantValue(name: string): RValue | undefined {
    const cached = this.constValues.get(name);
    if (cached) return cached;
    const h = this.constants.get(name);
    if (!h) return undefined;
    // Shape arithmetic and scalars stay on the host; weights and big tables live in the backend.
    const small = sizeOf(h.shape) <= (h.dtype === 'float32' ? 64 : HOST_LIMIT);
    const v: RValue = small
      ? { kind: 'host', host: h }
      : { kind: 'tensor', tensor: tf.keep(hostToTensor(h)), nhwc: false };
    this.constValues.set(name, v);
    return v;
  }

  /** The cache of a node. */
  cacheOf(node: Node): NodeCache {
    let c = this.caches.get(node);
    if (!c) this.caches.set(node, (c = new Map()));
    return c;
  }

  /** Frees every tensor the program keeps (constants and prepared filters). */
  dispose(): void {
    for (const v of this.constValues.values()) if (v.kind === 'tensor') v.tensor.dispose();
    this.constValues.clear();
    for (const cache of this.caches.values()) for (const x of cache.values()) disposeDeep(x);
    this.caches.clear();
  }
}

function hostOf(v: RValue): HostTensor {
  if (v.kind === 'host') return v.host;
  const t = v.nhwc ? tf.transpose(v.tensor, [0, 3, 1, 2]) : v.tensor;
  const data = t.dataSync();
  const shape = t.shape.slice();
  if (t.dtype === 'float32') return { dtype: 'float32', shape, data: Float32Array.from(data) };
  return { dtype: t.dtype === 'bool' ? 'bool' : 'int64', shape, data: Array.from(data as Int32Array) };
}

function disposeDeep(x: unknown): void {
  if (x instanceof tf.Tensor) x.dispose();
  else if (Array.isArray(x)) x.forEach(disposeDeep);
  else if (x && typeof x === 'object') Object.values(x).forEach(disposeDeep);
}
