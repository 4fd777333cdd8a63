/** Keras pooling layers (local and global, 1D–3D) as channels-last IR pools. */
import { channelsLastAttr, intAttr } from '../../layout-attrs.js';
import { bool, isChannelsLast, mainNode, tuple, type LayerMapper } from '../layer-call.js';
import { spatialRank, windowAttrs } from './conv.js';

function pool(op: string): LayerMapper {
  return {
    map(call) {
      const cfg = call.layer.config;
      const n = spatialRank(call.layer.className, cfg);
      const size = tuple(cfg, 'pool_size', n, 2);
      // Keras strides default to the pool size.
      const stridesKey = cfg['strides'] === null || cfg['strides'] === undefined ? 'pool_size' : 'strides';
      const attrs = windowAttrs({ ...cfg, dilation_rate: 1 }, n, size, stridesKey);
      if (isChannelsLast(cfg)) attrs.push(channelsLastAttr());
      return mainNode(call, op, [call.inputs[0] ?? null], attrs);
    },
  };
}

function globalPool(op: string): LayerMapper {
  return {
    map(call) {
      const cfg = call.layer.config;
      // Keras drops the spatial axes unless keepdims (ONNX keeps them as 1s).
      const attrs = [intAttr('keepdims', bool(cfg, 'keepdims', false) ? 1 : 0)];
      if (isChannelsLast(cfg)) attrs.push(channelsLastAttr());
      return mainNode(call, op, [call.inputs[0] ?? null], attrs);
    },
  };
}

const maxPool = pool('MaxPool');
const avgPool = pool('AveragePool');
const globalMax = globalPool('GlobalMaxPool');
const globalAvg = globalPool('GlobalAveragePool');

/** Mappers of the pooling layers by Keras class name (with the Keras aliases). */
export const poolLayers: Record<string, LayerMapper> = {
  MaxPooling1D: maxPool,
  MaxPooling2D: maxPool,
  MaxPooling3D: maxPool,
  MaxPool1D: maxPool,
  MaxPool2D: maxPool,
  MaxPool3D: maxPool,
  AveragePooling1D: avgPool,
  AveragePooling2D: avgPool,
  AveragePooling3D: avgPool,
  AvgPool1D: avgPool,
  AvgPool2D: avgPool,
  AvgPool3D: avgPool,
  GlobalMaxPooling1D: globalMax,
  GlobalMaxPooling2D: globalMax,
  GlobalMaxPooling3D: globalMax,
  GlobalMaxPool1D: globalMax,
  GlobalMaxPool2D: globalMax,
  GlobalMaxPool3D: globalMax,
  GlobalAveragePooling1D: globalAvg,
  GlobalAveragePooling2D: globalAvg,
  GlobalAveragePooling3D: globalAvg,
  GlobalAvgPool1D: globalAvg,
  GlobalAvgPool2D: globalAvg,
  GlobalAvgPool3D: globalAvg,
};
