/** TF.js graph models (a TensorFlow GraphDef as JSON) → IR: Placeholders become inputs, Consts weights, the rest nodes in topological order. */
import {
  addInitializer,
  addNode,
  createGraph,
  ensureValue,
  isIntDType,
  tensorValues,
  type Dim,
  type Graph,
  type Tensor,
  type Value,
} from '@nnlens/ir';
import { ModelFormatError } from '../errors.js';
import { asObject } from '../keras/config.js';
import { sourceOpAttr } from '../layout-attrs.js';
import { decodeBase64 } from './base64.js';
import type { ManifestWeight } from './manifest.js';
import { attrValue, tfAttributes, tfDType, tfShape } from './tf-attrs.js';
import { mapTfOp } from './tf-ops.js';

interface TfNode {
  name: string;
  op: string;
  inputs: string[];
  attr: Record<string, unknown>;
}

// A bound on the graph a file may make us build.
const MAX_NODES = 500_000;

function parseNodes(topology: Record<string, unknown>, warnings: string[]): TfNode[] {
  const raw = topology['node'];
  if (!Array.isArray(raw))
    throw new ModelFormatError('tfjs', 'TF.js: graph model has no node list (modelTopology.node)', {
      fieldPath: 'modelTopology.node',
    });
  if (raw.length > MAX_NODES)
    throw new ModelFormatError('tfjs', `TF.js: graph model has ${raw.length} nodes, more than ${MAX_NODES}`);
  const seen = new Set<string>();
  const out: TfNode[] = [];
  raw.forEach((n, i) => {
    const o = asObject(n);
    const name = typeof o?.['name'] === 'string' ? o['name'] : '';
    const op = typeof o?.['op'] === 'string' ? o['op'] : '';
    if (!name || !op || seen.has(name)) {
      warnings.push(
        `TF.js: node #${i} ${name ? `'${name}' ` : ''}is unnamed, has no op or repeats a name; skipped`,
      );
      return;
    }
    seen.add(name);
    const inputs = Array.isArray(o?.['input'])
      ? (o['input'] as unknown[]).filter((x): x is string => typeof x === 'string')
      : [];
    out.push({ name, op, inputs, attr: asObject(o?.['attr']) ?? {} });
  });
  return out;
}

// No TF op has this many outputs: a larger index is damage, not an output to allocate.
const MAX_OUTPUT = 1024;

/** 'node', 'node:0' → ['node', 0]; 'node:2' → ['node', 2]; control inputs ('^node') and absurd indices → null. */
function ref(input: string): [string, number] | null {
  if (input.startsWith('^')) return null;
  const m = /^(.*):(\d+)$/.exec(input);
  if (!m) return [input, 0];
  const k = Number(m[2]);
  return k < MAX_OUTPUT ? [m[1]!, k] : null;
}

// Kahn's algorithm in file order; nodes on cycles (TF1 loops) keep their file order at the end.
function topological(nodes: TfNode[], warnings: string[]): TfNode[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const indegree = new Map<TfNode, number>();
  const users = new Map<TfNode, TfNode[]>();
  for (const n of nodes) {
    const deps = new Set(
      n.inputs.map(ref).flatMap((r) => (r && byName.has(r[0]) ? [byName.get(r[0])!] : [])),
    );
    indegree.set(n, deps.size);
    for (const d of deps) (users.get(d) ?? users.set(d, []).get(d)!).push(n);
  }
  const order: TfNode[] = [];
  const queue = nodes.filter((n) => indegree.get(n) === 0);
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    order.push(n);
    for (const u of users.get(n) ?? []) {
      const d = indegree.get(u)! - 1;
      indegree.set(u, d);
      if (d === 0) queue.push(u);
    }
  }
  if (order.length < nodes.length) {
    const done = new Set(order);
    const rest = nodes.filter((n) => !done.has(n));
    warnings.push(
      `TF.js: ${rest.length} node(s) are on a cycle (TF1 control flow, e.g. '${rest[0]!.name}'); kept in file order`,
    );
    order.push(...rest);
  }
  return order;
}

/** A Const node's value stored inline in its attribute (small constants the converter did not put in the manifest). */
function inlineTensor(node: TfNode): Tensor {
  const value = asObject(asObject(node.attr['value'])?.['tensor']);
  const dtype = tfDType(value?.['dtype'] ?? asObject(node.attr['dtype'])?.['type']);
  const shape = (tfShape(value?.['tensorShape']) ?? []).map((d) => Math.max(d, 0));
  const t: Tensor = { name: node.name, dtype, shape, storage: { kind: 'none' } };
  const content = value?.['tensorContent'];
  const bytes = typeof content === 'string' ? decodeBase64(content) : null;
  if (bytes) t.storage = { kind: 'raw', bytes };
  else {
    for (const key of ['floatVal', 'intVal', 'int64Val', 'boolVal', 'halfVal', 'doubleVal']) {
      const vals = value?.[key];
      if (!Array.isArray(vals) || vals.length === 0) continue;
      const nums = vals.map((v) => (typeof v === 'boolean' ? Number(v) : Number(v)));
      const count = shape.reduce((a, b) => a * b, 1);
      // TF repeats the last value to fill the shape.
      const filled =
        count > nums.length && count <= 1 << 20
          ? [...nums, ...new Array<number>(count - nums.length).fill(nums[nums.length - 1]!)]
          : nums;
      t.storage = { kind: 'values', values: filled };
      break;
    }
  }
  return t;
}

