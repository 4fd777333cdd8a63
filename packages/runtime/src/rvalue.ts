/** Runtime values: a tfjs tensor (4-D ones possibly stored NHWC) or a host tensor, and conversions between them. */
import * as tf from '@tensorflow/tfjs';
import type { HostTensor } from './host.js';

/**
 * A value during execution. `nhwc` marks a rank-4 tensor whose logical (ONNX, NCHW) shape is [N,C,H,W]
 * but whose data is stored [N,H,W,C]: tfjs convolutions and pools are channels-last, so keeping CNN
 * activations NHWC avoids two transposes per layer.
 */
export type RValue =
  { kind: 'tensor'; tensor: tf.Tensor; nhwc: boolean } | { kind: 'host'; host: HostTensor };

/** Permutation NCHW → NHWC. */
export const TO_NHWC = [0, 2, 3, 1];
/** Permutation NHWC → NCHW. */
export const TO_NCHW = [0, 3, 1, 2];
/** Physical (NHWC) axis of each logical (NCHW) axis. */
export const NHWC_AXIS = [0, 3, 1, 2];

/** Wraps a tensor in its logical layout. */
export function plain(tensor: tf.Tensor): RValue {
  return { kind: 'tensor', tensor, nhwc: false };
}

/** Wraps an NHWC-stored rank-4 tensor. */
export function channelsLast(tensor: tf.Tensor): RValue {
  return { kind: 'tensor', tensor, nhwc: true };
}

/** The logical (ONNX) shape of a value. */
export function logicalShape(v: RValue): number[] {
  if (v.kind === 'host') return v.host.shape;
  const s = v.tensor.shape;
  return v.nhwc ? [s[0]!, s[3]!, s[1]!, s[2]!] : s.slice();
}

/** A host tensor as a tfjs tensor (int64 becomes int32: shape arithmetic and indices fit). */
export function hostToTensor(h: HostTensor): tf.Tensor {
  if (h.dtype === 'float32') return tf.tensor(h.data as Float32Array, h.shape, 'float32');
  if (h.dtype === 'bool')
    return tf.tensor(
      Array.from(h.data, (x) => (x ? 1 : 0)),
      h.shape,
      'bool',
    );
  return tf.tensor(
    Int32Array.from(h.data, (x) => Math.max(-2147483648, Math.min(2147483647, x))),
    h.shape,
    'int32',
  );
}

/** The value as a tfjs tensor in logical layout (transposes NHWC storage back). */
export function toLogical(v: RValue): tf.Tensor {
  if (v.kind === 'host') return hostToTensor(v.host);
  return v.nhwc ? tf.transpose(v.tensor, TO_NCHW) : v.tensor;
}

/** The value as a channels-last tensor; `v` must be logically rank 4 (lower ranks get leading 1s). */
export function toNhwc(v: RValue): tf.Tensor {
  if (v.kind === 'tensor' && v.nhwc) return v.tensor;
  let t = v.kind === 'host' ? hostToTensor(v.host) : v.tensor;
  if (t.rank > 4) throw new RangeError(`cannot store a rank-${t.rank} tensor channels-last`);
  if (t.rank < 4) t = tf.reshape(t, [...new Array<number>(4 - t.rank).fill(1), ...t.shape]);
  return tf.transpose(t, TO_NHWC);
}

/** The value's elements on the host, in logical order (reads the backend synchronously). */
export function toHost(v: RValue): HostTensor {
  if (v.kind === 'host') return v.host;
  const t = toLogical(v);
  try {
    const data = t.dataSync();
    // Some backends (cpu) hand out their own storage: copy, the tensor may be disposed next.
    if (t.dtype === 'float32')
      return { dtype: 'float32', shape: t.shape.slice(), data: Float32Array.from(data as Float32Array) };
    const ints = Array.from(data as Int32Array | Uint8Array);
    return { dtype: t.dtype === 'bool' ? 'bool' : 'int64', shape: t.shape.slice(), data: ints };
  } finally {
    if (t !== v.tensor) t.dispose();
  }
}

/** Disposes the tensor of a value (host values need nothing). */
export function disposeValue(v: RValue | undefined): void {
  if (v?.kind === 'tensor') v.tensor.dispose();
}
