/** Inert stand-ins for the Python objects a pickle describes; nothing here can run code. */
import type { DType } from '@nnlens/ir';

/** A reference to a Python global (class or function), never resolved to anything executable. */
export class PyGlobal {
  constructor(
    readonly module: string,
    readonly name: string,
  ) {}
  /** `module.name`. */
  get qualified(): string {
    return `${this.module}.${this.name}`;
  }
}

/** A tuple (lists are JS arrays). */
export class PyTuple {
  constructor(readonly items: PyValue[]) {}
}

/** A dict or OrderedDict, in insertion order. Keys are kept as given (strings, numbers, objects by identity). */
export class PyDict {
  readonly map = new Map<unknown, PyValue>();
  constructor(readonly cls: string = 'dict') {}
}

/** A set or frozenset. */
export class PySet {
  constructor(readonly items: PyValue[]) {}
}

/**
 * Any object the unpickler was asked to construct from a non-whitelisted global: it records the class or
 * callable, its arguments and its state (from BUILD), and appended/assigned items, and does nothing else.
 */
export class PyObject {
  state: PyValue = null;
  readonly items: PyValue[] = [];
  readonly dict = new Map<unknown, PyValue>();
  constructor(
    readonly cls: PyGlobal,
    readonly args: PyValue[],
  ) {}
}

/** A torch storage: a dtype and the bytes of an archive member (resolved lazily). */
export class TorchStorage {
  constructor(
    readonly dtype: DType,
    readonly key: string,
    readonly location: string,
    /** Element count the pickle declares. */
    readonly numel: number,
    /** The storage's bytes, or null when the archive lacks them. */
    readonly bytes: Uint8Array | null,
  ) {}
}

/** A tensor rebuilt by torch._utils._rebuild_tensor_v2: a strided view of a storage. */
export class TorchTensor {
  isParameter = false;
  constructor(
    readonly storage: TorchStorage | null,
    readonly offset: number,
    readonly shape: number[],
    readonly stride: number[],
    readonly requiresGrad: boolean,
  ) {}
}

/** Everything an unpickled value can be. */
export type PyValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | PyValue[]
  | PyTuple
  | PyDict
  | PySet
  | PyGlobal
  | PyObject
  | TorchStorage
  | TorchTensor;

/** The entries of a dict-like value (dict, OrderedDict, or a placeholder that received items). */
export function dictEntries(v: PyValue): [unknown, PyValue][] | null {
  if (v instanceof PyDict) return [...v.map];
  if (v instanceof PyObject && v.dict.size > 0) return [...v.dict];
  return null;
}

/** Element type of a torch storage class (`torch.FloatStorage` → float32). */
export const STORAGE_DTYPES: Record<string, DType> = {
  FloatStorage: 'float32',
  DoubleStorage: 'float64',
  HalfStorage: 'float16',
  BFloat16Storage: 'bfloat16',
  LongStorage: 'int64',
  IntStorage: 'int32',
  ShortStorage: 'int16',
  CharStorage: 'int8',
  ByteStorage: 'uint8',
  BoolStorage: 'bool',
  ComplexFloatStorage: 'complex64',
  ComplexDoubleStorage: 'complex128',
  QInt8Storage: 'int8',
  QUInt8Storage: 'uint8',
  QInt32Storage: 'int32',
  UntypedStorage: 'uint8',
};
