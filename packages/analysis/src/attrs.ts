/** Typed attribute readers: absent attributes give the default, wrongly typed ones a RuleError naming them. */
import type { Attribute, Graph, Node, Tensor } from '@nnlens/ir';
import { RuleError } from './errors.js';

function find(node: Node, name: string): Attribute | undefined {
  for (const a of node.attributes) if (a.name === name) return a;
  return undefined;
}

function wrongKind(a: Attribute, want: string): RuleError {
  return new RuleError(`attribute '${a.name}' is ${a.kind}, expected ${want}`);
}

/** True when the node carries the attribute. */
export function hasAttr(node: Node, name: string): boolean {
  return find(node, name) !== undefined;
}

/** An int attribute (bools count as 0/1). */
export function attrInt(node: Node, name: string, def: number): number;
export function attrInt(node: Node, name: string): number | undefined;
export function attrInt(node: Node, name: string, def?: number): number | undefined {
  const a = find(node, name);
  if (!a) return def;
  if (a.kind === 'int' || a.kind === 'float') return a.value;
  if (a.kind === 'bool') return a.value ? 1 : 0;
  throw wrongKind(a, 'int');
}

/** A float attribute. */
export function attrFloat(node: Node, name: string, def: number): number;
export function attrFloat(node: Node, name: string): number | undefined;
export function attrFloat(node: Node, name: string, def?: number): number | undefined {
  const a = find(node, name);
  if (!a) return def;
  if (a.kind === 'float' || a.kind === 'int') return a.value;
  throw wrongKind(a, 'float');
}

/** An ints attribute (a single int is accepted as a list of one). */
export function attrInts(node: Node, name: string): number[] | undefined {
  const a = find(node, name);
  if (!a) return undefined;
  if (a.kind === 'ints' || a.kind === 'floats') return a.value;
  if (a.kind === 'int') return [a.value];
  throw wrongKind(a, 'ints');
}

/** A floats attribute. */
export function attrFloats(node: Node, name: string): number[] | undefined {
  const a = find(node, name);
  if (!a) return undefined;
  if (a.kind === 'floats' || a.kind === 'ints') return a.value;
  if (a.kind === 'float' || a.kind === 'int') return [a.value];
  throw wrongKind(a, 'floats');
}

/** A string attribute. */
export function attrString(node: Node, name: string, def: string): string;
export function attrString(node: Node, name: string): string | undefined;
export function attrString(node: Node, name: string, def?: string): string | undefined {
  const a = find(node, name);
  if (!a) return def;
  if (a.kind === 'string') return a.value;
  throw wrongKind(a, 'string');
}

/** A tensor attribute. */
export function attrTensor(node: Node, name: string): Tensor | undefined {
  const a = find(node, name);
  if (!a) return undefined;
  if (a.kind === 'tensor' || a.kind === 'sparse_tensor') return a.value;
  throw wrongKind(a, 'tensor');
}

/** A graph attribute (If branches, Loop/Scan bodies). */
export function attrGraph(node: Node, name: string): Graph | undefined {
  const a = find(node, name);
  if (!a) return undefined;
  if (a.kind === 'graph') return a.value;
  throw wrongKind(a, 'graph');
}
