/** @nnlens/analysis — shape inference with constant folding of shape arithmetic, parameters, MACs and memory. */

/** Options of analyze(): input shapes to use, values of symbolic dims for costs. */
export type { AnalyzeOptions } from './analyze.js';
/** Result of analyze(): per-node costs, totals, MACs by op, unresolved nodes, warnings. */
export type { ModelAnalysis } from './analyze.js';
/** Infers every value's shape (in place) and computes costs per node and in total. */
export { analyze } from './analyze.js';
/** Thrown for malformed analyze() options (the model itself never makes analyze() throw). */
export { AnalyzeOptionsError } from './analyze.js';
/** Costs of one node: params, MACs, weight and activation bytes, shared params. */
export type { NodeCost } from './costs.js';
/** Model totals, each tensor and value counted once. */
export type { CostTotals } from './costs.js';
/** Shape rule and cost function of one operator. */
export type { OpRule } from './rule.js';
/** What an op rule sees of its node while shapes are inferred. */
export type { InferContext } from './rule.js';
/** What a cost function sees: shapes with symbols resolved. */
export type { CostContext } from './rule.js';
/** Type, shape and known value of a tensor (subgraph inputs/outputs). */
export type { TypeInfo } from './rule.js';
/** Registers a shape/cost rule for an op, so other importers reuse the same table. */
export { registerOpRule } from './registry.js';
/** The rule registered for an op, if any. */
export { getOpRule } from './registry.js';
/** All ops with a rule, as `domain:op`. */
export { registeredOps } from './registry.js';
/** A small tensor known at analysis time; elements may be symbolic dims. */
export type { Folded } from './folded.js';
/** Largest tensor (in elements) that constant folding evaluates. */
export { FOLD_LIMIT } from './folded.js';
/** Error a rule throws for its node; the engine records it as a warning naming node and op. */
export { RuleError } from './errors.js';
/** A shape-inference failure naming the node and op. */
export { ShapeInferenceError } from './errors.js';
/** Numpy broadcasting of shapes with symbolic dims. */
export { broadcastShapes } from './broadcast.js';
/** Symbolic dim × dim ('batch' × 3 = '3*batch'). */
export { dimMul } from './dims.js';
/** Exact symbolic dim ÷ dim, or null. */
export { dimDivExact } from './dims.js';
/** Symbolic dim + dim. */
export { dimAdd } from './dims.js';
/** Symbolic dim − dim. */
export { dimSub } from './dims.js';
/** Product of dims, symbolic when needed. */
export { dimProduct } from './dims.js';
/** Numeric value of a dim for costs (symbols from a table, default 1). */
export { dimValue } from './dims.js';
/** Output size of one spatial axis of a convolution or pool. */
export { windowOut } from './ops/window.js';
/** Output shape of numpy matmul. */
export { matmulShape } from './ops/matmul.js';
/** Resolves a Reshape target (0 and -1) against an input shape. */
export { reshapeShape } from './ops/reshape.js';
/** Counts with three significant digits: '1.81 G', '61.7 K'. */
export { formatCount } from './format-count.js';
