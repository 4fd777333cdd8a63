// Test helper: the Keras layers an IR model was built from (main nodes carry the layer config; InputLayers are inputs).
import { getAttribute, tensorElementCount, type Model } from '@nnlens/ir';

/** One layer as the manifest lists it. */
export interface LayerFact {
  name: string;
  class_name: string;
}

/** Layers in graph order: every node with a Keras `config` attribute, and inputs made from an InputLayer. */
export function kerasLayers(model: Model): LayerFact[] {
  const inputs = model.graph.inputs
    .filter((v) => v.docString === 'Keras: InputLayer')
    .map((v) => ({ name: v.name, class_name: 'InputLayer' }));
  const nodes = model.graph.nodes.flatMap((n) => {
    const op = getAttribute(n, 'source_op');
    return getAttribute(n, 'config') && op?.kind === 'string' ? [{ name: n.name, class_name: op.value }] : [];
  });
  return [...inputs, ...nodes];
}

/** Count per key. */
export function histogram(items: string[]): Record<string, number> {
  const h: Record<string, number> = {};
  for (const k of items) h[k] = (h[k] ?? 0) + 1;
  return h;
}

/** Elements of every weight tensor of the main graph. */
export function weightElements(model: Model): number {
  let n = 0;
  for (const t of model.graph.initializers.values()) n += tensorElementCount(t);
  return n;
}
