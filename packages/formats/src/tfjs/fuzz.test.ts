// Fuzz: truncated and mutated model.json files, and damaged weight shards, give a Model or a ModelFormatError, fast.
import { dirname } from 'node:path';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../../test/corpus.js';
import { attempt, flipBits, mutateJson, outcome, prng, truncations } from '../fuzz.test-helper.js';

const MODELS = [
  'third_party/tfjs/ml5js__ml5-data-and-models/models/CVAE/quick_draw/models/model.json',
  'third_party/tfjs/vladmandic__human/models/emotion.json',
];
// Mutated files may lose the keys that make them TF.js; then no importer claims them.
const PREFIX = /^(TF\.js: |'model\.json' is not a model format)/;

function shardsOf(path: string): Map<string, Uint8Array> {
  const json = readCorpusJson<{ weightsManifest: { paths: string[] }[] }>(path);
  const paths = json.weightsManifest.flatMap((g) => g.paths);
  return new Map(paths.map((p) => [p, readCorpus(`${dirname(path)}/${p}`)]));
}

describeCorpus('fuzzing the TF.js importer', () => {
  it.each(MODELS.map((p, i) => [p.split('/').slice(-3).join('/'), p, i] as const))(
    '%s',
    async (_n, path, i) => {
      const bytes = readCorpus(path);
      const sidecars = shardsOf(path);
      const random = prng(777 + i);
      const out = outcome();
      for (const at of truncations(bytes.length, 600, 200, random)) {
        await attempt(
          { name: 'model.json', bytes: bytes.subarray(0, at), sidecars },
          `cut at ${at}`,
          PREFIX,
          out,
        );
      }
      for (let k = 0; k < 100; k++) {
        await attempt(
          { name: 'model.json', bytes: flipBits(bytes, random), sidecars },
          `flip #${k}`,
          PREFIX,
          out,
        );
      }
      const json = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
      const enc = new TextEncoder();
      for (let k = 0; k < 300; k++) {
        let v = json;
        for (let m = 0; m < 1 + Math.floor(random() * 3); m++) v = mutateJson(v, random);
        await attempt(
          { name: 'model.json', bytes: enc.encode(JSON.stringify(v)), sidecars },
          `mutation #${k}`,
          PREFIX,
          out,
        );
      }
      // Damaged shards: cut short or flipped; the structure still opens.
      for (let k = 0; k < 60; k++) {
        const damaged = new Map(
          [...sidecars].map(([p, s]) => [
            p,
            k % 2 ? flipBits(s, random) : s.subarray(0, Math.floor(random() * s.length)),
          ]),
        );
        await attempt({ name: 'model.json', bytes, sidecars: damaged }, `shards #${k}`, PREFIX, out);
      }
      expect(out.models).toBeGreaterThan(0);
      expect(out.errors).toBeGreaterThan(0);
      expect(out.slowest).toBeLessThan(1000);
    },
  );
});
