/** Finds the named tensors in an unpickled object: (Ordered)dicts, nested checkpoints, pickled nn.Modules. */
import { dictEntries, PyObject, PyTuple, TorchTensor, type PyValue } from './py-objects.js';

/** Nesting deeper than this is not searched (hostile pickles can nest arbitrarily). */
export const MAX_DEPTH = 64;

/** A tensor and its dotted name (`layer1.0.conv1.weight`). */
export interface NamedTensor {
  name: string;
  tensor: TorchTensor;
}

/** Where a checkpoint usually keeps its model weights. */
const MODEL_KEYS = [
  'state_dict',
  'model_state_dict',
  'model',
  'net',
  'network',
  'weights',
  'params',
  'module',
];

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

/** Children of a pickled torch.nn.Module: its parameters, buffers and submodules, without the dict names. */
function moduleChildren(obj: PyObject): [string, PyValue][] | null {
  const state = dictEntries(obj.state);
  if (!state) return null;
  const parts = new Map(state.filter(([k]) => typeof k === 'string') as [string, PyValue][]);
  if (!parts.has('_parameters') && !parts.has('_modules')) return null;
  const out: [string, PyValue][] = [];
  for (const field of ['_parameters', '_buffers', '_modules']) {
    for (const [k, v] of dictEntries(parts.get(field) ?? null) ?? [])
      if (typeof k === 'string' && v !== null) out.push([k, v]);
  }
  return out;
}

/** Collects every tensor under `root`, depth-first in insertion order, each object visited once. */
export function collectTensors(root: PyValue, limit = 1_000_000): NamedTensor[] {
  const out: NamedTensor[] = [];
  const seen = new Set<unknown>();
  const visit = (v: PyValue, name: string, depth: number): void => {
    if (out.length >= limit || depth > MAX_DEPTH || v === null || typeof v !== 'object') return;
    if (v instanceof TorchTensor) {
      out.push({ name, tensor: v });
      return;
    }
    if (seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v) || v instanceof PyTuple) {
      (Array.isArray(v) ? v : v.items).forEach((x, i) => visit(x, join(name, String(i)), depth + 1));
      return;
    }
    // A pickled nn.Module keeps its tensors in _parameters/_buffers/_modules; a TorchScript
    // module object keeps them as plain attributes of its state.
    const children =
      (v instanceof PyObject ? (moduleChildren(v) ?? dictEntries(v.state)) : null) ?? dictEntries(v);
    for (const [k, x] of children ?? []) {
      if (typeof k === 'string' || typeof k === 'number') visit(x, join(name, String(k)), depth + 1);
    }
  };
  visit(root, '', 0);
  return out;
}

/** The sub-object holding the model weights (`checkpoint['state_dict']`…), and the other top-level scalars. */
export function modelPart(root: PyValue): {
  part: PyValue;
  key: string | null;
  extras: Record<string, string>;
} {
  const entries = dictEntries(root);
  const extras: Record<string, string> = {};
  if (!entries) return { part: root, key: null, extras };
  for (const [k, v] of entries) {
    if (typeof k === 'string' && (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')) {
      extras[k] = String(v).slice(0, 200);
    }
  }
  const hasDirectTensors = entries.some(([, v]) => v instanceof TorchTensor);
  if (!hasDirectTensors) {
    for (const key of MODEL_KEYS) {
      const hit = entries.find(([k]) => k === key);
      if (hit && collectTensors(hit[1], 1).length > 0) return { part: hit[1], key, extras };
    }
  }
  return { part: root, key: null, extras };
}
