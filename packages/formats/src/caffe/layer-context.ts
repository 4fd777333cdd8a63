/** What a layer mapper sees (its layer, bottoms and their Caffe-computed shapes) and what it returns (IR nodes). */
import type { Attribute, Value } from '@nnlens/ir';
import { caffeError, type Where } from './errors.js';
import { PbMessage } from './message.js';
import type { CaffeLayer } from './net.js';

/** A blob shape as Caffe computes it at net setup; null when unknown (e.g. after an unknown layer). */
export type BlobShape = number[] | null;

/** A reference to a value made by an earlier node of the same layer (see NodeSpec.intermediates). */
export interface IntermediateRef {
  intermediate: string;
}

/** An input of a node spec: a value, an omitted optional input, or an intermediate of the layer. */
export type NodeInput = Value | null | IntermediateRef;

/** One IR node a layer becomes. `outputs` are indexes into the layer's tops, or intermediate names. */
export interface NodeSpec {
  name: string;
  op: string;
  domain?: string;
  inputs: NodeInput[];
  attributes: Attribute[];
  /** Outputs are fresh intermediate values `${layer}_${suffix}` (for later nodes of the layer)… */
  intermediates?: string[];
  /** …or these tops of the layer (by index); by default the last node produces every top. */
  tops?: number[];
}

/** The result of mapping one layer: its nodes (the last one produces the tops) and the tops' shapes. */
export interface Mapped {
  nodes: NodeSpec[];
  shapes: BlobShape[];
}

/** Services the graph builder gives a layer mapper. */
export interface LayerContext {
  readonly layer: CaffeLayer;
  readonly inputs: Value[];
  readonly shapes: BlobShape[];
  /** The `<name>_param` sub-message (empty when absent). */
  param(name: string): PbMessage;
  /**
   * Declares weight blob `index` of the layer as an initializer `${layer}.${suffix}` with the shape Caffe
   * would allocate; uses the stored blob when weights were given. Null when the shape cannot be known.
   */
  weight(suffix: string, index: number, shape: BlobShape, irShape?: number[]): Value | null;
  /** Element 0 of stored weight blob `index`, when weights were given (BatchNorm's normaliser). */
  blobScalar(index: number): number | undefined;
  /** A constant int64 tensor (e.g. a Reshape target) as an initializer. */
  constInts(suffix: string, values: number[]): Value;
  /** The intermediate value produced by an earlier NodeSpec of this layer. */
  intermediate(suffix: string): IntermediateRef;
  /** A non-fatal problem with this layer. */
  warn(message: string): void;
  /** A located error about this layer. */
  fail(message: string, where?: Where): never;
}

const EMPTY = new PbMessage();

/** The sub-message `name` of a layer, or an empty message. */
export function layerParam(layer: CaffeLayer, name: string): PbMessage {
  return layer.msg.sub(name) ?? EMPTY;
}

/** Attribute constructors. */
export const attr = {
  int: (name: string, value: number): Attribute => ({ name, kind: 'int', value }),
  ints: (name: string, value: number[]): Attribute => ({ name, kind: 'ints', value }),
  float: (name: string, value: number): Attribute => ({ name, kind: 'float', value }),
  floats: (name: string, value: number[]): Attribute => ({ name, kind: 'floats', value }),
  string: (name: string, value: string): Attribute => ({ name, kind: 'string', value }),
};

/** A located error for `layer`. */
export function layerError(layer: CaffeLayer, message: string, where?: Where): never {
  throw caffeError(`layer '${layer.name}' (${layer.type}): ${message}`, where ?? layer.where);
}

/** Normalizes a possibly negative axis against a rank; fails when out of range. */
export function axisOf(ctx: LayerContext, axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank)
    ctx.fail(`axis ${axis} is out of range for a ${rank}-d blob`);
  return a;
}

/** A single-node mapping whose output shapes are `shapes`. */
export function single(
  ctx: LayerContext,
  op: string,
  shapes: BlobShape[],
  attributes: Attribute[] = [],
  extraInputs: (Value | null)[] = [],
  domain = '',
): Mapped {
  const node: NodeSpec = { name: ctx.layer.name, op, inputs: [...ctx.inputs, ...extraInputs], attributes };
  if (domain) node.domain = domain;
  return { nodes: [node], shapes };
}
