/** Lazily dequantized TF.js weights: uint8/uint16 codes become min + code × scale when first read. */

/** An array-like of float values computed from the codes on first access (then cached). */
export function dequantized(
  bytes: Uint8Array,
  stored: 'uint8' | 'uint16',
  count: number,
  scale: number,
  min: number,
): ArrayLike<number> {
  let cache: Float32Array | null = null;
  const values = (): Float32Array => {
    if (cache) return cache;
    cache = new Float32Array(count);
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < count; i++) {
      const code = stored === 'uint8' ? bytes[i]! : dv.getUint16(i * 2, true);
      cache[i] = min + code * scale;
    }
    return cache;
  };
  return new Proxy({ length: count } as ArrayLike<number>, {
    get(target, key) {
      if (key === 'length') return count;
      if (typeof key === 'string') {
        const i = Number(key);
        if (Number.isInteger(i) && i >= 0 && i < count) return values()[i];
      }
      return Reflect.get(target, key);
    },
  });
}
