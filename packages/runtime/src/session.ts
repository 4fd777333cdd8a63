/** A model ready to run: forward passes with taps on every tensor, gradients with respect to any value. */
import * as tf from '@tensorflow/tfjs';
import type { Dim, Model } from '@nnlens/ir';
import { initBackend, type BackendOptions } from './backend.js';
import { RuntimeError } from './errors.js';
import { runNodes } from './executor.js';
import { gradientAt, type GradientResult, type GradTarget } from './gradient.js';
import { sizeOf, type HostTensor } from './host.js';
import { Program } from './program.js';
import { hostToTensor, type RValue } from './rvalue.js';
import { Trace } from './trace.js';

/** A graph input as the session sees it. */
export interface InputInfo {
  name: string;
  /** Declared shape; symbolic dims by name, unknown as null. */
  shape: Dim[] | null;
  dtype: string;
}

/** Options of Session.create(). */
export type SessionOptions = BackendOptions;

/** Which values a run keeps: every one (taps), only the graph outputs, or the outputs plus a list. */
export type Keep = 'all' | 'outputs' | string[];

/** An executable model bound to the tfjs backend. */
export class Session {
  private constructor(
    /** The compiled program. */
    readonly program: Program,
    /** The backend it runs on. */
    readonly backend: string,
  ) {}

  /** Initialises the backend, checks every op (UnsupportedOpError names the first missing one) and decodes weights. */
  static async create(model: Model, options: SessionOptions = {}): Promise<Session> {
    const backend = await initBackend(options);
    return new Session(Program.compile(model), backend);
  }

  /** The model. */
  get model(): Model {
    return this.program.model;
  }

  /** Inputs that must be fed. */
  get inputs(): InputInfo[] {
    const g = this.model.graph;
    return this.program.inputNames.map((name) => {
      const v = g.values.get(name)!;
      return { name, shape: v.shape, dtype: v.dtype };
    });
  }

  /** Output value names. */
  get outputs(): string[] {
    return this.model.graph.outputs.map((v) => v.name);
  }

  /** Feeds as runtime values; a single tensor feeds the first input. */
  private feedValues(feeds: Record<string, HostTensor>): Map<string, RValue> {
    const env = new Map<string, RValue>();
    for (const name of this.program.inputNames) {
      const h = feeds[name];
      if (!h) throw new RuntimeError(`no value fed for input '${name}'`);
      if (h.data.length !== sizeOf(h.shape)) {
        throw new RuntimeError(`input '${name}': ${h.data.length} values do not fill shape [${h.shape}]`);
      }
      env.set(name, { kind: 'tensor', tensor: hostToTensor(h), nhwc: false });
    }
    return env;
  }

  /** Runs the model. With keep 'all' every intermediate value stays readable in the trace. */
  run(feeds: Record<string, HostTensor>, options: { keep?: Keep } = {}): Trace {
    const env = this.feedValues(feeds);
    const keep = options.keep ?? 'all';
    const score = this.program.scoreOutput();
    const keepSet =
      keep === 'all' ? true : new Set([...this.outputs, score, ...(keep === 'outputs' ? [] : keep)]);
    const order = [...this.program.inputNames];
    for (const n of this.program.nodes) for (const v of n.outputs) if (v) order.push(v.name);
    try {
      runNodes(this.program, this.program.nodes, env, { keep: keepSet });
    } catch (e) {
      for (const v of env.values()) if (v.kind === 'tensor') v.tensor.dispose();
      throw e;
    }
    return new Trace(this.program, env, order);
  }

  /** d score / d value for a value of a trace (Grad-CAM's dY/dA). */
  gradient(trace: Trace, wrt: string, target: GradTarget): GradientResult {
    return gradientAt(this.program, wrt, trace.value(wrt), trace.lookup, target);
  }

  /** d score / d input for fed inputs (saliency, SmoothGrad, IG); batches sum their scores. */
  inputGradient(feeds: Record<string, HostTensor>, target: GradTarget, input?: string): GradientResult {
    const name = input ?? this.program.inputNames[0];
    if (!name) throw new RuntimeError('the model has no input');
    const env = this.feedValues(feeds);
    try {
      return gradientAt(this.program, name, env.get(name)!, (n) => env.get(n), target);
    } finally {
      for (const v of env.values()) if (v.kind === 'tensor') v.tensor.dispose();
    }
  }

  /** Frees the weights and prepared filters. */
  dispose(): void {
    this.program.dispose();
  }
}

/** Number of live tfjs tensors (tests check that runs do not leak). */
export function liveTensors(): number {
  return tf.memory().numTensors;
}
