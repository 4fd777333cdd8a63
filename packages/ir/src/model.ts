/** The neutral model every importer produces: Model → Graph → Node → Value → Tensor. */
import type { DType } from './dtype.js';
import type { Shape } from './shape.js';

/** Where a tensor's bytes live. Payloads are never copied out of the file at import time. */
export type TensorStorage =
  /** Little-endian bytes: a view into the original file buffer (may be unaligned). */
  | { kind: 'raw'; bytes: Uint8Array }
  /** Values the file stored as a repeated field; decoded only when asked. */
  | { kind: 'values'; values: ArrayLike<number> | readonly string[] | readonly bigint[] }
  /** Stored in another file that has not been loaded (ONNX external data). */
  | { kind: 'external'; location: string; offset: number; length: number | null }
  /** Declared but without data (e.g. a structure-only file). */
  | { kind: 'none' };

/** A constant tensor: a weight, a bias, or the value of a Constant node. */
export interface Tensor {
  name: string;
  dtype: DType;
  /** Stored dims; weights always have a concrete shape. */
  shape: number[];
  storage: TensorStorage;
  docString?: string;
  /** Quantization parameters when the format has them (TFLite). */
  quantization?: { scale: number[]; zeroPoint: number[]; axis?: number };
}

/** An edge of the graph: one tensor produced once and consumed by any number of nodes. */
export interface Value {
  name: string;
  dtype: DType;
  shape: Shape;
  /** Who set the shape: the file itself, or the analyzer. */
  shapeSource: 'file' | 'inferred' | 'none';
  /** Set when the value is a constant weight (an initializer). */
  initializer?: Tensor;
  /** The node that produces the value; undefined for graph inputs and initializers. */
  producer?: Node;
  /** Nodes reading the value, in graph order (a node reading it twice appears twice). */
  consumers: Node[];
  docString?: string;
  /** Extra facts an analysis may attach (e.g. a constant-folded integer value). */
  constValue?: ConstValue;
}

/** A small constant known at analysis time (shape arithmetic), kept as numbers. */
export interface ConstValue {
  dtype: DType;
  shape: number[];
  data: number[];
}

/** Attribute payload kinds, as in ONNX's AttributeProto (the superset of what formats carry). */
export type AttributeValue =
  | { kind: 'float'; value: number }
  | { kind: 'int'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'tensor'; value: Tensor }
  | { kind: 'graph'; value: Graph }
  | { kind: 'floats'; value: number[] }
  | { kind: 'ints'; value: number[] }
  | { kind: 'strings'; value: string[] }
  | { kind: 'tensors'; value: Tensor[] }
  | { kind: 'graphs'; value: Graph[] }
  | { kind: 'sparse_tensor'; value: Tensor }
  | { kind: 'sparse_tensors'; value: Tensor[] }
  | { kind: 'type'; value: string }
  | { kind: 'types'; value: string[] }
  /** A reference to an attribute of the enclosing function (`ref_attr_name`). */
  | { kind: 'ref'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'json'; value: unknown };

/** A named attribute of a node. */
export type Attribute = AttributeValue & { name: string; docString?: string };

/** One operation. */
export interface Node {
  /** Position in the owning graph's node list; stable id within the graph. */
  index: number;
  name: string;
  op: string;
  /** Operator domain ('' = default ai.onnx). */
  domain: string;
  /** Inputs in order; null for an omitted optional input. */
  inputs: (Value | null)[];
  outputs: (Value | null)[];
  attributes: Attribute[];
  docString?: string;
  /** The graph that holds the node. */
  graph: Graph;
}

/** A list of nodes with its inputs and outputs; If/Loop/Scan bodies are graphs too. */
export interface Graph {
  name: string;
  nodes: Node[];
  /** Every value defined in this graph (inputs, initializers, node outputs), by name. */
  values: Map<string, Value>;
  inputs: Value[];
  outputs: Value[];
  /** Initializers by name (their values are in `values` too). */
  initializers: Map<string, Tensor>;
  docString?: string;
  /** For a subgraph: the node and attribute that own it. */
  owner?: { node: Node; attribute: string };
}

/** A model-local function (ONNX FunctionProto). */
export interface FunctionDef {
  name: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: string[];
  opsetImports: OpsetImport[];
  body: Graph;
  docString?: string;
}

/** An operator-set import (`ai.onnx` version 13 …). */
export interface OpsetImport {
  domain: string;
  version: number;
}

/** A whole model file. */
export interface Model {
  /** Format id of the importer that produced it ('onnx', 'keras', …). */
  format: string;
  /** Human text, e.g. 'ONNX v7'. */
  formatVersion: string;
  producer: string;
  producerVersion: string;
  domain: string;
  modelVersion: number;
  docString: string;
  opsetImports: OpsetImport[];
  metadata: Record<string, string>;
  graph: Graph;
  functions: FunctionDef[];
  /** Problems met while reading that did not stop the import. */
  warnings: string[];
}
