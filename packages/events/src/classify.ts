/** Decides a new series' kind and plugin from its first metadata, or from its first value without one. */
import type { SummaryMetadata } from './summary.js';
import { ValueKind } from './summary.js';
import type { TensorValue } from './tensor.js';
import { DType } from './tensor.js';
import type { SeriesKind } from './types.js';

/** Kind and plugin of a series. */
export interface Classified {
  kind: SeriesKind;
  plugin: string;
}

/** True for a rank-0 tensor holding a real number (the TF2 way of writing a scalar). */
export function isScalarTensor(t: TensorValue): boolean {
  return t.shape.length === 0 && t.values !== null && t.values.length >= 1 && t.dtype !== DType.BOOL;
}

const BY_PLUGIN: Record<string, SeriesKind> = {
  scalars: 'scalar',
  histograms: 'histogram',
  images: 'image',
  audio: 'audio',
  text: 'text',
  hparams: 'hparams',
};

/**
 * TensorBoard lets only the first metadata of a (run, tag) decide its plugin; values without one are
 * legacy oneofs whose plugin follows from the oneof (data_compat), or tensors judged by their shape.
 */
export function classify(
  meta: SummaryMetadata | null,
  valueKind: number,
  tensor: TensorValue | null,
): Classified {
  const plugin = meta?.pluginName ?? '';
  if (plugin) {
    const k = BY_PLUGIN[plugin];
    if (k) return { kind: k, plugin };
    if (plugin.startsWith('graph')) return { kind: 'graph', plugin };
    if (meta!.dataClass === 1) return { kind: 'scalar', plugin };
    return { kind: 'tensor', plugin };
  }
  switch (valueKind) {
    case ValueKind.Simple:
      return { kind: 'scalar', plugin: 'scalars' };
    case ValueKind.Histo:
      return { kind: 'histogram', plugin: 'histograms' };
    case ValueKind.Image:
      return { kind: 'image', plugin: 'images' };
    case ValueKind.Audio:
      return { kind: 'audio', plugin: 'audio' };
    case ValueKind.Tensor:
      return tensor && isScalarTensor(tensor)
        ? { kind: 'scalar', plugin: 'scalars' }
        : { kind: 'tensor', plugin: '' };
    default:
      return { kind: 'tensor', plugin: '' };
  }
}
