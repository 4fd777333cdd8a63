/** Keras ZeroPadding, Cropping and UpSampling layers (1D–3D) as IR Pad, Slice and Upsample over all axes. */
import { floatsAttr, intsAttr, stringAttr } from '../../layout-attrs.js';
import { isChannelsLast, mainNode, str, type LayerCall, type LayerMapper } from '../layer-call.js';
import { spatialRank } from './conv.js';

/** Begin/end amounts per spatial axis from Keras' int | [a, b] | [[a, b], …] forms. */
export function beginEnd(v: unknown, n: number, def: number): [number[], number[]] {
  const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  if (isInt(v)) return [new Array<number>(n).fill(v), new Array<number>(n).fill(v)];
  if (Array.isArray(v) && v.length === n) {
    const begin: number[] = [];
    const end: number[] = [];
    for (const x of v) {
      if (isInt(x)) {
        begin.push(x);
        end.push(x);
      } else if (Array.isArray(x) && x.length === 2 && isInt(x[0]) && isInt(x[1])) {
        begin.push(x[0]);
        end.push(x[1]);
      } else return [new Array<number>(n).fill(def), new Array<number>(n).fill(def)];
    }
    return [begin, end];
  }
  // Keras 1D layers take one (begin, end) pair.
  if (n === 1 && Array.isArray(v) && v.length === 2 && isInt(v[0]) && isInt(v[1])) return [[v[0]], [v[1]]];
  return [new Array<number>(n).fill(def), new Array<number>(n).fill(def)];
}

// Spatial axes of an [N, spatial…, C] (or [N, C, spatial…]) tensor.
function spatialAxes(call: LayerCall, n: number): number[] {
  const first = isChannelsLast(call.layer.config) ? 1 : 2;
  return Array.from({ length: n }, (_, i) => first + i);
}

const padding: LayerMapper = {
  map(call) {
    const n = spatialRank(call.layer.className, call.layer.config);
    const [begin, end] = beginEnd(call.layer.config['padding'], n, 1);
    const rank = n + 2;
    const pads = new Array<number>(2 * rank).fill(0);
    spatialAxes(call, n).forEach((ax, i) => {
      pads[ax] = begin[i]!;
      pads[rank + ax] = end[i]!;
    });
    return mainNode(
      call,
      'Pad',
      [call.inputs[0] ?? null],
      [intsAttr('pads', pads), stringAttr('mode', 'constant')],
    );
  },
};

const cropping: LayerMapper = {
  map(call) {
    const n = spatialRank(call.layer.className, call.layer.config);
    const [begin, end] = beginEnd(call.layer.config['cropping'], n, 0);
    const axes = spatialAxes(call, n);
    // Slice with negative ends counts from the end; a zero crop runs to the end.
    const ends = end.map((e) => (e === 0 ? 2 ** 31 - 1 : -e));
    return mainNode(
      call,
      'Slice',
      [call.inputs[0] ?? null],
      [intsAttr('starts', begin), intsAttr('ends', ends), intsAttr('axes', axes)],
    );
  },
};

const upsampling: LayerMapper = {
  map(call) {
    const cfg = call.layer.config;
    const n = spatialRank(call.layer.className, cfg);
    const [size] = beginEnd(cfg['size'] ?? cfg['length'], n, 2);
    const scales = new Array<number>(n + 2).fill(1);
    spatialAxes(call, n).forEach((ax, i) => (scales[ax] = size[i]!));
    const mode = str(cfg, 'interpolation', 'nearest') === 'bilinear' ? 'linear' : 'nearest';
    return mainNode(
      call,
      'Upsample',
      [call.inputs[0] ?? null],
      [floatsAttr('scales', scales), stringAttr('mode', mode)],
    );
  },
};

/** Mappers of the padding, cropping and up-sampling layers by Keras class name. */
export const spatialLayers: Record<string, LayerMapper> = {
  ZeroPadding1D: padding,
  ZeroPadding2D: padding,
  ZeroPadding3D: padding,
  Cropping1D: cropping,
  Cropping2D: cropping,
  Cropping3D: cropping,
  UpSampling1D: upsampling,
  UpSampling2D: upsampling,
  UpSampling3D: upsampling,
};
