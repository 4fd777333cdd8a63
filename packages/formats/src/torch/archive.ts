/** A torch.save / torch.jit.save zip archive: its folder prefix, data.pkl (with storages from data/), and code. */
import type { DType } from '@nnlens/ir';
import { torchError } from './errors.js';
import { unpickle } from './pickle.js';
import { PyGlobal, PyTuple, STORAGE_DTYPES, TorchStorage, type PyValue } from './py-objects.js';
import { ZipArchive } from './zip.js';

/** An opened torch archive. */
export interface TorchArchive {
  zip: ZipArchive;
  /** Folder every member lives in ('lenet5_traced/', 'archive/'). */
  prefix: string;
  /** True for TorchScript (code/ and constants.pkl present). */
  scripted: boolean;
  /** Archive format version (the 'version' member), if present. */
  version: string;
  /** 'little' unless the archive says otherwise. */
  byteorder: string;
  /** Storages created while unpickling, by key. */
  storages: Map<string, TorchStorage>;
}

const ascii = new TextDecoder('latin1');

/** The folder holding data.pkl (the shortest such path wins). */
function findPrefix(zip: ZipArchive): string {
  let best: string | null = null;
  for (const name of zip.entries.keys()) {
    if (!name.endsWith('data.pkl')) continue;
    const prefix = name.slice(0, -'data.pkl'.length);
    if (prefix !== '' && !prefix.endsWith('/')) continue;
    if (best === null || prefix.length < best.length) best = prefix;
  }
  if (best === null) throw torchError('the zip archive has no data.pkl: not a PyTorch file');
  return best;
}

/** Opens the archive's directory (cheap: members are read on demand). */
export function openArchive(bytes: Uint8Array): TorchArchive {
  const zip = new ZipArchive(bytes);
  const prefix = findPrefix(zip);
  const has = (n: string): boolean => zip.entries.has(prefix + n);
  const scripted =
    has('constants.pkl') || [...zip.entries.keys()].some((n) => n.startsWith(`${prefix}code/`));
  const text = (n: string, def: string): string => (has(n) ? ascii.decode(zip.read(prefix + n)).trim() : def);
  return {
    zip,
    prefix,
    scripted,
    version: text('version', ''),
    byteorder: text('byteorder', 'little'),
    storages: new Map(),
  };
}

function storageDType(type: PyValue): DType {
  if (type instanceof PyGlobal) return STORAGE_DTYPES[type.name] ?? 'unknown';
  return 'unknown';
}

/**
 * Unpickles a member (data.pkl, constants.pkl). Storages resolve to views of `data/<key>`;
 * a storage whose member is missing keeps null bytes.
 */
export function loadPickle(a: TorchArchive, member: string, format: string): PyValue {
  const entry = a.prefix + member;
  const bytes = a.zip.read(entry);
  return unpickle(bytes, {
    entry,
    format,
    persistentLoad: (pid) => {
      const t = pid instanceof PyTuple ? pid.items : null;
      if (!t || t[0] !== 'storage' || t.length < 5)
        throw torchError(`unsupported persistent id`, { entry, format });
      const [, type, key, location, numel] = t;
      const k = String(key);
      const known = a.storages.get(k);
      if (known) return known;
      const name = `${a.prefix}data/${k}`;
      const data = a.zip.entries.has(name) ? a.zip.read(name) : null;
      const s = new TorchStorage(
        storageDType(type ?? null),
        k,
        String(location),
        typeof numel === 'number' ? numel : 0,
        data,
      );
      a.storages.set(k, s);
      return s;
    },
  });
}
