/** @nnlens/ir — the neutral model that every importer produces and every view reads. */
export type { DType } from './dtype.js';
/** Byte size and classification of element types. */
export { dtypeSize, isFloatDType, isIntDType } from './dtype.js';
export type { Dim, Shape } from './shape.js';
/** Shape helpers. */
export { isConcrete, shapeSize, formatShape, shapesEqual } from './shape.js';
export type {
  Attribute,
  AttributeValue,
  ConstValue,
  FunctionDef,
  Graph,
  Model,
  Node,
  OpsetImport,
  Tensor,
  TensorStorage,
  Value,
} from './model.js';
/** Graph construction and traversal. */
export {
  addInitializer,
  addNode,
  countNodes,
  createGraph,
  createModel,
  ensureValue,
  getAttribute,
  lookupValue,
  subgraphsOf,
  walkGraphs,
} from './builder.js';
export type { TensorValues } from './tensor-data.js';
/** Lazy decoding of tensor payloads. */
export {
  TensorDataError,
  hasTensorData,
  tensorByteSize,
  tensorElementCount,
  tensorValues,
} from './tensor-data.js';
export type { ValidationIssue } from './validate.js';
/** Structural validation. */
export { validate } from './validate.js';
