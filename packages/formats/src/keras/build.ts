/** Builds the IR graph of a Keras model: Sequential chains, functional DAGs (any layer order), shared layers, nested models inlined. */
import type { Dim, Shape, Value } from '@nnlens/ir';
import type { KerasLayer, KerasModelConfig, TensorRef } from './config.js';
import type { Emitter } from './emit.js';
import { kerasDType } from './layer-call.js';
import { layerMapper } from './layers/index.js';
import { LayerWeights, type LayerWeight, type WeightSource } from './weights.js';

/** Where a (possibly nested) model is being built. */
interface Scope {
  /** Prefix of node names ('' at the top, 'encoder/' inside a nested model called 'encoder'). */
  prefix: string;
  /** Names of the enclosing model layers, for weight lookup. */
  path: string[];
}

/** Shared state of one build. */
interface Build {
  emit: Emitter;
  weights: WeightSource;
  /** Stored weights per layer, fetched once so that every call of a shared layer reads the same tensors. */
  layerWeights: Map<KerasLayer, LayerWeight[]>;
}

const key = (r: TensorRef): string => `${r.layer}\u0000${r.node}\u0000${r.tensor}`;

/** The batch dim is a symbol; other unknown dims get one symbol per input and axis. */
function inputShape(name: string, cfg: Record<string, unknown>, fallback?: unknown): Shape {
  let dims: unknown = cfg['batch_input_shape'] ?? cfg['batch_shape'];
  if (!Array.isArray(dims) && Array.isArray(cfg['input_shape']))
    dims = [null, ...(cfg['input_shape'] as unknown[])];
  if (!Array.isArray(dims)) dims = fallback;
  if (!Array.isArray(dims)) return null;
  return dims.map((d, i): Dim => {
    if (typeof d === 'number' && Number.isInteger(d) && d >= 0) return d;
    return i === 0 ? 'batch' : `${name}_d${i}`;
  });
}

/** The graph input of an InputLayer, or (`implicit`) of a Sequential whose first layer declares the input shape. */
function graphInput(
  b: Build,
  layer: KerasLayer,
  name: string,
  implicit = false,
  fallbackShape?: unknown,
): Value {
  const cfg = layer.config;
  const v = b.emit.input(name, kerasDType(cfg['dtype']), inputShape(name, cfg, fallbackShape));
  v.docString = implicit ? `Keras: implicit input of '${layer.name}'` : 'Keras: InputLayer';
  return v;
}

/** Emits one call of a layer (or inlines a nested model); returns the call's outputs. */
function callLayer(b: Build, scope: Scope, layer: KerasLayer, k: number, inputs: Value[]): Value[] {
  const name = `${scope.prefix}${layer.name}${k > 0 ? `#${k}` : ''}`;
  if (layer.model) {
    return buildModel(b, layer.model, { prefix: `${name}/`, path: [...scope.path, layer.name] }, inputs);
  }
  const mapper = layerMapper(layer.className);
  const roles = mapper.roles?.(layer.config) ?? [];
  let stored = b.layerWeights.get(layer);
  if (!stored) b.layerWeights.set(layer, (stored = b.weights.layer([...scope.path, layer.name], roles)));
  return mapper.map({ layer, name, inputs, weights: new LayerWeights(stored, roles), emit: b.emit });
}

function buildSequential(b: Build, m: KerasModelConfig, scope: Scope, provided: Value[] | null): Value[] {
  let x: Value | null = provided?.[0] ?? null;
  for (const layer of m.layers) {
    if (layer.className === 'InputLayer') {
      if (!x) x = graphInput(b, layer, `${scope.prefix}${layer.name}`);
      continue;
    }
    // tf.keras names the implicit input of a Sequential after its first layer.
    x ??= graphInput(b, layer, `${scope.prefix}${layer.name}_input`, true, m.buildInputShape);
    x = callLayer(b, scope, layer, 0, [x])[0] ?? null;
    if (!x) break;
  }
  return x ? [x] : [];
}

