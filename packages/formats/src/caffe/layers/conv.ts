/** Convolution → Conv and Deconvolution → ConvTranspose, with Caffe's output-size arithmetic and weight shapes. */
import type { BlobShape, LayerContext, Mapped, NodeInput, NodeSpec } from '../layer-context.js';
import { attr, single } from '../layer-context.js';
import { onnxPads, readWindow, spatialRank, type CaffeWindow } from './window.js';

interface ConvSpec {
  numOutput: number;
  group: number;
  bias: boolean;
  win: CaffeWindow;
}

function readConv(ctx: LayerContext): ConvSpec {
  const p = ctx.param('convolution_param');
  const numOutput = p.num('num_output', 0);
  if (!Number.isInteger(numOutput) || numOutput < 1 || numOutput > 2 ** 31 - 1) {
    ctx.fail(`num_output ${numOutput} is not valid`);
  }
  const group = p.num('group', 1);
  if (!Number.isInteger(group) || group < 1 || numOutput % group !== 0) {
    ctx.fail(`group ${group} does not divide num_output ${numOutput}`);
  }
  if (p.num('axis', 1) !== 1) ctx.warn(`convolution_param.axis ${p.num('axis', 1)} is read as 1`);
  const win = readWindow(ctx, p, spatialRank(ctx, p), true);
  return { numOutput, group, bias: p.bool('bias_term', true), win };
}

function channelsIn(ctx: LayerContext, group: number): number | null {
  const c = ctx.shapes[0]?.[1];
  if (c === undefined) return null;
  if (c % group !== 0) ctx.fail(`group ${group} does not divide the ${c} input channels`);
  return c;
}

function convAttrs(s: ConvSpec): ReturnType<typeof attr.int>[] {
  return [
    attr.ints('kernel_shape', s.win.kernel),
    attr.ints('strides', s.win.stride),
    attr.ints('pads', onnxPads(s.win.pad)),
    attr.ints('dilations', s.win.dilation),
    attr.int('group', s.group),
  ];
}

function outShape(ctx: LayerContext, s: ConvSpec, size: (x: number, i: number) => number): BlobShape {
  const x = ctx.shapes[0];
  if (!x) return null;
  const spatial = x.slice(2).map(size);
  if (spatial.some((d) => !(d >= 1))) {
    ctx.warn(`output size [${spatial.join(',')}] is empty for input [${x.join(',')}]`);
    return null;
  }
  return [x[0]!, s.numOutput, ...spatial];
}

/**
 * Several bottoms: Caffe convolves each with the same weights into the matching top. A fork's fused
 * Convolution+Eltwise (more bottoms than tops) adds the extra bottoms to the result: Conv, then Eltwise.
 */
function multiBottom(
  ctx: LayerContext,
  op: string,
  s: ConvSpec,
  weights: NodeInput[],
  out: BlobShape,
): Mapped {
  const { layer, inputs } = ctx;
  const attrs = convAttrs(s);
  if (layer.tops.length === inputs.length) {
    const nodes: NodeSpec[] = inputs.map((x, i) => ({
      name: i === 0 ? layer.name : `${layer.name}_${i}`,
      op,
      inputs: [x, ...weights],
      attributes: attrs,
      tops: [i],
    }));
    return { nodes, shapes: inputs.map((_, i) => (i === 0 ? out : null)) };
  }
  ctx.warn(
    `${inputs.length} bottoms for ${layer.tops.length} top: the extra bottoms are added to the output (a fork's fused Eltwise)`,
  );
  const nodes: NodeSpec[] = [
    { name: layer.name, op, inputs: [inputs[0]!, ...weights], attributes: attrs, intermediates: ['conv'] },
    // A Caffe op, shaped like the convolution's output: forks (e.g. Intel's `sparse_output`) may
    // subsample the residual, so the bottoms need not have the same shape.
    {
      name: `${layer.name}_eltwise`,
      op: 'Eltwise',
      domain: 'caffe',
      inputs: [ctx.intermediate('conv'), ...inputs.slice(1)],
      attributes: [{ name: 'operation', kind: 'string', value: 'SUM' }],
    },
  ];
  return { nodes, shapes: [out] };
}

/** Convolution: weight [num_output, C/group, k...] and bias [num_output]. */
export function convolution(ctx: LayerContext): Mapped {
  const s = readConv(ctx);
  const c = channelsIn(ctx, s.group);
  const w = ctx.weight('weight', 0, c === null ? null : [s.numOutput, c / s.group, ...s.win.kernel]);
  const b = s.bias ? ctx.weight('bias', 1, [s.numOutput]) : null;
  const { kernel, stride, pad, dilation } = s.win;
  const out = outShape(ctx, s, (x, i) => {
    const extent = dilation[i]! * (kernel[i]! - 1) + 1;
    return Math.floor((x + 2 * pad[i]! - extent) / stride[i]!) + 1;
  });
  if (ctx.inputs.length > 1) return multiBottom(ctx, 'Conv', s, b ? [w, b] : [w], out);
  return single(ctx, 'Conv', [out], convAttrs(s), b ? [w, b] : [w]);
}

/** Deconvolution: weight [C, num_output/group, k...] (Caffe's layout = ONNX ConvTranspose's) and bias. */
export function deconvolution(ctx: LayerContext): Mapped {
  const s = readConv(ctx);
  const c = channelsIn(ctx, s.group);
  const w = ctx.weight('weight', 0, c === null ? null : [c, s.numOutput / s.group, ...s.win.kernel]);
  const b = s.bias ? ctx.weight('bias', 1, [s.numOutput]) : null;
  const { kernel, stride, pad, dilation } = s.win;
  const out = outShape(
    ctx,
    s,
    (x, i) => stride[i]! * (x - 1) + dilation[i]! * (kernel[i]! - 1) + 1 - 2 * pad[i]!,
  );
  if (ctx.inputs.length > 1) return multiBottom(ctx, 'ConvTranspose', s, b ? [w, b] : [w], out);
  return single(ctx, 'ConvTranspose', [out], convAttrs(s), b ? [w, b] : [w]);
}
