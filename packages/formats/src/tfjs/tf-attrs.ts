/** TensorFlow AttrValue JSON (as in TF.js graph models) → IR attributes; strings are base64 in this encoding. */
import type { Attribute, DType } from '@nnlens/ir';
import { asObject } from '../keras/config.js';
import { base64Text } from './base64.js';

/** One decoded attribute value. */
export type TfAttrValue = string | number | boolean | number[] | string[] | null;

const DT: Record<string, DType> = {
  DT_FLOAT: 'float32',
  DT_HALF: 'float16',
  DT_BFLOAT16: 'bfloat16',
  DT_DOUBLE: 'float64',
  DT_INT32: 'int32',
  DT_INT64: 'int64',
  DT_INT16: 'int16',
  DT_INT8: 'int8',
  DT_UINT8: 'uint8',
  DT_UINT16: 'uint16',
  DT_UINT32: 'uint32',
  DT_UINT64: 'uint64',
  DT_BOOL: 'bool',
  DT_STRING: 'string',
  DT_COMPLEX64: 'complex64',
};

/** IR dtype of a TF DataType name ('DT_FLOAT'). */
export function tfDType(name: unknown): DType {
  return typeof name === 'string' ? (DT[name] ?? 'unknown') : 'unknown';
}

function int(v: unknown): number | null {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** Dims of a TensorShapeProto JSON ({dim: [{size: '-1'}]}); -1 for unknown, null for unknown rank. */
export function tfShape(v: unknown): number[] | null {
  const o = asObject(v);
  if (!o || o['unknownRank'] === true) return null;
  const dims = Array.isArray(o['dim']) ? (o['dim'] as unknown[]) : [];
  return dims.map((d) => int(asObject(d)?.['size'] ?? 0) ?? -1);
}

/** Decodes one AttrValue. */
export function attrValue(v: unknown): TfAttrValue {
  const o = asObject(v);
  if (!o) return null;
  if (typeof o['s'] === 'string') return base64Text(o['s']);
  if (o['i'] !== undefined) return int(o['i']);
  if (o['f'] !== undefined) return int(o['f']);
  if (typeof o['b'] === 'boolean') return o['b'];
  if (typeof o['type'] === 'string') return o['type'];
  if (o['shape'] !== undefined) return tfShape(o['shape']);
  if (asObject(o['func'])) return String(asObject(o['func'])?.['name'] ?? '');
  const list = asObject(o['list']);
  if (list) {
    if (Array.isArray(list['s']))
      return (list['s'] as unknown[]).map((s) => (typeof s === 'string' ? base64Text(s) : ''));
    if (Array.isArray(list['i'])) return (list['i'] as unknown[]).map((x) => int(x) ?? 0);
    if (Array.isArray(list['f'])) return (list['f'] as unknown[]).map((x) => int(x) ?? 0);
    if (Array.isArray(list['type'])) return (list['type'] as unknown[]).map(String);
    if (Array.isArray(list['b'])) return (list['b'] as unknown[]).map((x) => (x ? 1 : 0));
    return [];
  }
  return null;
}

/** Every attribute of a node except the ones listed, as IR attributes (tensor values are left out). */
export function tfAttributes(attr: Record<string, unknown>, skip: string[]): Attribute[] {
  const out: Attribute[] = [];
  for (const [name, raw] of Object.entries(attr)) {
    if (skip.includes(name)) continue;
    const v = attrValue(raw);
    if (v === null) continue;
    if (typeof v === 'string') out.push({ name, kind: 'string', value: v });
    else if (typeof v === 'boolean') out.push({ name, kind: 'bool', value: v });
    else if (typeof v === 'number')
      out.push(Number.isInteger(v) ? { name, kind: 'int', value: v } : { name, kind: 'float', value: v });
    else if (v.length && typeof v[0] === 'string') out.push({ name, kind: 'strings', value: v as string[] });
    else if ((v as number[]).every(Number.isInteger)) out.push({ name, kind: 'ints', value: v as number[] });
    else out.push({ name, kind: 'floats', value: v as number[] });
  }
  return out;
}
