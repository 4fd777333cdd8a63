/** Appends nodes to an IR graph with unique names, one output value per node output, and shared initializers. */
import {
  addInitializer,
  addNode,
  ensureValue,
  type Attribute,
  type DType,
  type Graph,
  type Shape,
  type Tensor,
  type Value,
} from '@nnlens/ir';
import { ModelFormatError } from '../errors.js';

// A bound on what a file may make us build (nested models called many times are inlined each time).
const MAX_NODES = 200_000;

/** Builds one graph; every name it hands out is unique in that graph. */
export class Emitter {
  private readonly nodeNames = new Set<string>();
  private readonly initializers = new Map<Tensor, Value>();
  private readonly warned = new Map<string, number>();

  constructor(
    readonly graph: Graph,
    /** Format id for errors ('keras', 'tfjs'). */
    readonly format: string,
    private readonly warnings: string[],
  ) {}

  /** `base`, or `base_1`, `base_2`… when a value of the graph has that name. */
  uniqueName(base: string): string {
    let name = base;
    for (let k = 1; this.graph.values.has(name); k++) name = `${base}_${k}`;
    return name;
  }

  private uniqueNodeName(base: string): string {
    let name = base;
    for (let k = 1; this.nodeNames.has(name); k++) name = `${base}_${k}`;
    return name;
  }

  /** A graph input. */
  input(name: string, dtype: DType, shape: Shape): Value {
    const v = ensureValue(this.graph, this.uniqueName(name), dtype, shape);
    this.graph.inputs.push(v);
    return v;
  }

  /** The value of a weight tensor (added once, however many nodes read it). */
  weight(t: Tensor): Value {
    let v = this.initializers.get(t);
    if (!v) {
      if (this.graph.values.has(t.name)) t.name = this.uniqueName(t.name);
      v = addInitializer(this.graph, t);
      this.initializers.set(t, v);
    }
    return v;
  }

  /** Appends a node named `name` (made unique) with `outputs` fresh output values; returns them. */
  node(
    name: string,
    op: string,
    inputs: (Value | null)[],
    attributes: Attribute[],
    outputs = 1,
    domain = '',
  ): Value[] {
    if (this.graph.nodes.length >= MAX_NODES) {
      throw new ModelFormatError(
        this.format,
        `${this.label}: the model expands to more than ${MAX_NODES} nodes`,
      );
    }
    const nodeName = this.uniqueNodeName(name);
    this.nodeNames.add(nodeName);
    const outs: Value[] = [];
    for (let i = 0; i < outputs; i++) {
      outs.push(ensureValue(this.graph, this.uniqueName(i === 0 ? nodeName : `${nodeName}:${i}`)));
    }
    addNode(this.graph, { name: nodeName, op, domain, inputs, outputs: outs, attributes });
    return outs;
  }

  /** Adds a warning once per `kind` (then counts the repeats in one closing line). */
  warn(kind: string, message: string): void {
    const n = (this.warned.get(kind) ?? 0) + 1;
    this.warned.set(kind, n);
    if (n <= 10) this.warnings.push(message);
    else if (n === 11) this.warnings.push(`${this.label}: further '${kind}' warnings omitted`);
  }

  /** How messages name the format ('Keras', 'TF.js'). */
  get label(): string {
    return this.format === 'tfjs' ? 'TF.js' : this.format === 'tflite' ? 'TFLite' : 'Keras';
  }
}
