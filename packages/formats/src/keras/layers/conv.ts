/** Keras convolutions (Conv1D–3D, SeparableConv, DepthwiseConv, ConvTranspose) as channels-last IR Conv/ConvTranspose. */
import type { Attribute, Value } from '@nnlens/ir';
import { channelsLastAttr, intAttr, intsAttr, kernelLayoutAttr, stringAttr } from '../../layout-attrs.js';
import {
  activationName,
  bool,
  isChannelsLast,
  mainNode,
  num,
  str,
  tuple,
  weightInput,
  type LayerCall,
  type LayerMapper,
} from '../layer-call.js';

const SPATIAL = ['W', 'HW', 'DHW'];

/** Spatial rank from the class name ('Conv2D' → 2), else from kernel_size. */
export function spatialRank(className: string, cfg: Record<string, unknown>): number {
  const m = /([123])D/.exec(className);
  if (m) return Number(m[1]);
  const k = cfg['kernel_size'] ?? cfg['pool_size'];
  return Array.isArray(k) && k.length >= 1 && k.length <= 3 ? k.length : 2;
}

/** Window attributes: kernel_shape, strides, dilations and padding as auto_pad or explicit pads. */
export function windowAttrs(
  cfg: Record<string, unknown>,
  n: number,
  kernel: number[] | null,
  stridesKey = 'strides',
): Attribute[] {
  const strides = tuple(cfg, stridesKey, n, 1);
  const dilations = tuple(cfg, 'dilation_rate', n, 1);
  const attrs: Attribute[] = [intsAttr('strides', strides), intsAttr('dilations', dilations)];
  // Without kernel_size (Keras 1 configs) the analyzer takes the kernel from the weight's dims.
  if (kernel) attrs.unshift(intsAttr('kernel_shape', kernel));
  const padding = str(cfg, 'padding', 'valid').toLowerCase();
  if (padding === 'same') attrs.push(stringAttr('auto_pad', 'SAME_UPPER'));
  else if (padding === 'causal' && kernel) {
    // Causal Conv1D pads only the start, by the dilated kernel extent minus one.
    const pads = kernel.map((k, i) => (k - 1) * (dilations[i] ?? 1));
    attrs.push(intsAttr('pads', [...pads, ...pads.map(() => 0)]));
  } else attrs.push(stringAttr('auto_pad', 'VALID'));
  return attrs;
}

function common(call: LayerCall, n: number, layout: string): Attribute[] {
  const cfg = call.layer.config;
  const attrs = windowAttrs(
    cfg,
    n,
    cfg['kernel_size'] === undefined ? null : tuple(cfg, 'kernel_size', n, 1),
  );
  attrs.push(kernelLayoutAttr(layout));
  if (isChannelsLast(cfg)) attrs.push(channelsLastAttr());
  const act = activationName(cfg['activation']);
  if (act !== 'linear') attrs.push(stringAttr('activation', act));
  return attrs;
}

function withBias(cfg: Record<string, unknown>, roles: string[]): string[] {
  return bool(cfg, 'use_bias', true) ? [...roles, 'bias'] : roles;
}

const conv: LayerMapper = {
  roles: (cfg) => withBias(cfg, ['kernel']),
  map(call) {
    const n = spatialRank(call.layer.className, call.layer.config);
    const attrs = common(call, n, `${SPATIAL[n - 1]}IO`);
    const groups = num(call.layer.config, 'groups', 1);
    if (groups > 1) attrs.push(intAttr('group', groups));
    const kernel = weightInput(call, 'kernel');
    return mainNode(call, 'Conv', [call.inputs[0] ?? null, kernel, weightInput(call, 'bias')], attrs);
  },
};

// Depthwise kernels are [spatial…, in, multiplier]: one group per input channel.
function depthwise(call: LayerCall, n: number, role: string): { kernel: Value | null; attrs: Attribute[] } {
  const attrs = common(call, n, `${SPATIAL[n - 1]}IM`);
  const kernel = weightInput(call, role);
  const groups = kernel?.shape?.[n];
  if (typeof groups === 'number') attrs.push(intAttr('group', groups));
  return { kernel, attrs };
}

const depthwiseConv: LayerMapper = {
  roles: (cfg) => withBias(cfg, ['depthwise_kernel']),
  map(call) {
    const n = spatialRank(call.layer.className, call.layer.config);
    const { kernel, attrs } = depthwise(call, n, 'depthwise_kernel');
    return mainNode(call, 'Conv', [call.inputs[0] ?? null, kernel, weightInput(call, 'bias')], attrs);
  },
};

const separableConv: LayerMapper = {
  roles: (cfg) => withBias(cfg, ['depthwise_kernel', 'pointwise_kernel']),
  map(call) {
    const cfg = call.layer.config;
    const n = spatialRank(call.layer.className, cfg);
    const { kernel, attrs } = depthwise(call, n, 'depthwise_kernel');
    const dwAttrs = attrs.filter((a) => a.name !== 'activation');
    const [mid] = call.emit.node(`${call.name}/depthwise`, 'Conv', [call.inputs[0] ?? null, kernel], dwAttrs);
    // The pointwise step is a 1×1 convolution with stride 1 on the depthwise output.
    const pw: Attribute[] = [
      intsAttr('kernel_shape', new Array<number>(n).fill(1)),
      kernelLayoutAttr(`${SPATIAL[n - 1]}IO`),
      ...attrs.filter((a) => a.name === 'channels_last' || a.name === 'activation'),
    ];
    return mainNode(
      call,
      'Conv',
      [mid ?? null, weightInput(call, 'pointwise_kernel'), weightInput(call, 'bias')],
      pw,
    );
  },
};

const convTranspose: LayerMapper = {
  roles: (cfg) => withBias(cfg, ['kernel']),
  map(call) {
    const cfg = call.layer.config;
    const n = spatialRank(call.layer.className, cfg);
    // Transposed kernels are [spatial…, out, in].
    const attrs = common(call, n, `${SPATIAL[n - 1]}OI`);
    const outPad = cfg['output_padding'];
    if (outPad !== null && outPad !== undefined)
      attrs.push(intsAttr('output_padding', tuple(cfg, 'output_padding', n, 0)));
    return mainNode(
      call,
      'ConvTranspose',
      [call.inputs[0] ?? null, weightInput(call, 'kernel'), weightInput(call, 'bias')],
      attrs,
    );
  },
};

/** Mappers of the convolution layers by Keras class name (Keras 1 aliases included). */
export const convLayers: Record<string, LayerMapper> = {
  Conv1D: conv,
  Conv2D: conv,
  Conv3D: conv,
  Convolution1D: conv,
  Convolution2D: conv,
  Convolution3D: conv,
  DepthwiseConv1D: depthwiseConv,
  DepthwiseConv2D: depthwiseConv,
  SeparableConv1D: separableConv,
  SeparableConv2D: separableConv,
  SeparableConvolution2D: separableConv,
  Conv1DTranspose: convTranspose,
  Conv2DTranspose: convTranspose,
  Conv3DTranspose: convTranspose,
  Deconvolution2D: convTranspose,
};
