/** Walks graphs in topological order and applies each node's rule, folding small constants on the way. */
import { walkGraphs } from '@nnlens/ir';
import type { DType, FunctionDef, Graph, Model, Node, Shape, Value } from '@nnlens/ir';
import { RuleError, ShapeInferenceError } from './errors.js';
import { foldTensor, intsOf, toConstValue, type Folded } from './folded.js';
import { topologicalOrder } from './order.js';
import { getOpRule } from './registry.js';
import type { InferContext, OpRule, TypeInfo } from './rule.js';
import { snapshotsOf, type Snapshots } from './snapshot.js';

// Used when a model declares no opset for a domain (e.g. a non-ONNX importer).
const DEFAULT_OPSET = 21;

/** Everything one analyze() run learns; shared by the graph walks and the cost pass. */
export class InferState {
  readonly folded = new Map<Value, Folded | null>();
  readonly unresolved = new Set<Node>();
  readonly warnings = new Set<string>();
  readonly unknownOps = new Map<string, number>();
  private readonly opsets = new Map<string, number>();
  private readonly functions = new Map<string, FunctionDef>();
  private readonly activeFunctions = new Set<FunctionDef>();
  readonly snapshots: Snapshots;

  constructor(readonly model: Model) {
    this.snapshots = snapshotsOf(model);
    for (const o of model.opsetImports) this.opsets.set(o.domain === 'ai.onnx' ? '' : o.domain, o.version);
    for (const f of model.functions) this.functions.set(`${f.domain}:${f.name}`, f);
  }

  opsetOf(domain: string): number {
    return this.opsets.get(domain === 'ai.onnx' ? '' : domain) ?? DEFAULT_OPSET;
  }

  /** Known small value of `v` (initializers are decoded lazily, once). */
  foldedOf(v: Value | null | undefined): Folded | undefined {
    if (!v) return undefined;
    const hit = this.folded.get(v);
    if (hit !== undefined) return hit ?? undefined;
    const f = v.initializer ? foldTensor(v.initializer) : undefined;
    this.folded.set(v, f ?? null);
    return f;
  }

  /** Clears everything a previous run wrote into the graph's values (and nested graphs). */
  resetGraph(graph: Graph): void {
    walkGraphs(graph, (g) => {
      for (const v of g.values.values()) {
        this.snapshots.restore(v);
        this.folded.delete(v);
      }
      for (const n of g.nodes) this.unresolved.delete(n);
    });
  }

  /** Sets a value's type, keeping what the file said unless it was unknown. */
  assign(v: Value, dtype: DType, shape: Shape, folded: Folded | undefined, where: () => string): void {
    const fileShape = v.shapeSource === 'file' ? v.shape : null;
    const merged = mergeShapes(fileShape, shape, (m) => this.warnings.add(`${where()}: ${m}`));
    const changed = merged !== fileShape;
    const dt = v.dtype === 'unknown' ? dtype : v.dtype;
    this.snapshots.write(v, dt, merged, changed ? 'inferred' : v.shapeSource);
    if (folded && merged !== null && sameDims(merged, folded.shape)) {
      this.folded.set(v, folded);
      const cv = toConstValue(folded);
      if (cv) v.constValue = cv;
    } else {
      this.folded.set(v, null);
    }
  }

  /** Infers every node of `graph` in order; returns the graph outputs' types. */
  inferGraph(graph: Graph): TypeInfo[] {
    for (const node of topologicalOrder(graph)) this.inferNode(node);
    return graph.outputs.map((v) => {
      const t: TypeInfo = { dtype: v.dtype, shape: v.shape };
      const f = this.folded.get(v) ?? (v.initializer ? this.foldedOf(v) : undefined);
      if (f) t.folded = f;
      return t;
    });
  }

  /** A model-local function is inferred by running its body on the call's input types. */
  private functionRule(node: Node): OpRule | undefined {
    const fn = this.functions.get(`${node.domain}:${node.op}`);
    if (!fn) return undefined;
    const active = this.activeFunctions;
    return {
      infer(ctx) {
        // A function that (indirectly) calls itself cannot be unrolled statically.
        if (active.has(fn)) throw new RuleError(`function '${fn.name}' calls itself`);
        const ins = node.inputs.map((v, i) => ({
          dtype: ctx.dtype(i),
          shape: v ? v.shape : null,
          folded: ctx.folded(i),
        }));
        active.add(fn);
        try {
          ctx.inferSubgraph(fn.body, ins).forEach((o, i) => ctx.output(i, o.dtype, o.shape, o.folded));
        } finally {
          active.delete(fn);
        }
      },
    };
  }

