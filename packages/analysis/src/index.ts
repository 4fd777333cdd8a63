/** @nnlens/analysis — shape inference with constant folding of shape arithmetic, parameters, MACs and memory. */
export type { AnalyzeOptions, ModelAnalysis } from './analyze.js';
/** Infers every value's shape and computes costs per node and in total. */
export { analyze } from './analyze.js';
/** Thrown for malformed analyze() options. */
export { AnalyzeOptionsError } from './analyze.js';
export type { CostTotals, NodeCost } from './costs.js';
export type { CostContext, InferContext, OpRule, TypeInfo } from './rule.js';
/** Registers a shape/cost rule for an op (other importers reuse the table this way). */
export { registerOpRule } from './registry.js';
/** The rule registered for an op, if any. */
export { getOpRule } from './registry.js';
/** All ops with a rule, as `domain:op`. */
export { registeredOps } from './registry.js';
export type { Folded } from './folded.js';
/** Largest tensor (in elements) that constant folding evaluates. */
export { FOLD_LIMIT } from './folded.js';
/** Error a rule reports for its node; the engine records it as a warning with node and op. */
export { RuleError } from './errors.js';
/** A shape-inference failure naming the node and op. */
export { ShapeInferenceError } from './errors.js';
/** Numpy broadcasting of shapes with symbolic dims. */
export { broadcastShapes } from './broadcast.js';
/** Symbolic dimension arithmetic ('batch' × 3 = '3*batch'). */
export { dimMul, dimDivExact, dimAdd, dimSub, dimProduct, dimValue } from './dims.js';
/** Output size of one spatial axis of a convolution or pool. */
export { windowOut } from './ops/window.js';
/** Output shape of numpy matmul. */
export { matmulShape } from './ops/matmul.js';
/** Resolves a Reshape target (0 and -1) against an input shape. */
export { reshapeShape } from './ops/reshape.js';
/** '1.81 G', '61.7 K': counts with three significant digits. */
export { formatCount } from './format-count.js';
