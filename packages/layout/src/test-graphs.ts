/** Small hand-built graphs for tests: a ResNet-style block and a weights-only-named chain. */
import { addInitializer, addNode, createGraph, ensureValue, type Graph, type Value } from '@nnlens/ir';

/** Adds a node named `name` reading `inputs` and the given weights; returns its output value. */
export function addOp(g: Graph, name: string, op: string, inputs: Value[], weights: string[] = []): Value {
  const out = ensureValue(g, `${name}:out`);
  const ws = weights.map((w) =>
    addInitializer(g, { name: w, dtype: 'float32', shape: [1], storage: { kind: 'none' } }),
  );
  addNode(g, { name, op, inputs: [...inputs, ...ws], outputs: [out] });
  return out;
}

/** A graph input value. */
export function addInput(g: Graph, name: string): Value {
  const v = ensureValue(g, name, 'float32', [1, 3, 8, 8]);
  g.inputs.push(v);
  return v;
}

/**
 * Two ResNet basic blocks named either like PyTorch ≥ 1.13 (`/layer1/layer1.0/conv1/Conv`) or
 * like older exports (`Conv_12`, so only weight names carry the modules).
 */
export function resnetLike(style: 'scoped' | 'flat'): Graph {
  const g = createGraph('resnet_like');
  let n = 0;
  const name = (scope: string, op: string): string =>
    style === 'scoped' ? `/${scope}/${op}` : `${op}_${n++}`;
  let x = addInput(g, 'input');
  x = addOp(g, name('conv1', 'Conv'), 'Conv', [x], ['conv1.weight']);
  x = addOp(g, name('relu', 'Relu'), 'Relu', [x]);
  for (const b of ['layer1.0', 'layer1.1']) {
    const m = b.replace('.', '.');
    const s = `layer1/${b}`;
    let y = addOp(g, name(`${s}/conv1`, 'Conv'), 'Conv', [x], [`${m}.conv1.weight`]);
    y = addOp(
      g,
      name(`${s}/bn1`, 'BatchNormalization'),
      'BatchNormalization',
      [y],
      [`${m}.bn1.weight`, `${m}.bn1.bias`],
    );
    y = addOp(g, name(`${s}/relu`, 'Relu'), 'Relu', [y]);
    y = addOp(g, name(`${s}/conv2`, 'Conv'), 'Conv', [y], [`${m}.conv2.weight`]);
    y = addOp(
      g,
      name(`${s}/bn2`, 'BatchNormalization'),
      'BatchNormalization',
      [y],
      [`${m}.bn2.weight`, `${m}.bn2.bias`],
    );
    y = addOp(g, name(s, 'Add'), 'Add', [y, x]);
    x = addOp(g, name(`${s}/relu_1`, 'Relu'), 'Relu', [y]);
  }
  x = addOp(g, name('fc', 'Gemm'), 'Gemm', [x], ['fc.weight', 'fc.bias']);
  g.outputs.push(x);
  return g;
}
