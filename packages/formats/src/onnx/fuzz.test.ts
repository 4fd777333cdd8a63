// Fuzz: truncations and seeded bit flips of real ONNX files give a Model or a ModelFormatError, fast, never anything else.
import { countNodes, validate, type Model } from '@nnlens/ir';
import { expect, it } from 'vitest';
import { prng } from '../fuzz.test-helper.js';
import { describeCorpus, readCorpus } from '../../../../test/corpus.js';
import { ModelFormatError, externalDataFiles, openModel } from '../index.js';

const SMALL = [
  'onnx/control_flow_loop_if.onnx',
  'onnx/lenet5.onnx',
  'onnx/resnet18_external_data.onnx',
  'onnx/transformer_encoder_small_opset17.onnx',
  'trained/digits_lenet5.onnx',
  'explain/reference/tinyvgg/model.onnx',
  'analyzer/onnx_graph_only/alexnet.onnx',
  'analyzer/onnx_graph_only/googlenet.onnx',
  'analyzer/onnx_graph_only/vit_b_16.onnx',
  'analyzer/onnx_graph_only/densenet121.onnx',
  'third_party/onnx/onnx__onnx/onnx/backend/test/data/light/light_resnet50.onnx',
  'third_party/onnx/onnx__onnx/onnx/backend/test/data/pytorch-operator/test_operator_conv/model.onnx',
];
const BIG_PREFIX = 'onnx/mobilenet_v2_dynamic_batch.onnx';
const TRUNCATIONS = 200;
const DENSE_REGION = 600; // every offset of the first bytes (model header, first nodes)…
const DENSE_FILE = 4096; // …or of the whole file when it is this small
const FLIPS = 60;

interface Outcome {
  models: number;
  errors: number;
  slowest: number;
}

// Opens the bytes; anything but a Model or a ModelFormatError fails the test with the case named.
function attempt(bytes: Uint8Array, label: string, out: Outcome): Model | ModelFormatError {
  const t0 = performance.now();
  let result: Model | ModelFormatError;
  try {
    result = openModel({ name: 'fuzz.onnx', bytes });
    // Touch what viewers touch: the model must be walkable.
    countNodes(result.graph, true);
    validate(result);
    externalDataFiles(result);
    out.models++;
  } catch (e) {
    if (!(e instanceof ModelFormatError)) throw new Error(`${label}: escaped ${String(e)}`, { cause: e });
    expect(e.message).toMatch(/^ONNX: /);
    result = e;
    out.errors++;
  }
  const ms = performance.now() - t0;
  out.slowest = Math.max(out.slowest, ms);
  if (ms > 1000) throw new Error(`${label}: took ${ms.toFixed(0)} ms`);
  return result;
}

function truncationOffsets(size: number, random: () => number): number[] {
  const offsets = new Set<number>();
  const dense = size <= DENSE_FILE ? size : DENSE_REGION;
  for (let i = 0; i < dense; i++) offsets.add(i);
  while (offsets.size < dense + TRUNCATIONS && offsets.size < size) {
    offsets.add(Math.floor(random() * size));
  }
  return [...offsets];
}

function fuzzFile(path: string, bytes: Uint8Array, seed: number): Outcome {
  const out: Outcome = { models: 0, errors: 0, slowest: 0 };
  const random = prng(seed);
  const offsets = truncationOffsets(bytes.length, random);
  expect(offsets.length).toBeGreaterThanOrEqual(Math.min(bytes.length, TRUNCATIONS));
  for (const n of offsets) {
    const r = attempt(bytes.subarray(0, n), `${path} truncated at ${n}`, out);
    // A prefix either still parses (cut between top-level fields) or says it is truncated at its end.
    if (r instanceof ModelFormatError && !/has no graph/.test(r.message)) {
      expect(r.message).toContain(`truncated at byte ${n}`);
      expect(r.offset).toBe(n);
    }
  }
  for (let k = 0; k < FLIPS; k++) {
    const copy = bytes.slice();
    const flips = 1 + Math.floor(random() * 8);
    for (let f = 0; f < flips; f++)
      copy[Math.floor(random() * copy.length)]! ^= 1 << Math.floor(random() * 8);
    attempt(copy, `${path} flip #${k} (seed ${seed})`, out);
  }
  return out;
}

describeCorpus('fuzzing the ONNX importer', () => {
  it.each(SMALL.map((p, i) => [p, i] as const))('%s', (path, i) => {
    const out = fuzzFile(path, readCorpus(path), 1234 + i);
    expect(out.models + out.errors).toBeGreaterThanOrEqual(TRUNCATIONS + FLIPS);
    expect(out.errors).toBeGreaterThan(0);
    expect(out.slowest).toBeLessThan(1000);
  });

  it(`first 1 MB of ${BIG_PREFIX}`, () => {
    const out = fuzzFile(BIG_PREFIX, readCorpus(BIG_PREFIX).subarray(0, 1 << 20), 99);
    expect(out.models + out.errors).toBeGreaterThanOrEqual(TRUNCATIONS + FLIPS);
  });
});
