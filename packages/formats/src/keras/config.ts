/** Reads a Keras model config (Keras 1–3, tf.keras, TF.js layers) into one normalized, type-checked shape. */
import { ModelFormatError } from '../errors.js';

/** A reference to one output tensor of one call of a layer (Keras' [layer, node_index, tensor_index]). */
export interface TensorRef {
  layer: string;
  node: number;
  tensor: number;
}

/** One layer entry of a model config. */
export interface KerasLayer {
  className: string;
  name: string;
  config: Record<string, unknown>;
  /** Inputs of each call of the layer (functional models); empty for input layers and Sequential. */
  calls: TensorRef[][];
  /** Set when the layer is itself a model (nested Sequential/Functional). */
  model?: KerasModelConfig;
}

/** A Sequential or functional model. */
export interface KerasModelConfig {
  className: string;
  name: string;
  sequential: boolean;
  layers: KerasLayer[];
  /** Functional models: the input and output tensors. */
  inputs: TensorRef[];
  outputs: TensorRef[];
  /** Sequential models: the input shape given outside the layers (Keras 3 `build_input_shape`). */
  buildInputShape?: unknown;
}

const MAX_DEPTH = 32;

/** A plain JSON object, or undefined. */
export function asObject(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

function fail(message: string): never {
  throw new ModelFormatError('keras', `Keras: ${message}`);
}

function refFrom(v: unknown): TensorRef | null {
  if (!Array.isArray(v) || typeof v[0] !== 'string') return null;
  const node = typeof v[1] === 'number' ? v[1] : 0;
  const tensor = typeof v[2] === 'number' ? v[2] : 0;
  return { layer: v[0], node, tensor };
}

// Keras 3 writes call arguments as {class_name: '__keras_tensor__', config: {keras_history: [l, n, t]}}
// anywhere inside `args` (a Concatenate gets a list of them).
function kerasTensors(v: unknown, out: TensorRef[], depth = 0): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(v)) {
    for (const x of v) kerasTensors(x, out, depth + 1);
    return;
  }
  const o = asObject(v);
  if (!o) return;
  if (o['class_name'] === '__keras_tensor__') {
    const r = refFrom(asObject(o['config'])?.['keras_history']);
    if (r) out.push(r);
    return;
  }
  for (const x of Object.values(o)) kerasTensors(x, out, depth + 1);
}

function parseCall(node: unknown): TensorRef[] {
  const o = asObject(node);
  if (o) {
    const refs: TensorRef[] = [];
    kerasTensors(o['args'], refs);
    return refs;
  }
  if (!Array.isArray(node)) return [];
  // Keras 1/2: [[layer, node, tensor, kwargs], …]
  return node.map(refFrom).filter((r): r is TensorRef => r !== null);
}

/** Tensor refs of `input_layers`/`output_layers`: a list of refs, a single ref, or nested structures. */
function parseRefs(v: unknown): TensorRef[] {
  const single = refFrom(v);
  if (single) return [single];
  const out: TensorRef[] = [];
  const walk = (x: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const r = refFrom(x);
    if (r) out.push(r);
    else if (Array.isArray(x)) for (const y of x) walk(y, depth + 1);
    else {
      const o = asObject(x);
      if (o) for (const y of Object.values(o)) walk(y, depth + 1);
    }
  };
  walk(v, 0);
  return out;
}

/** True for class names of models (which may also appear as layers of another model). */
export function isModelClass(className: string): boolean {
  return ['Sequential', 'Model', 'Functional'].includes(className);
}

function parseLayer(v: unknown, where: string, depth: number): KerasLayer {
  const o = asObject(v);
  if (!o) fail(`${where} is not an object`);
  const className = o['class_name'];
  if (typeof className !== 'string' || className === '') fail(`${where} has no class_name`);
  const config = asObject(o['config']) ?? {};
  const name =
    typeof o['name'] === 'string' ? o['name'] : typeof config['name'] === 'string' ? config['name'] : '';
  const nodes = Array.isArray(o['inbound_nodes']) ? o['inbound_nodes'] : [];
  const layer: KerasLayer = { className, name, config, calls: nodes.map(parseCall) };
  // Old Sequential configs are a bare list of layers; newer ones a {name, layers} object.
  if (isModelClass(className) || Array.isArray(o['config']) || Array.isArray(config['layers'])) {
    layer.model = parseModel(o, `${where} ('${name}')`, depth + 1);
  }
  return layer;
}

/** Parses a model config object ({class_name, config}); throws ModelFormatError naming what is wrong. */
export function parseModel(v: unknown, where = 'model_config', depth = 0): KerasModelConfig {
  if (depth > MAX_DEPTH) fail(`${where}: models nested more than ${MAX_DEPTH} deep`);
  const o = asObject(v);
  if (!o) fail(`${where} is not a JSON object`);
  const className = typeof o['class_name'] === 'string' ? o['class_name'] : '';
  const raw = o['config'];
  const config = asObject(raw) ?? {};
  const list = Array.isArray(raw) ? raw : config['layers'];
  if (!Array.isArray(list)) fail(`${where} has no layer list (config.layers)`);
  const sequential = className === 'Sequential' || Array.isArray(raw);
  const layers = list.map((l, i) => parseLayer(l, `${where} layer #${i}`, depth));
  const name =
    typeof config['name'] === 'string' ? config['name'] : typeof o['name'] === 'string' ? o['name'] : '';
  const model: KerasModelConfig = {
    className: className || (sequential ? 'Sequential' : 'Model'),
    name,
    sequential,
    layers,
    inputs: parseRefs(config['input_layers']),
    outputs: parseRefs(config['output_layers']),
  };
  if (config['build_input_shape'] !== undefined) model.buildInputShape = config['build_input_shape'];
  return model;
}

/** Parses JSON text that holds a model config; names the source in errors. */
export function parseModelJson(text: string, where: string): KerasModelConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail(`${where} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseModel(json, where);
}
