/**
 * The only callables an unpickled file may "call": torch's tensor/parameter rebuild helpers and plain
 * containers, each re-implemented here as data construction. Any other global becomes an inert PyObject.
 */
import {
  PyDict,
  PyGlobal,
  PyObject,
  PySet,
  PyTuple,
  TorchStorage,
  TorchTensor,
  type PyValue,
} from './py-objects.js';

function items(v: PyValue): PyValue[] | null {
  if (Array.isArray(v)) return v;
  if (v instanceof PyTuple || v instanceof PySet) return v.items;
  return null;
}

function ints(v: PyValue): number[] | null {
  const xs = items(v);
  if (!xs || !xs.every((x) => typeof x === 'number' && Number.isSafeInteger(x))) return null;
  return xs as number[];
}

function tensor(args: PyValue[]): PyValue {
  const [storage, offset, size, stride, requiresGrad] = args;
  const shape = ints(size ?? null);
  const strides = ints(stride ?? null);
  if (
    !(storage instanceof TorchStorage) ||
    typeof offset !== 'number' ||
    !shape ||
    !strides ||
    shape.length !== strides.length
  ) {
    return null; // malformed: the caller reports a tensor it cannot read
  }
  return new TorchTensor(storage, offset, shape, strides, requiresGrad === true);
}

function parameter(args: PyValue[]): PyValue {
  const t = args[0];
  if (t instanceof TorchTensor) t.isParameter = true;
  return t ?? null;
}

type Callable = (args: PyValue[]) => PyValue;

const CALLABLES: Record<string, Callable> = {
  'torch._utils._rebuild_tensor_v2': tensor,
  'torch._utils._rebuild_tensor': tensor,
  'torch._utils._rebuild_parameter': parameter,
  'torch._utils._rebuild_parameter_with_state': parameter,
  'collections.OrderedDict': () => new PyDict('OrderedDict'),
  'builtins.dict': () => new PyDict(),
  'builtins.list': (a) => [...(items(a[0] ?? null) ?? [])],
  'builtins.tuple': (a) => new PyTuple([...(items(a[0] ?? null) ?? [])]),
  'builtins.set': (a) => new PySet([...(items(a[0] ?? null) ?? [])]),
  'builtins.frozenset': (a) => new PySet([...(items(a[0] ?? null) ?? [])]),
  // Python 2 pickles spell builtins as __builtin__.
  '__builtin__.set': (a) => new PySet([...(items(a[0] ?? null) ?? [])]),
};

/** Calls a whitelisted global, or records the call as an inert placeholder object. */
export function callGlobal(fn: PyValue, args: PyValue[]): PyValue {
  if (!(fn instanceof PyGlobal)) return new PyObject(new PyGlobal('<unknown>', '<unknown>'), args);
  if (fn.qualified === 'torch._tensor._rebuild_from_type_v2') {
    // (func, new_type, args, state): only the inner call matters, and it must be whitelisted too.
    const [inner, , innerArgs] = args;
    return callGlobal(inner ?? null, items(innerArgs ?? null) ?? []);
  }
  const f = CALLABLES[fn.qualified];
  return f ? f(args) : new PyObject(fn, args);
}
