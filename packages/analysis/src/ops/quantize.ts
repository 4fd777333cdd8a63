/** Quantize/dequantize ops: same shape, element type from the zero point or scale. */
import type { OpRule } from '../rule.js';

/** Rules of the quantization family. */
export const quantizeRules: Record<string, OpRule> = {
  QuantizeLinear: {
    infer: (ctx) => ctx.output(0, ctx.has(2) ? ctx.dtype(2) : 'uint8', ctx.shape(0)),
  },
  DequantizeLinear: {
    infer: (ctx) => ctx.output(0, ctx.dtype(1) !== 'unknown' ? ctx.dtype(1) : 'float32', ctx.shape(0)),
  },
  DynamicQuantizeLinear: {
    infer(ctx) {
      ctx.output(0, 'uint8', ctx.shape(0));
      ctx.output(1, 'float32', []);
      ctx.output(2, 'uint8', []);
    },
  },
};
