/** Remembers what the file said about each value so analyze() can run again (e.g. with other input shapes). */
import type { DType, Model, Shape, Value } from '@nnlens/ir';

interface Original {
  dtype: DType;
  shape: Shape;
  source: Value['shapeSource'];
}

/** Per-model memory of the file's types and of the shapes the analyzer wrote. */
export class Snapshots {
  private readonly originals = new Map<Value, Original>();
  // The exact shape array the analyzer last wrote: if a value holds another one, someone else set it since.
  private readonly written = new Map<Value, Shape>();

  /** Puts the value back to its file state (first call: records that state). */
  restore(v: Value): void {
    const orig = this.originals.get(v);
    if (orig && this.written.get(v) === v.shape && this.written.has(v)) {
      v.dtype = orig.dtype;
      v.shape = orig.shape === null ? null : orig.shape.slice();
      v.shapeSource = orig.source;
    } else {
      this.originals.set(v, {
        dtype: v.dtype,
        shape: v.shape === null ? null : v.shape.slice(),
        source: v.shapeSource,
      });
    }
    this.written.delete(v);
    // Assigning (not deleting) keeps V8's fast object layout for values analysed repeatedly.
    if (v.constValue !== undefined) v.constValue = undefined;
  }

  /** Assigns an inferred dtype and shape, remembering that the analyzer wrote them. */
  write(v: Value, dtype: DType, shape: Shape, source: Value['shapeSource']): void {
    if (!this.originals.has(v)) this.restore(v);
    v.dtype = dtype;
    v.shape = shape;
    v.shapeSource = source;
    this.written.set(v, shape);
  }
}

// One entry per model (not per value): cheap for the garbage collector.
const byModel = new WeakMap<Model, Snapshots>();

/** The snapshots of a model, created on first use. */
export function snapshotsOf(model: Model): Snapshots {
  let s = byModel.get(model);
  if (!s) byModel.set(model, (s = new Snapshots()));
  return s;
}