function placeholderShape(node: TfNode): Dim[] | null {
  const dims = tfShape(asObject(node.attr['shape'])?.['shape']);
  return dims ? dims.map((d, i) => (d >= 0 ? d : i === 0 ? 'batch' : `${node.name}_d${i}`)) : null;
}

function smallInts(v: Value | null | undefined): number[] | undefined {
  const t = v?.initializer;
  if (!t || !isIntDType(t.dtype) || t.shape.reduce((a, b) => a * b, 1) > 64) return undefined;
  try {
    return Array.from(tensorValues(t) as ArrayLike<number>, Number);
  } catch {
    return undefined;
  }
}

/** Builds the graph; `signatureOutputs` ('Identity:0', …) name the outputs when the file gives them. */
export function buildGraphModel(
  topology: Record<string, unknown>,
  weights: ManifestWeight[],
  signatureOutputs: string[],
  warnings: string[],
): Graph {
  const nodes = topological(parseNodes(topology, warnings), warnings);
  if (
    asObject(topology['library']) &&
    Array.isArray(asObject(topology['library'])?.['function']) &&
    (asObject(topology['library'])!['function'] as unknown[]).length
  ) {
    warnings.push('TF.js: the graph has library functions (control flow); their bodies are not shown');
  }
  const g = createGraph('main');
  const byWeight = new Map(weights.map((w) => [w.name, w.tensor]));
  const outputsOf = new Map<string, number>();
  for (const n of nodes) {
    for (const input of n.inputs) {
      const r = ref(input);
      if (r) outputsOf.set(r[0], Math.max(outputsOf.get(r[0]) ?? 1, r[1] + 1));
    }
  }
  const valueName = (name: string, k: number): string => (k === 0 ? name : `${name}:${k}`);
  const used = new Set<Tensor>();
  for (const n of nodes) {
    if (n.op === 'Const') {
      let t = byWeight.get(n.name);
      if (t && !used.has(t)) used.add(t);
      else t = inlineTensor(n);
      addInitializer(g, { ...t, name: n.name });
      continue;
    }
    if (n.op === 'Placeholder' || n.op === 'PlaceholderWithDefault') {
      const v = ensureValue(g, n.name, tfDType(asObject(n.attr['dtype'])?.['type']), placeholderShape(n));
      if (n.op === 'Placeholder') g.inputs.push(v);
      if (n.op === 'Placeholder') continue;
    }
    const inputs = n.inputs.flatMap((input) => {
      const r = ref(input);
      return r ? [g.values.get(valueName(r[0], r[1])) ?? ensureValue(g, valueName(r[0], r[1]))] : [];
    });
    const outputs = Array.from({ length: outputsOf.get(n.name) ?? 1 }, (_, k) =>
      ensureValue(g, valueName(n.name, k)),
    );
    const attr = (name: string): ReturnType<typeof attrValue> => attrValue(n.attr[name]);
    const mapped = mapTfOp({ op: n.op, attr, inputs, constInts: (i) => smallInts(inputs[i]) });
    const raw = tfAttributes(n.attr, ['T', 'value']);
    const own = new Set(mapped?.attributes.map((a) => a.name) ?? []);
    // TF's own attributes stay visible; where a name clashes with an analyzer attribute it gets a 'tf_' prefix.
    const attributes = [
      ...(mapped?.attributes ?? []),
      ...raw.map((a) => (own.has(a.name) ? { ...a, name: `tf_${a.name}` } : a)),
      sourceOpAttr(n.op),
    ];
    addNode(g, {
      name: n.name,
      op: mapped ? mapped.op : n.op,
      domain: mapped ? '' : 'tf',
      inputs: mapped ? mapped.inputs : inputs,
      outputs,
      attributes,
    });
  }
  for (const w of weights) {
    if (!used.has(w.tensor) && !g.values.has(w.name)) addInitializer(g, w.tensor);
  }
  const named = signatureOutputs
    .map((s) => ref(s))
    .flatMap((r) => (r && g.values.get(valueName(r[0], r[1])) ? [g.values.get(valueName(r[0], r[1]))!] : []));
  g.outputs.push(
    ...(named.length ? named : [...g.values.values()].filter((v) => v.producer && v.consumers.length === 0)),
  );
  return g;
}
