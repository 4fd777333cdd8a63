/** Small tensors kept on the host (shape arithmetic, indices, masks) as plain row-major numbers. */

/** Element types the runtime distinguishes on the host. */
export type HostDType = 'float32' | 'int32' | 'int64' | 'bool';

/** A row-major tensor in JS memory; ints (int64 too) are JS numbers. */
export interface HostTensor {
  dtype: HostDType;
  shape: number[];
  data: Float32Array | Int32Array | number[];
}

/** Number of elements of a shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** A float32 host tensor; checks that data and shape agree. */
export function floatTensor(data: ArrayLike<number>, shape: number[]): HostTensor {
  if (data.length !== sizeOf(shape)) {
    throw new RangeError(`tensor data has ${data.length} elements, shape [${shape}] needs ${sizeOf(shape)}`);
  }
  return { dtype: 'float32', shape: shape.slice(), data: Float32Array.from(data) };
}

/** An integer (int64 semantics) host tensor. */
export function intTensor(data: ArrayLike<number>, shape: number[] = [data.length]): HostTensor {
  return { dtype: 'int64', shape: shape.slice(), data: Array.from(data) };
}

/** Row-major strides of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i]!;
  }
  return s;
}
