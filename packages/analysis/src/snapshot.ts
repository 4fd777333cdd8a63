/** Remembers what the file said about each value so analyze() can run again (e.g. with other input shapes). */
import type { DType, Shape, Value } from '@nnlens/ir';

interface Original {
  dtype: DType;
  shape: Shape;
  source: Value['shapeSource'];
}

const originals = new WeakMap<Value, Original>();
// The exact shape array the analyzer last wrote: if a value holds another one, someone else set it since.
const written = new WeakMap<Value, Shape>();

/** Puts the value back to its file state (first call: records that state). */
export function restoreValue(v: Value): void {
  const orig = originals.get(v);
  if (orig && written.has(v) && written.get(v) === v.shape) {
    v.dtype = orig.dtype;
    v.shape = orig.shape === null ? null : orig.shape.slice();
    v.shapeSource = orig.source;
  } else {
    originals.set(v, {
      dtype: v.dtype,
      shape: v.shape === null ? null : v.shape.slice(),
      source: v.shapeSource,
    });
  }
  written.delete(v);
  // Assigning (not deleting) keeps V8's fast object layout for values analysed repeatedly.
  if (v.constValue !== undefined) v.constValue = undefined;
}

/** Assigns an inferred dtype and shape, remembering that the analyzer wrote them. */
export function writeValue(v: Value, dtype: DType, shape: Shape, source: Value['shapeSource']): void {
  if (!originals.has(v)) restoreValue(v);
  v.dtype = dtype;
  v.shape = shape;
  v.shapeSource = source;
  written.set(v, shape);
}
