import { describe, expect, it } from 'vitest';
import { addInitializer, addNode, createGraph, createModel, ensureValue } from './builder.js';
import { validate } from './validate.js';

function tiny() {
  const g = createGraph('main');
  const x = ensureValue(g, 'x', 'float32', [1, 4]);
  g.inputs.push(x);
  const w = addInitializer(g, { name: 'w', dtype: 'float32', shape: [4, 4], storage: { kind: 'none' } });
  const y = ensureValue(g, 'y');
  addNode(g, { name: 'mm', op: 'MatMul', inputs: [x, w], outputs: [y] });
  g.outputs.push(y);
  return { g, x, y };
}

describe('validate', () => {
  it('accepts a well-formed graph', () => {
    expect(validate(createModel('test', tiny().g))).toEqual([]);
  });

  it('reports an undefined input and an unproduced output', () => {
    const { g } = tiny();
    const ghost = ensureValue(g, 'ghost');
    addNode(g, { name: 'relu', op: 'Relu', inputs: [ghost], outputs: [ensureValue(g, 'z')] });
    g.outputs.push(ensureValue(g, 'never'));
    const messages = validate(createModel('test', g)).map((i) => i.message);
    expect(messages).toContain("input 'ghost' is not defined");
    expect(messages).toContain("graph output 'never' is never produced");
  });

  it('reports a value used before it is produced', () => {
    const g = createGraph('main');
    const a = ensureValue(g, 'a');
    const b = ensureValue(g, 'b');
    addNode(g, { name: 'first', op: 'Relu', inputs: [b], outputs: [a] });
    addNode(g, { name: 'second', op: 'Relu', inputs: [a], outputs: [b] });
    const issues = validate(createModel('test', g));
    expect(issues.some((i) => i.node === 'first' && /before its producer 'second'/.test(i.message))).toBe(
      true,
    );
  });

  it('lets a subgraph read an outer value', () => {
    const { g, y } = tiny();
    const body = createGraph('body');
    const out = ensureValue(body, 'out');
    const ifNode = addNode(g, {
      name: 'if',
      op: 'If',
      inputs: [y],
      outputs: [ensureValue(g, 'r')],
      attributes: [{ name: 'then_branch', kind: 'graph', value: body }],
    });
    body.owner = { node: ifNode, attribute: 'then_branch' };
    addNode(body, { name: 'neg', op: 'Neg', inputs: [y], outputs: [out] });
    body.outputs.push(out);
    expect(validate(createModel('test', g))).toEqual([]);
  });
});
