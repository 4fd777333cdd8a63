/** What a layer mapper gets for one call of a Keras layer, and typed readers of the layer's config values. */
import type { Attribute, DType, Value } from '@nnlens/ir';
import { jsonAttr, sourceOpAttr } from '../layout-attrs.js';
import { asObject, type KerasLayer } from './config.js';
import type { Emitter } from './emit.js';
import type { LayerWeights } from './weights.js';

/** One call of one layer: its inputs, weights and the emitter to add nodes with. */
export interface LayerCall {
  layer: KerasLayer;
  /** Node name for the layer's main node (scoped for nested models, suffixed for repeated calls). */
  name: string;
  inputs: Value[];
  weights: LayerWeights;
  emit: Emitter;
}

/** Turns a layer call into IR nodes; returns the layer's output values. */
export interface LayerMapper {
  /** Roles of the stored weights in storage order (Keras 3 files store them unnamed). */
  roles?(config: Record<string, unknown>): string[];
  map(call: LayerCall): Value[];
}

/** Adds the layer's main node: named after the layer, with its class and full config as attributes. */
export function mainNode(
  call: LayerCall,
  op: string,
  inputs: (Value | null)[],
  attrs: Attribute[],
  domain = '',
): Value[] {
  const extra = call.weights.rest().map((t) => call.emit.weight(t));
  const all = [...attrs, sourceOpAttr(call.layer.className), jsonAttr('config', call.layer.config)];
  // Omitted optional inputs at the end (no bias) are dropped, as ONNX does.
  const list = [...inputs, ...extra];
  while (list.length > 1 && list[list.length - 1] === null) list.pop();
  return call.emit.node(call.name, op, list, all, 1, domain);
}

/** The weight value of `role`, or null when the file has none. */
export function weightInput(call: LayerCall, role: string): Value | null {
  const t = call.weights.take(role);
  return t ? call.emit.weight(t) : null;
}

/** A number, or `def` when absent or not a number. */
export function num(cfg: Record<string, unknown>, key: string, def: number): number {
  const v = cfg[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : def;
}

/** A boolean, or `def`. */
export function bool(cfg: Record<string, unknown>, key: string, def: boolean): boolean {
  const v = cfg[key];
  return typeof v === 'boolean' ? v : def;
}

/** A string, or `def`. */
export function str(cfg: Record<string, unknown>, key: string, def: string): string {
  const v = cfg[key];
  return typeof v === 'string' ? v : def;
}

/** `n` non-negative integers from an int or a list (Keras accepts both for kernel_size, strides, …). */
export function tuple(cfg: Record<string, unknown>, key: string, n: number, def: number): number[] {
  const v = cfg[key];
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return new Array<number>(n).fill(v);
  if (
    Array.isArray(v) &&
    v.length === n &&
    v.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0)
  ) {
    return v as number[];
  }
  return new Array<number>(n).fill(def);
}

/** True unless the layer says data_format 'channels_first'. */
export function isChannelsLast(cfg: Record<string, unknown>): boolean {
  return str(cfg, 'data_format', 'channels_last') !== 'channels_first';
}

/** An activation given as a name or (Keras 3) as a serialized function object; 'linear' when absent. */
export function activationName(v: unknown): string {
  if (typeof v === 'string') return v;
  const o = asObject(v);
  if (o) {
    if (typeof o['config'] === 'string') return o['config'];
    if (typeof o['class_name'] === 'string') return o['class_name'];
  }
  return 'linear';
}

/** A Keras dtype name (or Keras 3 DTypePolicy object) as an IR dtype. */
export function kerasDType(v: unknown): DType {
  const o = asObject(v);
  const name =
    typeof v === 'string'
      ? v
      : typeof asObject(o?.['config'])?.['name'] === 'string'
        ? (asObject(o?.['config'])?.['name'] as string)
        : '';
  const known: Record<string, DType> = {
    float32: 'float32',
    float16: 'float16',
    float64: 'float64',
    bfloat16: 'bfloat16',
    int8: 'int8',
    uint8: 'uint8',
    int16: 'int16',
    int32: 'int32',
    int64: 'int64',
    bool: 'bool',
    string: 'string',
    mixed_float16: 'float16',
    mixed_bfloat16: 'bfloat16',
  };
  return known[name] ?? 'float32';
}
