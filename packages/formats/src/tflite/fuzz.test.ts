// Fuzz: truncations, seeded bit flips and random bytes after a valid header of real TFLite files give a Model or a ModelFormatError, fast.
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../../test/corpus.js';
import { attempt, flipBits, outcome, prng, randomTail, truncations } from '../fuzz.test-helper.js';

const DIR = 'third_party/tflite/tensorflow__tflite-micro/tensorflow/lite/micro';
const FILES = [
  `${DIR}/examples/hello_world/models/hello_world_int8.tflite`,
  `${DIR}/models/person_detect.tflite`,
];
const PREFIX = /^TFLite: /;

describeCorpus('fuzzing the TFLite importer', () => {
  it.each(FILES.map((p, i) => [p.split('/').pop()!, p, i] as const))('%s', async (_n, path, i) => {
    const bytes = readCorpus(path);
    const random = prng(4321 + i);
    const out = outcome();
    for (const n of truncations(bytes.length, 600, 200, random)) {
      await attempt({ name: 'fuzz.tflite', bytes: bytes.subarray(0, n) }, `${path} cut at ${n}`, PREFIX, out);
    }
    for (let k = 0; k < 200; k++) {
      await attempt(
        { name: 'fuzz.tflite', bytes: flipBits(bytes, random) },
        `${path} flip #${k}`,
        PREFIX,
        out,
      );
    }
    // A valid identifier and root offset, then noise.
    for (let k = 0; k < 100; k++) {
      const size = 8 + Math.floor(random() * 4096);
      await attempt(
        { name: 'fuzz.tflite', bytes: randomTail(bytes, 8, size, random) },
        `${path} noise #${k}`,
        PREFIX,
        out,
      );
    }
    expect(out.models + out.errors).toBeGreaterThanOrEqual(500);
    expect(out.errors).toBeGreaterThan(0);
    expect(out.slowest).toBeLessThan(1000);
  });
});
