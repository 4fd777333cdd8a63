import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shapeLabel } from '../layers/geometry.js';
import { SpecError } from './spec-error.js';
import { parseSpec } from './spec.js';

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');

function errorOf(text: string, file = 'net.yaml'): SpecError {
  try {
    parseSpec(text, file);
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw e;
  }
  throw new Error('expected a SpecError');
}

describe('spec files', () => {
  it('infers LeNet-5 shapes from filters, kernels and strides (examples/lenet5.yaml)', () => {
    const d = parseSpec(example('lenet5.yaml'), 'lenet5.yaml');
    expect(d.title).toBe('LeNet-5');
    expect(d.layers.map(shapeLabel)).toEqual([
      '1@32×32',
      '6@28×28',
      '6@14×14',
      '16@10×10',
      '16@5×5',
      '1×400',
      '1×120',
      '1×84',
      '1×10',
    ]);
    expect(d.layers[2]).toMatchObject({
      name: 'S2',
      kind: 'pool',
      op: 'Subsampling',
      kernel: [2, 2],
      stride: [2, 2],
    });
  });

  it('reads JSON with skips (examples/resnet-block.json) and "same" padding', () => {
    const d = parseSpec(example('resnet-block.json'), 'resnet-block.json');
    expect(d.layers.map((l) => l.shape)).toEqual([
      [64, 56, 56],
      [64, 56, 56],
      [64, 56, 56],
      [128, 28, 28],
      [128, 28, 28],
      [128, 1, 1],
      [10],
    ]);
    expect(d.skips).toEqual([
      { from: 'L0', to: 'L2', kind: 'add' },
      { from: 'L2', to: 'L4', kind: 'add', via: 'Conv 1×1 /2' },
    ]);
  });

  it('accepts ConvNetDraw-like bare type names and explicit shapes', () => {
    const d = parseSpec(
      'layers:\n  - {type: input, shape: [3, 8, 8]}\n  - relu\n  - {type: fullyconn, shape: [5]}\n',
    );
    expect(d.layers.map((l) => l.kind)).toEqual(['input', 'activation', 'dense']);
    expect(d.layers[1]!.shape).toEqual([3, 8, 8]);
  });

  it('points at the line and field of a bad value', () => {
    const e = errorOf(
      'title: x\nlayers:\n  - {type: input, shape: [1, 28, 28]}\n  - type: conv\n    filters: 6\n    kernel: five\n',
    );
    expect(e.message).toBe(
      'net.yaml:6:13: layers[1].kernel: expected a positive integer or [height, width], got "five"',
    );
    expect(e.location).toEqual({ line: 6, column: 13 });
    expect(e.path).toBe('layers[1].kernel');
  });

  it('names unknown fields and suggests the intended one', () => {
    const e = errorOf(
      'layers:\n  - {type: input, shape: [1, 28, 28]}\n  - {type: conv, filter: 6, kernel: 3}\n',
    );
    expect(e.message).toMatch(
      /^net\.yaml:3:\d+: layers\[1\]\.filter: unknown field 'filter' \(did you mean 'filters'\?\)/,
    );
  });

  it('rejects unknown layer types, missing sizes and windows that do not fit', () => {
    expect(errorOf('layers:\n  - {type: inptu, shape: [3]}\n').message).toMatch(
      /layers\[0\]\.type: unknown layer type "inptu"/,
    );
    expect(
      errorOf('layers:\n  - {type: input, shape: [3, 4, 4]}\n  - {type: conv, kernel: 3}\n').message,
    ).toMatch(/layers\[1\]: a conv layer needs 'filters'/);
    expect(
      errorOf('layers:\n  - {type: input, shape: [3, 4, 4]}\n  - {type: conv, filters: 2, kernel: 7}\n')
        .message,
    ).toMatch(/layers\[1\]\.kernel: a 7×7 window with stride 1 does not fit a 4×4 input/);
    expect(errorOf('layers:\n  - {type: dense, units: 3}\n  - {type: pool}\n').message).toMatch(
      /needs feature maps \[C, H, W\] before it/,
    );
  });

  it('checks skips: known names, forward only', () => {
    const base =
      'layers:\n  - {type: input, name: a, shape: [4]}\n  - {type: dense, name: b, units: 4}\nskips:\n';
    expect(errorOf(base + '  - {from: a, to: c}\n').message).toMatch(
      /net\.yaml:5:\d+: skips\[0\]\.to: no layer is named 'c'; names: a, b/,
    );
    expect(errorOf(base + '  - {from: b, to: a}\n').message).toMatch(
      /skips\[0\]\.to: a skip must go forward/,
    );
    expect(errorOf(base + '  - {from: a, to: b, kind: sum}\n').message).toMatch(
      /skips\[0\]\.kind: expected add, concat or mul/,
    );
  });

  it('reports JSON and YAML syntax errors with a position, and never evaluates text', () => {
    expect(errorOf('{"layers": [1,]}', 'net.json').message).toBe(
      "net.json:1:15: invalid JSON: Unexpected token ']'",
    );
    expect(
      errorOf('{\n  "title": "x",\n  "layers": [\n    {"type": "input" "shape": [3]}\n  ]\n}', 'net.json')
        .location,
    ).toEqual({ line: 4, column: 22 });
    expect(errorOf('layers: [1, 2\nb: 3', 'net.yaml').message).toMatch(/^net\.yaml:\d+:\d+: invalid YAML/);
    const e = errorOf('layers:\n  - "conv(24, 24, 8); process.exit(1)"\n');
    expect(e.message).toMatch(/unknown layer type "conv\(24, 24, 8\); process\.exit\(1\)"/);
  });

  it('rejects duplicate names and an empty layer list', () => {
    expect(errorOf('layers: []\n').message).toMatch(/layers: expected a list of layers/);
    expect(
      errorOf('layers:\n  - {type: input, name: x, shape: [2]}\n  - {type: dense, name: x, units: 2}\n')
        .message,
    ).toMatch(/layers\[1\]\.name: duplicate layer name 'x' \(also layers\[0\]\)/);
  });
});
