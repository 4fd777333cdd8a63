/** Test helper: open a prototxt given as text and analyze it. */
import { analyze, type ModelAnalysis } from '@nnlens/analysis';
import type { Model, Node } from '@nnlens/ir';
import { openModel } from '../index.js';

/** Opens prototxt source text (with optional sidecar files). */
export function openText(text: string, sidecars?: Map<string, Uint8Array>, name = 'net.prototxt'): Model {
  const bytes = new TextEncoder().encode(text);
  return openModel(sidecars ? { name, bytes, sidecars } : { name, bytes });
}

/** Opens and analyzes prototxt text. */
export function analyzed(text: string): { model: Model; a: ModelAnalysis } {
  const model = openText(text);
  return { model, a: analyze(model) };
}

/** The node called `name`. */
export function node(model: Model, name: string): Node {
  const n = model.graph.nodes.find((x) => x.name === name);
  if (!n) throw new Error(`no node '${name}'`);
  return n;
}

/** An Input layer of the given dims. */
export function input(dims: number[], name = 'data'): string {
  return `layer { name: "${name}" type: "Input" top: "${name}" input_param { shape { ${dims.map((d) => `dim: ${d}`).join(' ')} } } }\n`;
}
