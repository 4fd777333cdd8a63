/** A parsed Keras model config plus a weight source → IR Model (shared by the Keras and TF.js layers importers). */
import { createGraph, createModel, type Model } from '@nnlens/ir';
import { buildKerasGraph } from './build.js';
import type { KerasModelConfig } from './config.js';
import { Emitter } from './emit.js';
import type { WeightSource } from './weights.js';

/** Facts about the file shown with the model. */
export interface KerasModelInfo {
  formatVersion: string;
  producerVersion: string;
  metadata: Record<string, string>;
}

/** Builds the IR model; `format` is 'keras' or 'tfjs'; warnings collected so far are kept. */
export function kerasToModel(
  format: string,
  config: KerasModelConfig,
  weights: WeightSource,
  info: KerasModelInfo,
  warnings: string[],
): Model {
  const graph = createGraph(config.name || 'model');
  buildKerasGraph(config, weights, new Emitter(graph, format, warnings));
  return createModel(format, graph, {
    formatVersion: info.formatVersion,
    producer: 'Keras',
    producerVersion: info.producerVersion,
    metadata: { ...info.metadata, model_class: config.className },
    warnings,
  });
}
