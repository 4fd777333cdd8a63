// External data: resnet18_external_data with and without its .data file, plus path-escape and bounds checks.
import { createHash } from 'node:crypto';
import {
  addInitializer,
  createGraph,
  createModel,
  tensorByteSize,
  tensorElementCount,
  tensorValues,
  type Model,
  type Tensor,
} from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../test/corpus.js';
import { attachExternalData, externalDataFiles, openModel } from './index.js';

const MODEL = 'onnx/resnet18_external_data.onnx';
const DATA = 'resnet18_external_data.onnx.data';

interface Entry {
  path: string;
  initializer_numel_total: number;
  initializers_stored_externally: number;
  external_data_file_facts: Record<string, { size_bytes: number; sha256: string }>;
}

describeCorpus('resnet18_external_data', () => {
  const entry = readCorpusJson<{ files: Entry[] }>('MANIFEST.json').files.find((f) => f.path === MODEL)!;
  const facts = entry.external_data_file_facts[DATA]!;
  const data = readCorpus(`onnx/${DATA}`);

  it('the .data file is the one the manifest measured', () => {
    expect(data.byteLength).toBe(facts.size_bytes);
    expect(createHash('sha256').update(data).digest('hex')).toBe(facts.sha256);
  });

  it('with the .data file attached, every initializer is readable with the right byte length', () => {
    const model = openModel({
      name: 'resnet18_external_data.onnx',
      bytes: readCorpus(MODEL),
      sidecars: new Map([[DATA, data]]),
    });
    expect(model.warnings).toEqual([]);
    const inits = [...model.graph.initializers.values()];
    let externalBytes = 0;
    let numel = 0;
    for (const t of inits) {
      expect(t.storage.kind).toBe('raw');
      if (t.storage.kind !== 'raw') continue;
      expect(t.storage.bytes.byteLength).toBe(tensorByteSize(t));
      if (t.storage.bytes.buffer === data.buffer) {
        externalBytes += t.storage.bytes.byteLength;
        // A view into the sidecar, not a copy.
        expect(t.storage.bytes.byteOffset).toBeGreaterThanOrEqual(data.byteOffset);
      }
      const values = tensorValues(t);
      expect(values.length).toBe(tensorElementCount(t));
      expect(Array.from(values as Float32Array).every(Number.isFinite)).toBe(true);
      numel += values.length;
    }
    expect(numel).toBe(entry.initializer_numel_total);
    // The external tensors tile the .data file exactly (the exporter writes them back to back).
    expect(externalBytes).toBe(facts.size_bytes);
    expect(externalDataFiles(model)).toEqual([]);
  });

  it('without the .data file, tensors stay external with a clear warning', () => {
    const model = openModel({ name: 'resnet18_external_data.onnx', bytes: readCorpus(MODEL) });
    const ext = [...model.graph.initializers.values()].filter((t) => t.storage.kind === 'external');
    expect(ext.length).toBe(entry.initializers_stored_externally);
    expect(model.warnings).toHaveLength(1);
    expect(model.warnings[0]).toContain(DATA);
    expect(() => tensorValues(ext[0]!)).toThrow(/external/);
    const warnings = attachExternalData(model, new Map());
    expect(warnings).toEqual([
      `external data file '${DATA}' (${entry.initializers_stored_externally} tensors) was not provided: weights not loaded`,
    ]);
  });

  it('sidecars given but missing the file: the warning names it', () => {
    const model = openModel({
      name: 'r.onnx',
      bytes: readCorpus(MODEL),
      sidecars: new Map([['other.bin', data]]),
    });
    expect(model.warnings.join('\n')).toContain(`'${DATA}'`);
  });
});

function modelWith(storage: Tensor['storage'], shape = [4]): Model {
  const g = createGraph('g');
  addInitializer(g, { name: 'w', dtype: 'float32', shape, storage });
  return createModel('onnx', g);
}

describe('attachExternalData safety', () => {
  const file = new Uint8Array(64).map((_, i) => i);

  it.each([
    '../w.bin',
    '/etc/passwd',
    'C:\\w.bin',
    'a/../../w.bin',
    '\\\\server\\w.bin',
    'http://x/w.bin',
    '',
  ])('rejects location %j', (location) => {
    const model = modelWith({ kind: 'external', location, offset: 0, length: 16 });
    const warnings = attachExternalData(
      model,
      new Map([
        [location, file],
        ['w.bin', file],
      ]),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/rejected/);
    expect(model.graph.initializers.get('w')!.storage.kind).toBe('external');
  });

  it('accepts ./ and sub-folder locations and keeps a view', () => {
    const model = modelWith({ kind: 'external', location: './sub/w.bin', offset: 16, length: null });
    expect(attachExternalData(model, new Map([['sub/w.bin', file]]))).toEqual([]);
    const s = model.graph.initializers.get('w')!.storage;
    expect(
      s.kind === 'raw' && [s.bytes.byteOffset, s.bytes.byteLength, s.bytes.buffer === file.buffer],
    ).toEqual([16, 16, true]);
  });

  it('reports bytes out of range and leaves the tensor external', () => {
    const model = modelWith({ kind: 'external', location: 'w.bin', offset: 60, length: 16 });
    const warnings = attachExternalData(model, new Map([['w.bin', file]]));
    expect(warnings[0]).toMatch(/tensor 'w': external bytes 60\.\.76 are outside 'w\.bin' \(64 bytes\)/);
    expect(model.graph.initializers.get('w')!.storage.kind).toBe('external');
  });

  it('reports a length that disagrees with the dims', () => {
    const model = modelWith({ kind: 'external', location: 'w.bin', offset: 0, length: 12 });
    expect(attachExternalData(model, new Map([['w.bin', file]]))).toEqual([
      "tensor 'w': external data has 12 bytes, its dims need 16",
    ]);
  });
});
