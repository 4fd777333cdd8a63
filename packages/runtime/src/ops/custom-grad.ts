/** One-input ops with a hand-written gradient (tfjs customGrad with the input and extra tensors saved). */
import * as tf from '@tensorflow/tfjs';

/**
 * Applies `forward` to `x`; its gradient is `backward(dy, x, kept)`. `keep` tensors (e.g. a per-run filter)
 * stay alive until the backward pass has run.
 */
export function withInputGrad<T extends tf.Tensor>(
  x: T,
  keep: tf.Tensor[],
  forward: (x: T) => tf.Tensor,
  backward: (dy: tf.Tensor, x: T, kept: tf.Tensor[]) => tf.Tensor,
): tf.Tensor {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const t = args[0] as T;
    const save = args[1] as tf.GradSaveFunc;
    save([t, ...keep]);
    const gradFunc = (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]): tf.Tensor =>
      backward(dy as tf.Tensor, saved[0] as T, saved.slice(1));
    return { value: forward(t), gradFunc };
  });
  return op(x);
}
