// Fuzz: truncated, bit-flipped and random PyTorch files give a Model or a ModelFormatError, each in < 1 s.
import { zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../../test/corpus.js';
import { attemptSync, outcome, prng, type Outcome } from '../fuzz.test-helper.js';
import { ModelFormatError, openModel } from '../index.js';
import { f32s, PickleWriter, torchZip } from './pickle-writer.test-helper.js';

/** Truncations (dense at both ends: headers and the zip directory) and bit flips (half in the last 4 KB). */
function fuzz(name: string, bytes: Uint8Array, seed: number): Outcome {
  const out = outcome();
  const random = prng(seed);
  const offsets = new Set<number>();
  for (let i = 0; i < Math.min(300, bytes.length); i++) offsets.add(i).add(Math.max(0, bytes.length - 1 - i));
  while (offsets.size < Math.min(bytes.length, 800)) offsets.add(Math.floor(random() * bytes.length));
  for (const n of offsets) attemptSync(name, bytes.subarray(0, n), `${name} truncated at ${n}`, out);
  for (let k = 0; k < 80; k++) {
    const copy = bytes.slice();
    const tail = k % 2 === 0;
    const flips = 1 + Math.floor(random() * 6);
    for (let f = 0; f < flips; f++) {
      const at = tail
        ? copy.length - 1 - Math.floor(random() * Math.min(4096, copy.length))
        : Math.floor(random() * copy.length);
      copy[at]! ^= 1 << Math.floor(random() * 8);
    }
    attemptSync(name, copy, `${name} flip #${k} (seed ${seed})`, out);
  }
  return out;
}

describeCorpus('fuzzing the PyTorch importers on corpus files', () => {
  it.each([
    ['torchscript/lenet5_traced.pt', 11],
    ['trained/digits_lenet5.pth', 12],
  ] as const)('%s', (path, seed) => {
    const out = fuzz(path.split('/').pop()!, readCorpus(path), seed);
    expect(out.errors).toBeGreaterThan(0);
    expect(out.models + out.errors).toBeGreaterThanOrEqual(880);
  });
});

it('fuzzing a small hand-built state_dict (every truncation)', () => {
  const pkl = new PickleWriter()
    .proto()
    .op('EMPTY_DICT')
    .op('MARK')
    .str('a.w')
    .tensor('FloatStorage', '0', 4, [2, 2])
    .str('b.w')
    .tensor('FloatStorage', '1', 2, [2])
    .op('SETITEMS')
    .done();
  const bytes = torchZip(pkl, { '0': f32s([1, 2, 3, 4]), '1': f32s([5, 6]) });
  expect(attemptSync('s.pth', bytes, 'intact', outcome())).not.toBeNull();
  const out = outcome();
  for (let n = 0; n < bytes.length; n++) attemptSync('s.pth', bytes.subarray(0, n), `truncated at ${n}`, out);
  expect(out.errors).toBe(bytes.length);
  const flipped = fuzz('s.pth', bytes, 13);
  expect(flipped.errors).toBeGreaterThan(0);
});

it('random bytes after a zip or pickle magic, and hostile zip size fields', () => {
  const random = prng(99);
  const out = outcome();
  const heads = [
    [0x50, 0x4b, 0x03, 0x04],
    [0x50, 0x4b, 0x05, 0x06],
    [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19],
    [0x80, 0x02, 0x7d],
  ];
  for (let k = 0; k < 200; k++) {
    const head = heads[k % heads.length]!;
    const tail = Array.from({ length: Math.floor(random() * 2000) }, () => Math.floor(random() * 256));
    attemptSync(k % 2 ? 'r.pt' : 'r.pth', Uint8Array.from([...head, ...tail]), `random #${k}`, out);
  }
  expect(out.models).toBe(0);

  // A deflated data.pkl whose directory claims 2 GB (refused), or fewer bytes than it inflates to.
  const zip = zipSync({ 'archive/data.pkl': [new Uint8Array(5000), { level: 6 }] });
  const cd = zip.length - 22 - 46 - 'archive/data.pkl'.length;
  const huge = zip.slice();
  new DataView(huge.buffer).setUint32(cd + 24, 2 ** 31, true);
  expect(() => openModel({ name: 'bomb.pt', bytes: huge })).toThrow(
    /inflates to 2147483648 bytes, more than/,
  );
  const small = zip.slice();
  new DataView(small.buffer).setUint32(cd + 24, 10, true);
  expect(() => openModel({ name: 'short.pt', bytes: small })).toThrow(ModelFormatError);
});
