/** InnerProduct → (Flatten +) Gemm, Embed → Gather, and the recurrent LSTM/RNN layers. */
import type { BlobShape, LayerContext, Mapped, NodeSpec } from '../layer-context.js';
import { attr, axisOf, single } from '../layer-context.js';

function positive(ctx: LayerContext, v: number, what: string): number {
  if (!Number.isInteger(v) || v < 1 || v > 2 ** 31 - 1) ctx.fail(`${what} ${v} is not valid`);
  return v;
}

const product = (xs: number[]): number => xs.reduce((a, b) => a * b, 1);

/**
 * InnerProduct: out = x[:axis] + [num_output], K = prod(x[axis:]). Gemm needs 2-d input, so a Flatten
 * node (named `<layer>_flatten`) comes first unless the input is known to be 2-d already.
 */
export function innerProduct(ctx: LayerContext): Mapped {
  const p = ctx.param('inner_product_param');
  const n = positive(ctx, p.num('num_output', 0), 'num_output');
  const transpose = p.bool('transpose', false);
  const x = ctx.shapes[0];
  const axis = x ? axisOf(ctx, p.num('axis', 1), x.length) : p.num('axis', 1);
  const k = x ? product(x.slice(axis)) : null;
  const w = ctx.weight('weight', 0, k === null ? null : transpose ? [k, n] : [n, k]);
  const b = p.bool('bias_term', true) ? ctx.weight('bias', 1, [n]) : null;
  const out: BlobShape = x ? [...x.slice(0, axis), n] : null;
  const attrs = [attr.int('transB', transpose ? 0 : 1)];
  const weights = b ? [w, b] : [w];
  if (x && x.length === 2 && axis === 1) return single(ctx, 'Gemm', [out], attrs, weights);
  const nodes: NodeSpec[] = [
    {
      name: `${ctx.layer.name}_flatten`,
      op: 'Flatten',
      inputs: [ctx.inputs[0] ?? null],
      attributes: [attr.int('axis', axis)],
      intermediates: ['flatten'],
    },
  ];
  if (axis <= 1 || !x) {
    if (axis > 1) ctx.warn(`axis ${axis} with an unknown input shape: shown as a 2-d product`);
    nodes.push({
      name: ctx.layer.name,
      op: 'Gemm',
      inputs: [ctx.intermediate('flatten'), ...weights],
      attributes: attrs,
    });
    return { nodes, shapes: [out] };
  }
  // axis > 1: the leading axes stay; reshape the 2-d product back to them.
  nodes.push({
    name: `${ctx.layer.name}_gemm`,
    op: 'Gemm',
    inputs: [ctx.intermediate('flatten'), ...weights],
    attributes: attrs,
    intermediates: ['gemm'],
  });
  nodes.push({
    name: ctx.layer.name,
    op: 'Reshape',
    inputs: [ctx.intermediate('gemm'), ctx.constInts('shape', out!)],
    attributes: [],
  });
  return { nodes, shapes: [out] };
}

/** Embed: Gather from the table [input_dim, num_output]; the bias (if any) rides along as a third input. */
export function embed(ctx: LayerContext): Mapped {
  const p = ctx.param('embed_param');
  const n = positive(ctx, p.num('num_output', 0), 'num_output');
  const vocab = positive(ctx, p.num('input_dim', 0), 'input_dim');
  const w = ctx.weight('weight', 0, [vocab, n]);
  const b = p.bool('bias_term', true) ? ctx.weight('bias', 1, [n]) : null;
  const x = ctx.shapes[0];
  const inputs = [w, ctx.inputs[0] ?? null, ...(b ? [b] : [])];
  return {
    nodes: [{ name: ctx.layer.name, op: 'Gather', inputs, attributes: [attr.int('axis', 0)] }],
    shapes: [x ? [...x, n] : null],
  };
}

/**
 * LSTM/RNN (Caffe's recurrent layers): x [T, N, ...] (+ clip [T, N]) → [T, N, num_output].
 * LSTM blobs: W_xc [4H, I], b_c [4H], W_hc [4H, H]; RNN: W_xh [H, I], b_h [H], W_hh [H, H], W_ho [H, H], b_o [H].
 */
export function recurrent(ctx: LayerContext, kind: 'LSTM' | 'RNN'): Mapped {
  const p = ctx.param('recurrent_param');
  const h = positive(ctx, p.num('num_output', 0), 'num_output');
  const x = ctx.shapes[0];
  const i = x && x.length >= 2 ? product(x.slice(2)) : null;
  const weights =
    kind === 'LSTM'
      ? [
          ctx.weight('W_xc', 0, i === null ? null : [4 * h, i]),
          ctx.weight('b_c', 1, [4 * h]),
          ctx.weight('W_hc', 2, [4 * h, h]),
        ]
      : [
          ctx.weight('W_xh', 0, i === null ? null : [h, i]),
          ctx.weight('b_h', 1, [h]),
          ctx.weight('W_hh', 2, [h, h]),
          ctx.weight('W_ho', 3, [h, h]),
          ctx.weight('b_o', 4, [h]),
        ];
  const out: BlobShape = x && x.length >= 2 ? [x[0]!, x[1]!, h] : null;
  const shapes: BlobShape[] = [out];
  if (p.bool('expose_hidden', false)) {
    const state: BlobShape = x && x.length >= 2 ? [1, x[1]!, h] : null;
    shapes.push(state, ...(kind === 'LSTM' ? [state] : []));
  }
  return single(ctx, kind, shapes, [attr.int('num_output', h)], weights, 'caffe');
}
