/** What an op implementation sees of its node: inputs as runtime values, attributes, constants and a per-node cache. */
import type * as tf from '@tensorflow/tfjs';
import { getAttribute, tensorValues, type Node, type Tensor } from '@nnlens/ir';
import { NodeExecutionError } from './errors.js';
import type { HostTensor } from './host.js';
import { toHost, toLogical, type RValue } from './rvalue.js';

/** An op implementation: inputs in, outputs out (one per node output; null for an unused optional output). */
export type OpImpl = (ctx: OpContext) => (RValue | null)[];

/** Per-node state that outlives one run (prepared weights); tensors in it must be kept (tf.keep). */
export type NodeCache = Map<string, unknown>;

/** Execution context of one node. */
export class OpContext {
  constructor(
    /** The node being executed. */
    readonly node: Node,
    /** The default-domain opset version of the model (Softmax, Clip, … changed semantics over time). */
    readonly opset: number,
    private readonly resolve: (i: number) => RValue | undefined,
    private readonly constants: (HostTensor | undefined)[],
    private readonly nodeCache: NodeCache,
  ) {}

  /** Number of inputs the node lists (omitted optional ones included). */
  get inputCount(): number {
    return this.node.inputs.length;
  }

  /** True when input `i` is present. */
  has(i: number): boolean {
    return this.node.inputs[i] != null && (this.constants[i] !== undefined || this.resolve(i) !== undefined);
  }

  /** Input `i`; throws naming the node when it is missing. */
  input(i: number): RValue {
    const v = this.node.inputs[i] ? this.resolve(i) : undefined;
    if (!v) throw this.error(`input ${i} is missing`);
    return v;
  }

  /** Input `i` as a tfjs tensor in logical layout. */
  tensor(i: number): tf.Tensor {
    return toLogical(this.input(i));
  }

  /** Input `i`'s elements on the host (shape arguments: small). */
  host(i: number): HostTensor {
    return this.constants[i] ?? toHost(this.input(i));
  }

  /** Input `i` as integers (Reshape's shape, Slice's starts, …). */
  ints(i: number): number[] {
    return Array.from(this.host(i).data, (x) => Number(x));
  }

  /** Input `i` as floats, or `fallback` when absent. */
  floats(i: number, fallback: number[] = []): number[] {
    return this.has(i) ? Array.from(this.host(i).data, (x) => Number(x)) : fallback;
  }

  /** Input `i`'s data when it is a constant of the graph (initializer or folded), else undefined. */
  constant(i: number): HostTensor | undefined {
    return this.constants[i];
  }

  /** Integer attribute. */
  int(name: string, fallback: number): number {
    const a = getAttribute(this.node, name);
    return a && (a.kind === 'int' || a.kind === 'float') ? a.value : fallback;
  }

  /** Integer-list attribute (undefined when absent). */
  intsAttr(name: string): number[] | undefined {
    const a = getAttribute(this.node, name);
    return a && (a.kind === 'ints' || a.kind === 'floats') ? a.value.slice() : undefined;
  }

  /** Float attribute. */
  float(name: string, fallback: number): number {
    const a = getAttribute(this.node, name);
    return a && (a.kind === 'float' || a.kind === 'int') ? a.value : fallback;
  }

  /** Float-list attribute. */
  floatsAttr(name: string): number[] | undefined {
    const a = getAttribute(this.node, name);
    return a && (a.kind === 'floats' || a.kind === 'ints') ? a.value.slice() : undefined;
  }

  /** String attribute. */
  string(name: string, fallback: string): string {
    const a = getAttribute(this.node, name);
    return a && a.kind === 'string' ? a.value : fallback;
  }

  /** Tensor attribute (Constant's value, ConstantOfShape's value). */
  tensorAttr(name: string): Tensor | undefined {
    const a = getAttribute(this.node, name);
    return a && a.kind === 'tensor' ? a.value : undefined;
  }

  /** A value prepared once per node and session (e.g. a conv filter transposed to HWIO). */
  cached<T>(key: string, make: () => T): T {
    if (!this.nodeCache.has(key)) this.nodeCache.set(key, make());
    return this.nodeCache.get(key) as T;
  }

  /** An error naming this node. */
  error(message: string, cause?: unknown): NodeExecutionError {
    return new NodeExecutionError(this.node.op, this.node.name || `#${this.node.index}`, message, { cause });
  }
}

/** Decodes an IR tensor (initializer, attribute) into a host tensor. */
export function decodeTensor(t: Tensor): HostTensor {
  const vals = tensorValues(t);
  if (t.dtype === 'string') throw new Error(`tensor '${t.name}' holds strings`);
  const floatish =
    t.dtype === 'float32' || t.dtype === 'float16' || t.dtype === 'bfloat16' || t.dtype === 'float64';
  if (floatish) {
    const data = vals instanceof Float32Array ? vals : Float32Array.from(vals as ArrayLike<number>);
    return { dtype: 'float32', shape: t.shape.slice(), data };
  }
  const data = Array.from(vals as ArrayLike<number>);
  return { dtype: t.dtype === 'bool' ? 'bool' : 'int64', shape: t.shape.slice(), data };
}
