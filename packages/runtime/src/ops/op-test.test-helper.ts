/** Test-only: builds one-node models with the ir builder, runs them, and takes input gradients. */
import { addInitializer, addNode, createGraph, createModel, ensureValue, type Attribute } from '@nnlens/ir';
import type { HostTensor } from '../host.js';
import { Session } from '../session.js';

/** A graph input (fed) or a constant (initializer) of the test node. */
export interface Operand {
  shape: number[];
  data: number[];
  /** true: an initializer; false: a fed input. */
  constant?: boolean;
  dtype?: 'float32' | 'int64';
}

/** Attribute values: numbers are ints unless `floats` names them; arrays become ints/floats. */
export type Attrs = Record<string, number | number[] | string>;

function attribute(name: string, v: number | number[] | string, floats: Set<string>): Attribute {
  if (typeof v === 'string') return { name, kind: 'string', value: v };
  if (Array.isArray(v))
    return floats.has(name) ? { name, kind: 'floats', value: v } : { name, kind: 'ints', value: v };
  return floats.has(name) ? { name, kind: 'float', value: v } : { name, kind: 'int', value: v };
}

/** A session over a single `op` node with operands named x0, x1, … and output 'y'. */
export async function opSession(
  op: string,
  operands: (Operand | null)[],
  attrs: Attrs = {},
  options: { floats?: string[]; opset?: number; outputs?: number } = {},
): Promise<Session> {
  const g = createGraph('t');
  const inputs = operands.map((o, i) => {
    if (!o) return null;
    const dtype = o.dtype ?? 'float32';
    if (o.constant) {
      return addInitializer(g, {
        name: `x${i}`,
        dtype,
        shape: o.shape,
        storage: { kind: 'values', values: o.data },
      });
    }
    const v = ensureValue(g, `x${i}`, dtype, o.shape);
    g.inputs.push(v);
    return v;
  });
  const outs = Array.from({ length: options.outputs ?? 1 }, (_, i) =>
    ensureValue(g, i === 0 ? 'y' : `y${i}`),
  );
  const floats = new Set(options.floats ?? []);
  const attributes = Object.entries(attrs).map(([k, v]) => attribute(k, v, floats));
  addNode(g, { name: `${op}_node`, op, inputs, outputs: outs, attributes });
  g.outputs.push(...outs);
  const model = createModel('onnx', g, { opsetImports: [{ domain: '', version: options.opset ?? 17 }] });
  return Session.create(model);
}

function feedsOf(operands: (Operand | null)[]): Record<string, HostTensor> {
  const feeds: Record<string, HostTensor> = {};
  operands.forEach((o, i) => {
    if (o && !o.constant) {
      feeds[`x${i}`] =
        o.dtype === 'int64'
          ? { dtype: 'int64', shape: o.shape, data: o.data }
          : { dtype: 'float32', shape: o.shape, data: Float32Array.from(o.data) };
    }
  });
  return feeds;
}

/** Runs one op; returns output 'y' (and others) as plain arrays with shapes. */
export async function runOp(
  op: string,
  operands: (Operand | null)[],
  attrs: Attrs = {},
  options: { floats?: string[]; opset?: number; outputs?: number } = {},
): Promise<{ shape: number[]; data: number[] }[]> {
  const s = await opSession(op, operands, attrs, options);
  try {
    const trace = s.run(feedsOf(operands));
    const out = s.outputs.map((n) => {
      const t = trace.read(n);
      return { shape: t.shape, data: Array.from(t.data, Number) };
    });
    trace.dispose();
    return out;
  } finally {
    s.dispose();
  }
}

/** d(Σ_i w_i·y_i)/d(x0) for weights w over the flattened output: a vector-Jacobian product through the op. */
export async function vjp(
  op: string,
  operands: Operand[],
  attrs: Attrs,
  w: number[],
  options: { floats?: string[] } = {},
): Promise<number[]> {
  const s = await opSession(op, operands, attrs, options);
  try {
    let acc: number[] | null = null;
    // The runtime differentiates one output index at a time; sum w_i · ∂y_i/∂x.
    for (let i = 0; i < w.length; i++) {
      if (w[i] === 0) continue;
      const g = Array.from(s.inputGradient(feedsOf(operands), { index: i }, 'x0').grad.data, Number);
      acc = acc ? acc.map((a, j) => a + w[i]! * g[j]!) : g.map((v) => v * w[i]!);
    }
    return acc ?? new Array<number>(operands[0]!.data.length).fill(0);
  } finally {
    s.dispose();
  }
}

/** Deterministic pseudo-random values in [−1, 1). */
export function values(n: number, seed = 1): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648) * 2 - 1;
  });
}