  private inferNode(node: Node): void {
    this.unresolved.delete(node);
    const rule = getOpRule(node.op, node.domain) ?? this.functionRule(node);
    const label = nodeLabel(node);
    if (rule) {
      try {
        rule.infer(new NodeContext(node, this));
      } catch (e) {
        // Rule errors are expected on bad models; anything else is a rule bug, reported the same way.
        const detail = e instanceof Error ? e.message : String(e);
        this.warnings.add(new ShapeInferenceError(label, node.op, detail).message);
      }
    } else {
      const k = node.domain ? `${node.domain}:${node.op}` : node.op;
      this.unknownOps.set(k, (this.unknownOps.get(k) ?? 0) + 1);
    }
    for (const out of node.outputs) {
      if (out && (out.shape === null || out.shape.includes(null))) {
        this.unresolved.add(node);
        break;
      }
    }
  }
}

/** `name` of the node, or `#index` for unnamed nodes. */
export function nodeLabel(node: Node): string {
  return node.name || `#${node.index}`;
}

function sameDims(a: readonly unknown[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function mergeShapes(file: Shape, inferred: Shape, warn: (m: string) => void): Shape {
  if (file === null) return inferred;
  if (inferred === null) return file;
  if (file.length !== inferred.length) {
    warn(`file says rank ${file.length}, inferred [${inferred.join(',')}]; kept the file's`);
    return file;
  }
  let changed = false;
  const out = file.map((d, i) => {
    const inf = inferred[i] ?? null;
    // A file's symbol means "not fixed at export"; a size proved by inference is more precise.
    if ((d === null && inf !== null) || (typeof d === 'string' && typeof inf === 'number')) {
      changed = true;
      return inf;
    }
    if (typeof d === 'number' && typeof inf === 'number' && d !== inf) {
      warn(`file says dim ${i} = ${d}, inferred ${inf}; kept the file's`);
    }
    return d;
  });
  return changed ? out : file;
}

function checkShape(shape: Shape): void {
  if (shape === null) return;
  for (const d of shape) {
    if (typeof d === 'number' && !(Number.isInteger(d) && d >= 0)) {
      throw new RuleError(`computed an invalid dimension ${d} in [${shape.join(',')}]`);
    }
  }
}

/** The InferContext handed to a rule for one node. */
class NodeContext implements InferContext {
  readonly opset: number;
  readonly inputCount: number;

  constructor(
    readonly node: Node,
    private readonly state: InferState,
  ) {
    this.opset = state.opsetOf(node.domain);
    this.inputCount = node.inputs.length;
  }

  has(i: number): boolean {
    return (this.node.inputs[i] ?? null) !== null;
  }
  shape(i: number): Shape {
    return this.node.inputs[i]?.shape ?? null;
  }
  dtype(i: number): DType {
    return this.node.inputs[i]?.dtype ?? 'unknown';
  }
  rank(i: number): number | null {
    return this.shape(i)?.length ?? null;
  }
  folded(i: number): Folded | undefined {
    return this.state.foldedOf(this.node.inputs[i]);
  }
  ints(i: number): number[] | undefined {
    return intsOf(this.folded(i));
  }
  output(i: number, dtype: DType, shape: Shape, folded?: Folded): void {
    const v = this.node.outputs[i];
    if (!v) return;
    checkShape(shape);
    this.state.assign(
      v,
      dtype,
      shape === null ? null : shape.slice(),
      folded,
      () => `${this.node.op} node '${nodeLabel(this.node)}' output '${v.name}'`,
    );
  }
  warn(message: string): void {
    this.state.warnings.add(`${this.node.op} node '${nodeLabel(this.node)}': ${message}`);
  }
  inferSubgraph(graph: Graph, inputs: readonly TypeInfo[]): TypeInfo[] {
    this.state.resetGraph(graph);
    graph.inputs.forEach((v, j) => {
      const t = inputs[j];
      if (t)
        this.state.assign(
          v,
          t.dtype,
          t.shape,
          t.folded,
          () => `${graph.name || 'subgraph'} input '${v.name}'`,
        );
    });
    return this.state.inferGraph(graph);
  }
}
