// The ONNX sniffer claims every ONNX file of the corpus and none of its other 270-odd files (Keras, TFLite, TF.js, Caffe, tfevents, images…).
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { CORPUS, describeCorpus, readCorpus } from '../../../../test/corpus.js';
import { onnxFormat } from '../index.js';
import { sniffModelProto } from './sniff.js';

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield relative(CORPUS, p);
  }
}

describeCorpus('ONNX sniffing over the corpus', () => {
  const all = [...files(CORPUS)];
  const onnx = all.filter((p) => p.endsWith('.onnx'));
  const others = all.filter((p) => !p.endsWith('.onnx'));

  it('recognises every .onnx file by content alone', () => {
    expect(onnx.length).toBeGreaterThanOrEqual(24);
    for (const p of onnx) {
      const bytes = readCorpus(p);
      expect(sniffModelProto(bytes), p).toBe(5);
      expect(onnxFormat.match({ name: 'renamed.bin', bytes }), p).toBeGreaterThan(0);
    }
  });

  it('claims none of the other files', () => {
    expect(others.length).toBeGreaterThan(200);
    const claimed = others.filter(
      (p) => onnxFormat.match({ name: p.split('/').pop()!, bytes: readCorpus(p) }) > 0,
    );
    expect(claimed).toEqual([]);
  });
});
