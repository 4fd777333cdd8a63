/** One IR node per module (the dotted prefix of its tensors), holding those tensors as inputs: a weights-only view. */
import { addInitializer, addNode, type Attribute, type Graph, type Tensor } from '@nnlens/ir';
import { tensorStats } from './tensors.js';

/** Splits `layer1.0.conv1.weight` into its module `layer1.0.conv1` and local name `weight`. */
export function splitName(name: string): [string, string] {
  const i = name.lastIndexOf('.');
  return i < 0 ? ['', name] : [name.slice(0, i), name.slice(i + 1)];
}

/**
 * Adds the tensors as initializers and one `pytorch:Module` node per module with them as inputs and no
 * outputs; each tensor's shape, dtype and statistics go into a json attribute named after it, and the
 * module's class (when known) into the `class` attribute.
 */
export function addModuleNodes(
  graph: Graph,
  tensors: Tensor[],
  classOf: (module: string) => string | undefined,
  withStats: boolean,
): void {
  const byModule = new Map<string, Tensor[]>();
  for (const t of tensors) {
    const [module] = splitName(t.name);
    let list = byModule.get(module);
    if (!list) byModule.set(module, (list = []));
    list.push(t);
  }
  for (const [module, list] of byModule) {
    const attributes: Attribute[] = list.map((t) => ({
      name: splitName(t.name)[1],
      kind: 'json',
      value: { dtype: t.dtype, shape: t.shape, ...(withStats ? (tensorStats(t) ?? {}) : {}) },
    }));
    const cls = classOf(module);
    if (cls) attributes.unshift({ name: 'class', kind: 'string', value: cls });
    addNode(graph, {
      name: module || '(root)',
      op: 'Module',
      domain: 'pytorch',
      inputs: list.map((t) => addInitializer(graph, t)),
      outputs: [],
      attributes,
    });
  }
}
