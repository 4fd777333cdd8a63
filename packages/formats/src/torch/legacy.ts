/** Legacy torch.save files (PyTorch < 1.6): a stream of pickles followed by the raw storages. */
import { createGraph, createModel, dtypeSize, type Model, type Tensor } from '@nnlens/ir';
import { collectTensors, modelPart } from './collect.js';
import { torchError } from './errors.js';
import { addModuleNodes } from './module-nodes.js';
import { unpickleAt } from './pickle.js';
import { PyGlobal, PyTuple, STORAGE_DTYPES, TorchStorage, type PyValue } from './py-objects.js';
import { STATE_DICT_FORMAT } from './state-dict.js';
import { irTensor } from './tensors.js';

// pickle protocol 2, LONG1 of 10 bytes: torch's legacy MAGIC_NUMBER 0x1950a86a20f9469cfc6c.
const MAGIC = [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];

/** True when the bytes start with the legacy torch.save magic number. */
export function isLegacyTorch(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);
}

const fmt = { format: STATE_DICT_FORMAT };

/** Reads a legacy torch.save file as a weights-only model. */
export function legacyModel(bytes: Uint8Array, name: string): Model {
  let pos = 0;
  const next = (persistentLoad?: (pid: PyValue) => PyValue): PyValue => {
    const r = unpickleAt(bytes, pos, {
      format: STATE_DICT_FORMAT,
      ...(persistentLoad ? { persistentLoad } : {}),
    });
    pos = r.end;
    return r.value;
  };
  next(); // magic number
  const protocol = next();
  if (protocol !== 1001)
    throw torchError(`legacy protocol version ${String(protocol)} is not supported`, fmt);
  next(); // sys_info
  const storages = new Map<string, TorchStorage>();
  const root = next((pid) => {
    const t = pid instanceof PyTuple ? pid.items : [];
    if (t[0] !== 'storage' || t.length < 5) throw torchError('unsupported persistent id', fmt);
    const [, type, key, location, numel] = t;
    const k = String(key);
    const dtype = type instanceof PyGlobal ? (STORAGE_DTYPES[type.name] ?? 'unknown') : 'unknown';
    // Storages are filled in after the key list is read; until then they are placeholders.
    let s = storages.get(k);
    if (!s) storages.set(k, (s = new TorchStorage(dtype, k, String(location), Number(numel), null)));
    return s;
  });
  const keys = next();
  if (!Array.isArray(keys)) throw torchError('legacy storage key list is missing', fmt);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const filled = new Map<string, Uint8Array>();
  for (const key of keys) {
    const k = String(key);
    const p = storages.get(k);
    if (pos + 8 > bytes.length)
      throw torchError(`truncated before storage '${k}'`, { ...fmt, offset: bytes.length });
    const numel = Number(view.getBigInt64(pos, true));
    const size = numel * dtypeSize(p?.dtype ?? 'uint8');
    pos += 8;
    if (numel < 0 || size > bytes.length - pos)
      throw torchError(`storage '${k}' is truncated`, { ...fmt, offset: bytes.length });
    filled.set(k, bytes.subarray(pos, pos + size));
    pos += size;
  }
  // Rebuild the storages with their bytes (TorchStorage is immutable): re-point tensors by key.
  const { part, key, extras } = modelPart(root);
  const found = collectTensors(part);
  if (found.length === 0) throw torchError(`'${name}' holds no tensors`, fmt);
  const warnings: string[] = [];
  const warn = (m: string): void => void (warnings.length < 50 && warnings.push(`PyTorch: ${m}`));
  const tensors: Tensor[] = found.map(({ name: n, tensor }) => {
    const s = tensor.storage;
    const withBytes = s
      ? new TorchStorage(s.dtype, s.key, s.location, s.numel, filled.get(s.key) ?? null)
      : null;
    const t = Object.assign(Object.create(Object.getPrototypeOf(tensor) as object) as typeof tensor, tensor, {
      storage: withBytes,
    });
    return irTensor(n, t, 'little', warn);
  });
  const graph = createGraph(name);
  addModuleNodes(graph, tensors, () => undefined, true);
  const metadata: Record<string, string> = {
    contents:
      'weights only: a state_dict stores parameters and buffers, not the network, so there is no graph',
    'pytorch.tensors': String(tensors.length),
    'pytorch.serialization': 'legacy (before PyTorch 1.6)',
  };
  if (key) metadata['pytorch.checkpoint_key'] = key;
  for (const [k, v] of Object.entries(extras)) metadata[`pytorch.${k}`] = v;
  warnings.unshift(`PyTorch: '${name}' is a state_dict: weights only, no graph`);
  return createModel(STATE_DICT_FORMAT, graph, {
    formatVersion: 'PyTorch state_dict (legacy serialization, weights only)',
    producer: 'PyTorch',
    metadata,
    warnings,
  });
}
