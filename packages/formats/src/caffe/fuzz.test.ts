// Fuzz: truncated, bit-flipped, hostile and absurd Caffe files give a Model or a ModelFormatError, fast.
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../../test/corpus.js';
import { attemptSync, outcome, prng, type Outcome } from '../fuzz.test-helper.js';
import { openModel } from '../index.js';
import { cat, msg, packedFloats, packedVarints, str, vint } from '../onnx/proto-writer.test-helper.js';

const TEXT_FILES = [
  'third_party/caffe/BVLC__caffe/examples/mnist/lenet.prototxt',
  'third_party/caffe/BVLC__caffe/models/bvlc_alexnet/deploy.prototxt',
  'caffe/fcn-8s-pascal.prototxt',
  'caffe/SSD300.prototxt',
  'caffe/1D_lstm.prototxt',
  'caffe/inceptionv3.prototxt',
];
const TRUNCATIONS = 200;
const DENSE = 600;
const FLIPS = 60;

function fuzz(name: string, bytes: Uint8Array, seed: number): Outcome {
  const out = outcome();
  const random = prng(seed);
  const offsets = new Set<number>();
  for (let i = 0; i < Math.min(DENSE, bytes.length); i++) offsets.add(i);
  while (offsets.size < Math.min(bytes.length, DENSE + TRUNCATIONS))
    offsets.add(Math.floor(random() * bytes.length));
  for (const n of offsets)
    attemptSync(name, bytes.subarray(0, n), `${name} truncated at ${n}`, out, /^Caffe: /);
  for (let k = 0; k < FLIPS; k++) {
    const copy = bytes.slice();
    const flips = 1 + Math.floor(random() * 8);
    for (let f = 0; f < flips; f++)
      copy[Math.floor(random() * copy.length)]! ^= 1 << Math.floor(random() * 8);
    attemptSync(name, copy, `${name} flip #${k} (seed ${seed})`, out, /^Caffe: /);
  }
  return out;
}

/** A small binary NetParameter with layer definitions and weights. */
function binaryNet(): Uint8Array {
  const layer = (...parts: Uint8Array[]): Uint8Array => msg(100, ...parts);
  const blob = (dims: number[]): Uint8Array =>
    cat(
      msg(7, packedVarints(1, dims)),
      packedFloats(5, new Array<number>(dims.reduce((a, b) => a * b, 1)).fill(0.5)),
    );
  return cat(
    str(1, 'bin'),
    str(3, 'data'),
    msg(8, packedVarints(1, [1, 2, 6, 6])),
    layer(
      str(1, 'c'),
      str(2, 'Convolution'),
      str(3, 'data'),
      str(4, 'c'),
      msg(106, vint(1, 3), vint(4, 3)),
      msg(7, blob([3, 2, 3, 3])),
      msg(7, blob([3])),
    ),
    layer(
      str(1, 'bn'),
      str(2, 'BatchNorm'),
      str(3, 'c'),
      str(4, 'c'),
      msg(7, blob([3])),
      msg(7, blob([3])),
      msg(7, blob([1])),
    ),
    layer(
      str(1, 'p'),
      str(2, 'Pooling'),
      str(3, 'c'),
      str(4, 'p'),
      msg(121, vint(1, 0), vint(2, 2), vint(3, 2)),
    ),
    layer(
      str(1, 'fc'),
      str(2, 'InnerProduct'),
      str(3, 'p'),
      str(4, 'fc'),
      msg(117, vint(1, 4)),
      msg(7, blob([4, 12])),
      msg(7, blob([4])),
    ),
  );
}

describeCorpus('fuzzing the Caffe importer', () => {
  it.each(TEXT_FILES.map((p, i) => [p, i] as const))('%s', (path, i) => {
    const out = fuzz(path.split('/').pop()!, readCorpus(path), 4321 + i);
    expect(out.models + out.errors).toBeGreaterThanOrEqual(TRUNCATIONS + FLIPS);
    expect(out.errors).toBeGreaterThan(0);
  });
});

