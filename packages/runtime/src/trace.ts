/** The result of a forward pass: every tapped tensor, readable in logical (ONNX, NCHW) layout until disposed. */
import { nhwcToNchw } from './channels-last.js';
import type { HostTensor } from './host.js';
import type { Program } from './program.js';
import { logicalShape, toHost, type RValue } from './rvalue.js';

/** A tensor read out of a trace: its value name and elements in logical row-major order. */
export interface TapTensor extends HostTensor {
  name: string;
}

/** Every value of one forward pass. Call dispose() when done: the tensors live in the backend. */
export class Trace {
  private disposed = false;

  constructor(
    private readonly program: Program,
    private readonly env: Map<string, RValue>,
    /** Computed value names in execution order (graph inputs first). */
    private readonly order: string[],
  ) {}

  /** Names of the values this trace holds, in execution order. */
  names(): string[] {
    return this.order.filter((n) => this.env.has(n));
  }

  /** True when the value was kept. */
  has(name: string): boolean {
    return this.env.has(name) || this.program.constants.has(name);
  }

  /** Logical shape of a value. */
  shape(name: string): number[] {
    const v = this.value(name);
    return logicalShape(v);
  }

  /** The runtime value (internal: layout-aware). */
  value(name: string): RValue {
    this.check();
    const v = this.env.get(name) ?? this.program.constantValue(name);
    if (!v) throw new RangeError(`value '${name}' is not in this trace (not computed or not kept)`);
    return v;
  }

  /** Reads a value into JS memory in logical layout. */
  read(name: string): TapTensor {
    const h = this.env.has(name) ? toHost(this.value(name)) : this.program.constants.get(name);
    if (!h) throw new RangeError(`value '${name}' is not in this trace (not computed or not kept)`);
    return { name, dtype: h.dtype, shape: h.shape.slice(), data: h.data };
  }

  /** True when the model stores this 4-D value channels-last ([N, H, W, C]). */
  isChannelsLast(name: string): boolean {
    return this.program.channelsLast.has(name);
  }

  /** Like read(), but 4-D channels-last values come back [N, C, H, W] (feature maps, CAMs). */
  readNchw(name: string): TapTensor {
    const t = this.read(name);
    return this.isChannelsLast(name) && t.shape.length === 4 ? { name, ...nhwcToNchw(t) } : t;
  }

  /** A lookup function over the trace for re-running part of the graph. */
  lookup = (name: string): RValue | undefined => this.env.get(name);

  /** Frees the trace's tensors. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const v of this.env.values()) if (v.kind === 'tensor') v.tensor.dispose();
    this.env.clear();
  }

  private check(): void {
    if (this.disposed) throw new Error('trace was disposed');
  }
}
