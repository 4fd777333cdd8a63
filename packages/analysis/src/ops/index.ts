/** All built-in ONNX op rules, merged into one table. */
import type { OpRule } from '../rule.js';
import { combineRules } from './combine.js';
import { controlFlowRules } from './control-flow.js';
import { convRules } from './conv.js';
import { einsumRules } from './einsum.js';
import { elementwiseRules } from './elementwise.js';
import { gatherRules } from './gather.js';
import { generatorRules } from './generators.js';
import { matmulRules } from './matmul.js';
import { normRules } from './norm.js';
import { poolRules } from './pool.js';
import { quantizeRules } from './quantize.js';
import { recurrentRules } from './recurrent.js';
import { reduceRules } from './reduce.js';
import { reshapeRules } from './reshape.js';
import { resizeRules } from './resize.js';
import { sliceRules } from './slice.js';

/** Rules of the default (ai.onnx) domain by op type. */
export const builtinRules: Record<string, OpRule> = {
  ...elementwiseRules,
  ...convRules,
  ...poolRules,
  ...matmulRules,
  ...einsumRules,
  ...normRules,
  ...reshapeRules,
  ...combineRules,
  ...sliceRules,
  ...gatherRules,
  ...generatorRules,
  ...reduceRules,
  ...resizeRules,
  ...controlFlowRules,
  ...recurrentRules,
  ...quantizeRules,
};
