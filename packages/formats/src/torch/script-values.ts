/** Values of the symbolic TorchScript interpreter: modules, tensors (IR values), constants, lists, sizes. */
import type { Value } from '@nnlens/ir';
import type { PyObject } from './py-objects.js';

/** A Python constant the code computes with. */
export type Const = null | boolean | number | string | Const[];

/** A symbolic value. */
export type Sym =
  | { k: 'module'; obj: PyObject; path: string[] }
  | { k: 'tensor'; v: Value }
  | { k: 'const'; v: Const }
  | { k: 'list'; items: Sym[] }
  /** `torch.size(x, dim)`: a dimension of a tensor, unknown until shapes are inferred. */
  | { k: 'size'; of: Value; dim: number }
  /** A dotted name such as `torch` or `ops.prim`, awaiting an attribute or a call. */
  | { k: 'ns'; path: string };

/** Thrown when the code leaves the straight-line subset; the importer falls back to the module tree. */
export class Unsupported extends Error {
  override name = 'Unsupported';
}

/** The constant inside `s`, failing when it is not one. */
export function constOf(s: Sym, what: string): Const {
  if (s.k === 'const') return s.v;
  if (s.k === 'list' && s.items.every((x) => x.k === 'const'))
    return s.items.map((x) => (x as { v: Const }).v);
  throw new Unsupported(`${what} is not a constant`);
}