interface Pending {
  layer: KerasLayer;
  k: number;
  missing: number;
}

function buildFunctional(b: Build, m: KerasModelConfig, scope: Scope, provided: Value[] | null): Value[] {
  const tensors = new Map<string, Value>();
  const byName = new Map(m.layers.map((l) => [l.name, l]));
  const inputLayers = m.layers.filter((l) => l.className === 'InputLayer');
  const inputRefs = m.inputs.length
    ? m.inputs
    : inputLayers.map((l) => ({ layer: l.name, node: 0, tensor: 0 }));
  inputRefs.forEach((r, i) => {
    const layer = byName.get(r.layer);
    const v = provided
      ? provided[i]
      : layer
        ? graphInput(b, layer, `${scope.prefix}${layer.name}`)
        : undefined;
    if (v) tensors.set(key(r), v);
  });

  // Kahn's algorithm over layer calls: a call runs once all its input tensors exist, whatever the layer order.
  const waiting = new Map<string, Pending[]>();
  const ready: Pending[] = [];
  const run = (p: Pending): void => {
    const inputs = p.layer.calls[p.k]!.map((r) => tensors.get(key(r))!);
    const outs = callLayer(b, scope, p.layer, p.k, inputs);
    outs.forEach((v, t) => {
      const kk = key({ layer: p.layer.name, node: p.k, tensor: t });
      if (tensors.has(kk)) return;
      tensors.set(kk, v);
      for (const q of waiting.get(kk) ?? []) if (--q.missing === 0) ready.push(q);
      waiting.delete(kk);
    });
  };
  for (const layer of m.layers) {
    if (layer.className === 'InputLayer' && layer.calls.every((c) => c.length === 0)) continue;
    layer.calls.forEach((refs, k) => {
      if (refs.length === 0) return;
      const p: Pending = { layer, k, missing: 0 };
      for (const kk of new Set(refs.map(key))) {
        if (tensors.has(kk)) continue;
        p.missing++;
        let list = waiting.get(kk);
        if (!list) waiting.set(kk, (list = []));
        list.push(p);
      }
      if (p.missing === 0) ready.push(p);
      while (ready.length) run(ready.shift()!);
    });
  }
  for (const [kk, list] of waiting) {
    const [layer] = kk.split('\u0000');
    for (const p of list) {
      b.emit.warn(
        'unresolved',
        `${b.emit.label}: layer '${p.layer.name}' reads an output of '${layer}' that no layer produces; skipped`,
      );
    }
  }
  const outs: Value[] = [];
  for (const r of m.outputs) {
    const v = tensors.get(key(r));
    if (v) outs.push(v);
    else
      b.emit.warn(
        'unresolved',
        `${b.emit.label}: model output '${r.layer}' (node ${r.node}, tensor ${r.tensor}) is never produced`,
      );
  }
  return outs;
}

function buildModel(b: Build, m: KerasModelConfig, scope: Scope, provided: Value[] | null): Value[] {
  return m.sequential ? buildSequential(b, m, scope, provided) : buildFunctional(b, m, scope, provided);
}

/** Builds the model into the emitter's graph: inputs, nodes, outputs, and every stored weight. */
export function buildKerasGraph(model: KerasModelConfig, weights: WeightSource, emit: Emitter): void {
  const b: Build = { emit, weights, layerWeights: new Map() };
  const outputs = buildModel(b, model, { prefix: '', path: [] }, null);
  emit.graph.outputs.push(...new Set(outputs));
  const left = weights.leftovers();
  for (const t of left) emit.weight(t);
  if (left.length > 0) {
    emit.warn(
      'leftover',
      `${b.emit.label}: ${left.length} stored weight(s) match no layer of the config; kept unconnected (e.g. '${left[0]!.name}')`,
    );
  }
}