it('fuzzing a binary .caffemodel (every truncation, bit flips)', () => {
  const bytes = binaryNet();
  expect(openModel({ name: 'x.caffemodel', bytes }).graph.nodes).toHaveLength(5);
  const out = fuzz('x.caffemodel', bytes, 77);
  expect(out.errors).toBeGreaterThan(bytes.length / 2);
});

it('random bytes after a plausible start, and empty input', () => {
  const random = prng(5);
  const out = outcome();
  const heads = ['name: "x"\nlayer {', 'layers { type: CONVOLUTION ', 'input: "data"\ninput_dim: '];
  for (let k = 0; k < 60; k++) {
    const head = new TextEncoder().encode(heads[k % heads.length]!);
    const tail = Uint8Array.from({ length: 1 + Math.floor(random() * 400) }, () =>
      Math.floor(random() * 256),
    );
    attemptSync('r.prototxt', cat(head, tail), `random #${k}`, out, /^Caffe: /);
    attemptSync('r.caffemodel', cat(vint(1, 2), tail), `random binary #${k}`, out, /^Caffe: /);
  }
  attemptSync('empty.prototxt', new Uint8Array(0), 'empty', out, /^Caffe: /);
  expect(out.errors).toBeGreaterThan(0);
});

it('absurd numbers give warnings or located errors, never huge allocations', () => {
  const base = 'input: "data" input_shape { dim: 1 dim: 3 dim: 8 dim: 8 }\n';
  const cases = [
    'input: "d" input_shape { dim: 1e300 }',
    'input: "d" input_shape { dim: 4294967296 dim: 3 }',
    'input: "d" input_dim: -1 input_dim: 1 input_dim: 1 input_dim: 1',
    base +
      'layer { name: "c" type: "Convolution" bottom: "data" top: "c" convolution_param { num_output: 1e300 kernel_size: 3 } }',
    base +
      'layer { name: "c" type: "Convolution" bottom: "data" top: "c" convolution_param { num_output: 2147483647 kernel_size: 2147483647 pad: 99999999 } }',
    base +
      'layer { name: "c" type: "Convolution" bottom: "data" top: "c" convolution_param { num_output: 4 kernel_size: 3 stride: 0 } }',
    base +
      'layer { name: "f" type: "InnerProduct" bottom: "data" top: "f" inner_product_param { num_output: 2000000000 } }',
    base +
      'layer { name: "p" type: "Pooling" bottom: "data" top: "p" pooling_param { kernel_size: 1e20 stride: -3 } }',
    base +
      'layer { name: "r" type: "Reshape" bottom: "data" top: "r" reshape_param { shape { dim: -1 dim: -1 dim: 99999999999 } } }',
    base +
      'layer { name: "s" type: "Slice" bottom: "data" top: "a" top: "b" slice_param { slice_point: 1e18 } }',
    base +
      'layer { name: "pb" type: "PriorBox" bottom: "data" bottom: "data" top: "pb" prior_box_param { min_size: 1 aspect_ratio: 1e-300 aspect_ratio: nan } }',
    base + 'layer { name: "x" type: "Permute" bottom: "data" top: "x" permute_param { order: 7 order: -1 } }',
    base + `layer { name: "e" type: "Eltwise" ${'bottom: "data" '.repeat(5000)} top: "e" }`,
  ];
  const out = outcome();
  for (const [k, text] of cases.entries()) {
    const m = attemptSync('huge.prototxt', new TextEncoder().encode(text), `case ${k}`, out, /^Caffe: /);
    // A 2e9-wide layer and a 5,000-way sum are legal (declared weights hold no data); the others are not.
    const legal = text.includes('num_output: 2000000000') || text.includes('"Eltwise"');
    if (m && !legal) expect(m.warnings.length, `case ${k}`).toBeGreaterThan(0);
  }
  expect(out.errors).toBeGreaterThan(0);
});
