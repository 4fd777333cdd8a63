/** The contract between the inference engine and the per-op rules. */
import type { DType, Graph, Node, Shape } from '@nnlens/ir';
import type { Folded } from './folded.js';

/** Type, shape and (when small and known) value of a tensor. */
export interface TypeInfo {
  dtype: DType;
  shape: Shape;
  folded?: Folded;
}

/** What a rule sees of one node while shapes are inferred. */
export interface InferContext {
  readonly node: Node;
  /** Opset version of the node's domain (a recent default when the model does not say). */
  readonly opset: number;
  /** Number of input slots, omitted optional inputs included. */
  readonly inputCount: number;
  /** True when input `i` is present (not omitted). */
  has(i: number): boolean;
  /** Shape of input `i`; null when absent or unknown. */
  shape(i: number): Shape;
  /** Element type of input `i` ('unknown' when absent). */
  dtype(i: number): DType;
  /** Rank of input `i`, or null. */
  rank(i: number): number | null;
  /** Value of input `i` when it is a small known tensor. */
  folded(i: number): Folded | undefined;
  /** Value of input `i` as integers, when fully known. */
  ints(i: number): number[] | undefined;
  /** Sets output `i` (ignored when the node has no such output). */
  output(i: number, dtype: DType, shape: Shape, folded?: Folded): void;
  /** Records a non-fatal problem about this node. */
  warn(message: string): void;
  /** Infers a body graph whose inputs have the given types; returns its outputs' types. */
  inferSubgraph(graph: Graph, inputs: readonly TypeInfo[]): TypeInfo[];
}

/** What a cost function sees: shapes with symbolic dims replaced by numbers. */
export interface CostContext {
  readonly node: Node;
  /** Concrete dims of input `i` (symbols resolved), or null when unknown. */
  inShape(i: number): number[] | null;
  /** Concrete dims of output `i`, or null when unknown. */
  outShape(i: number): number[] | null;
}

/** Shape rule and cost function of one operator. */
export interface OpRule {
  /** Sets the node's outputs from its inputs, attributes and known constant inputs. */
  infer(ctx: InferContext): void;
  /** Multiply-accumulates of one execution; omitted = 0 (norms, activations, pools, element-wise). */
  macs?(ctx: CostContext): number | null;
}
