/** Formats node attributes for the side panel: short text, tensors and graphs as descriptions. */
import type { Attribute, Tensor } from '@nnlens/ir';
import { tensorElementCount } from '@nnlens/ir';
import type { AttributeView } from '../shared/view-model.js';

const MAX_LIST = 16;

function num(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const a = Math.abs(n);
  return a !== 0 && (a < 1e-4 || a >= 1e6) ? n.toExponential(4) : String(Number(n.toPrecision(6)));
}

function list(values: readonly (number | string)[], fmt: (v: number | string) => string): string {
  const shown = values.slice(0, MAX_LIST).map(fmt).join(', ');
  return values.length > MAX_LIST ? `[${shown}, … ${values.length} items]` : `[${shown}]`;
}

/** `float32[64×3×7×7]`, with the first values when the tensor is tiny and in memory. */
export function describeTensor(t: Tensor): string {
  const head = `${t.dtype}[${t.shape.join('×')}]`;
  if (t.storage.kind === 'values' && tensorElementCount(t) <= 8) {
    const vals = Array.from(t.storage.values as ArrayLike<number | string | bigint>, (v) => String(v));
    return `${head} = ${list(vals, String)}`;
  }
  if (t.storage.kind === 'external') return `${head} (external: ${t.storage.location})`;
  return head;
}

/** Display text of one attribute. */
export function formatAttribute(a: Attribute): AttributeView {
  let text: string;
  switch (a.kind) {
    case 'float':
      text = num(a.value);
      break;
    case 'int':
      text = String(a.value);
      break;
    case 'bool':
      text = String(a.value);
      break;
    case 'string':
    case 'type':
    case 'ref':
      text = a.kind === 'ref' ? `→ ${a.value}` : JSON.stringify(a.value);
      break;
    case 'floats':
      text = list(a.value, (v) => num(v as number));
      break;
    case 'ints':
      text = list(a.value, String);
      break;
    case 'strings':
    case 'types':
      text = list(a.value, (v) => JSON.stringify(v));
      break;
    case 'tensor':
    case 'sparse_tensor':
      text = describeTensor(a.value);
      break;
    case 'tensors':
    case 'sparse_tensors':
      text = `${a.value.length} tensors: ${a.value.slice(0, 3).map(describeTensor).join(', ')}${a.value.length > 3 ? ', …' : ''}`;
      break;
    case 'graph':
      text = `graph '${a.value.name}' (${a.value.nodes.length} nodes)`;
      break;
    case 'graphs':
      text = `${a.value.length} graphs`;
      break;
    case 'json': {
      const s = JSON.stringify(a.value) ?? 'null';
      text = s.length > 200 ? `${s.slice(0, 200)}…` : s;
      break;
    }
  }
  return { name: a.name, kind: a.kind, text };
}
