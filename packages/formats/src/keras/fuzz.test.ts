// Fuzz: truncations, seeded bit flips and noise after a valid header of Keras files (HDF5, .keras, JSON) give a Model or a ModelFormatError, fast.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../../test/corpus.js';
import {
  attempt,
  flipBits,
  mutateJson,
  outcome,
  prng,
  randomTail,
  truncations,
  type Outcome,
} from '../fuzz.test-helper.js';

const PREFIX = /^Keras: /;
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

async function fuzzBytes(
  name: string,
  bytes: Uint8Array,
  seed: number,
  n: { cuts: number; flips: number; noise: number },
): Promise<Outcome> {
  const random = prng(seed);
  const out = outcome();
  for (const at of truncations(bytes.length, Math.min(n.cuts, 600), Math.max(0, n.cuts - 600), random)) {
    await attempt({ name, bytes: bytes.subarray(0, at) }, `${name} cut at ${at}`, PREFIX, out);
  }
  for (let k = 0; k < n.flips; k++)
    await attempt({ name, bytes: flipBits(bytes, random) }, `${name} flip #${k} (seed ${seed})`, PREFIX, out);
  for (let k = 0; k < n.noise; k++) {
    const size = 8 + Math.floor(random() * 8192);
    await attempt(
      { name, bytes: randomTail(bytes, 8, size, random) },
      `${name} noise #${k} (seed ${seed})`,
      PREFIX,
      out,
    );
  }
  return out;
}

it('HDF5 fixture with nested and shared layers, float16 weights', async () => {
  const out = await fuzzBytes('nested-shared.h5', fixture('nested-shared.h5'), 11, {
    cuts: 800,
    flips: 150,
    noise: 60,
  });
  expect(out.errors).toBeGreaterThan(0);
  expect(out.models).toBeGreaterThan(0);
  expect(out.slowest).toBeLessThan(1000);
});

it('Keras 3 .keras archive', async () => {
  const out = await fuzzBytes('functional.keras', fixture('functional.keras'), 12, {
    cuts: 800,
    flips: 150,
    noise: 60,
  });
  expect(out.errors).toBeGreaterThan(0);
  expect(out.slowest).toBeLessThan(1000);
});

it('the HDF5 reader still reads a good file after hundreds of damaged ones', async () => {
  const { openModelAsync } = await import('../index.js');
  const model = await openModelAsync({ name: 'nested-shared.h5', bytes: fixture('nested-shared.h5') });
  expect(model.warnings).toEqual([]);
  expect(model.graph.initializers.size).toBe(12);
});

describeCorpus('fuzzing the Keras importer on corpus files', () => {
  const TINY =
    'third_party/keras_h5/oarriaga__face_classification/trained_models/emotion_models/tiny_XCEPTION_KDEF.hdf5';

  it('tiny_XCEPTION_KDEF.hdf5', async () => {
    const out = await fuzzBytes('tiny.hdf5', readCorpus(TINY), 13, { cuts: 800, flips: 120, noise: 40 });
    expect(out.errors).toBeGreaterThan(0);
    expect(out.slowest).toBeLessThan(1000);
  });

  it('model JSON with random type confusions (architecture-only path)', async () => {
    const config = readCorpusJson<{ modelTopology: { model_config: unknown } }>(
      'third_party/tfjs/ml5js__ml5-data-and-models/models/darknetclassifier/darknettiny/model.json',
    ).modelTopology.model_config;
    const random = prng(14);
    const out = outcome();
    const enc = new TextEncoder();
    for (let k = 0; k < 300; k++) {
      let v = config;
      for (let m = 0; m < 1 + Math.floor(random() * 3); m++) v = mutateJson(v, random);
      // A mutated class name may leave a file no importer claims.
      const prefix = /^(Keras: |'m\.json' is not a model format)/;
      await attempt(
        { name: 'm.json', bytes: enc.encode(JSON.stringify(v)) },
        `json mutation #${k}`,
        prefix,
        out,
      );
    }
    expect(out.models + out.errors).toBe(300);
    expect(out.slowest).toBeLessThan(1000);
  });
});
