/** The op table: ONNX op type → implementation. */
import type { OpImpl } from '../op-context.js';
import { binaryOps } from './binary.js';
import { convOps } from './conv.js';
import { matmulOps } from './matmul.js';
import { normOps } from './norm.js';
import { poolOps } from './pool.js';
import { reduceOps } from './reduce.js';
import { resizeOps } from './resize.js';
import { shapeOps } from './shape.js';
import { sliceOps } from './slice.js';
import { unaryOps } from './unary.js';

const TABLE = new Map<string, OpImpl>(
  Object.entries({
    ...unaryOps,
    ...binaryOps,
    ...convOps,
    ...poolOps,
    ...matmulOps,
    ...normOps,
    ...reduceOps,
    ...shapeOps,
    ...sliceOps,
    ...resizeOps,
  }),
);

/** The implementation of an op of the default ONNX domain, if the runtime has one. */
export function opImpl(domain: string, op: string): OpImpl | undefined {
  if (domain !== '' && domain !== 'ai.onnx') return undefined;
  return TABLE.get(op);
}

/** Every supported op type, sorted. */
export function supportedOps(): string[] {
  return [...TABLE.keys()].sort();
}
