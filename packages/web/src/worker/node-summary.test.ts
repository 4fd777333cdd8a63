import { addInitializer, addNode, createGraph, ensureValue } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { summarizeNode } from './node-summary.js';
import { tinyModel } from './test-model.js';

describe('summarizeNode', () => {
  it('shows kernel, stride and output channels of a conv', () => {
    expect(summarizeNode(tinyModel().graph.nodes[0]!)).toBe('3×3/2 · 8');
  });
  it('marks depthwise convs and shows Gemm output features', () => {
    const g = createGraph('g');
    const x = ensureValue(g, 'x');
    const w = addInitializer(g, {
      name: 'w',
      dtype: 'float32',
      shape: [32, 1, 3, 3],
      storage: { kind: 'none' },
    });
    const dw = addNode(g, {
      name: 'dw',
      op: 'Conv',
      inputs: [x, w],
      outputs: [ensureValue(g, 'y')],
      attributes: [{ name: 'group', kind: 'int', value: 32 }],
    });
    expect(summarizeNode(dw)).toBe('3×3 · 32 · depthwise');
    const fc = addInitializer(g, {
      name: 'fc',
      dtype: 'float32',
      shape: [1000, 512],
      storage: { kind: 'none' },
    });
    const gemm = addNode(g, {
      name: 'fc',
      op: 'Gemm',
      inputs: [x, fc],
      outputs: [ensureValue(g, 'z')],
      attributes: [{ name: 'transB', kind: 'int', value: 1 }],
    });
    expect(summarizeNode(gemm)).toBe('1000 out');
  });
  it('reads TensorFlow-family kernel layouts', () => {
    const g = createGraph('g');
    const x = ensureValue(g, 'x');
    const w = addInitializer(g, {
      name: 'k',
      dtype: 'float32',
      shape: [3, 3, 1, 8],
      storage: { kind: 'none' },
    });
    const conv = addNode(g, {
      name: 'c',
      op: 'Conv',
      inputs: [x, w],
      outputs: [ensureValue(g, 'y')],
      attributes: [
        { name: 'kernel_layout', kind: 'string', value: 'HWIO' },
        { name: 'strides', kind: 'ints', value: [2, 2] },
      ],
    });
    expect(summarizeNode(conv)).toBe('3×3/2 · 8');
    const d = addInitializer(g, {
      name: 'd',
      dtype: 'float32',
      shape: [3, 3, 16, 1],
      storage: { kind: 'none' },
    });
    const dw = addNode(g, {
      name: 'dw',
      op: 'Conv',
      inputs: [x, d],
      outputs: [ensureValue(g, 'z')],
      attributes: [{ name: 'kernel_layout', kind: 'string', value: 'HWIM' }],
    });
    expect(summarizeNode(dw)).toBe('3×3 · 16 · depthwise');
  });
  it('is empty for ops without key attributes', () => {
    expect(summarizeNode(tinyModel().graph.nodes[1]!)).toBe('');
  });
});
