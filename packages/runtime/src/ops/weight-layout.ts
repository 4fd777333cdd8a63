/**
 * Weights of channels-last formats (Keras HWIO/HWIM/HWOI, TFLite OHWI/1HWO, their 1-D forms) brought into
 * ONNX's order ([O, I/group, k…] for Conv, [I, O/group, k…] for ConvTranspose), once, on the host.
 */
import type { HostTensor } from '../host.js';

/** Permutes a row-major tensor's axes. */
export function permute(t: HostTensor, perm: number[]): HostTensor {
  const shape = perm.map((p) => t.shape[p]!);
  const strides = t.shape.map((_, i) => t.shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const n = t.data.length;
  const out = new Float32Array(n);
  const idx = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < n; k++) {
    let src = 0;
    for (let a = 0; a < shape.length; a++) src += idx[a]! * strides[perm[a]!]!;
    out[k] = Number(t.data[src]);
    for (let a = shape.length - 1; a >= 0; a--) {
      if (++idx[a]! < shape[a]!) break;
      idx[a] = 0;
    }
  }
  return { dtype: 'float32', shape, data: out };
}

/**
 * The weight in ONNX order. `layout` has one letter per axis: O out, I in, M depth multiplier, 1 unit,
 * others spatial (in order). Depthwise layouts (M, or 1…O with a group) become [C·M, 1, k…].
 */
export function toOnnxWeight(w: HostTensor, layout: string, transposed: boolean): HostTensor {
  if (layout === 'OIHW' || layout === 'OIW' || layout === 'OIDHW' || layout === '') return w;
  if (layout.length !== w.shape.length)
    throw new RangeError(`weight layout '${layout}' does not fit shape [${w.shape}]`);
  const letters = [...layout];
  const spatial = letters.map((c, i) => (/[OIM1]/.test(c) ? -1 : i)).filter((i) => i >= 0);
  const at = (c: string): number => letters.indexOf(c);
  if (at('M') >= 0) {
    // [k…, C, M] → [C, M, k…] → [C·M, 1, k…]: output channel c·M + m reads input channel c.
    const p = permute(w, [at('I'), at('M'), ...spatial]);
    return { ...p, shape: [p.shape[0]! * p.shape[1]!, 1, ...p.shape.slice(2)] };
  }
  if (at('1') >= 0 && at('O') >= 0) {
    // TFLite depthwise [1, k…, C·M]: already grouped by input channel.
    const p = permute(w, [at('O'), at('1'), ...spatial]);
    return p;
  }
  const first = transposed ? 'I' : 'O';
  const second = transposed ? 'O' : 'I';
  return permute(w, [at(first), at(second), ...spatial]);
}
