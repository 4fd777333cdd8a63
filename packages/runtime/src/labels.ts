/** Class labels: parsing label files (one per line, JSON list or object) and the built-in demo classes. */
import type { Model } from '@nnlens/ir';
import { inferPreprocess } from './image/preprocess.js';

/** CNN Explainer's Tiny VGG classes, in output order (src/config.js classLists). */
export const TINY_VGG_CLASSES = [
  'lifeboat',
  'ladybug',
  'pizza',
  'bell pepper',
  'school bus',
  'koala',
  'espresso',
  'red panda',
  'orange',
  'sport car',
];

/** Digit classes 0–9. */
export const DIGIT_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * Labels from a file's text: a JSON array of names, a JSON object index → name (or index → [id, name] as in
 * ImageNet's class index), or one label per line (blank trailing lines ignored; a leading 'n01440764 '
 * WordNet id is dropped).
 */
export function parseLabels(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch (e) {
      throw new SyntaxError(`label file looks like JSON but does not parse: ${(e as Error).message}`);
    }
    const name = (v: unknown): string => (Array.isArray(v) ? String(v[v.length - 1]) : String(v));
    if (Array.isArray(doc)) return doc.map(name);
    const entries = Object.entries(doc as Record<string, unknown>);
    if (entries.every(([k]) => /^\d+$/.test(k))) {
      const out: string[] = [];
      for (const [k, v] of entries) out[Number(k)] = name(v);
      return Array.from(out, (v, i) => v ?? String(i));
    }
    throw new SyntaxError('label JSON must be a list or an object keyed by class index');
  }
  return trimmed.split(/\r?\n/).map((l) => l.trim().replace(/^n\d{8}\s+/, ''));
}

/** Label of class `i`, or 'class i' when the list is shorter. */
export function labelOf(labels: readonly string[] | null | undefined, i: number): string {
  return labels?.[i] ?? `class ${i}`;
}

/**
 * Built-in classes of the demo models: CNN Explainer's Tiny VGG (recognised by its layer names and 10
 * outputs) and 28×28 grey 10-class models (digits). Null for anything else.
 */
export function builtinLabels(model: Model): string[] | null {
  const pre = inferPreprocess(model);
  const out = model.graph.outputs[0]?.shape;
  // Files without declared shapes (TF.js) leave the class count unknown: the layer names decide then.
  const tenClasses = out ? out[out.length - 1] === 10 : true;
  const names = new Set(model.graph.nodes.map((n) => n.name.split('/').filter(Boolean)[0] ?? n.name));
  if (tenClasses && pre.channels === 3 && ['conv_1_1', 'relu_2_2', 'max_pool_2'].every((n) => names.has(n))) {
    return TINY_VGG_CLASSES;
  }
  if (out?.[out.length - 1] === 10 && pre.channels === 1 && pre.size[0] === 28 && pre.size[1] === 28)
    return DIGIT_CLASSES;
  return null;
}
