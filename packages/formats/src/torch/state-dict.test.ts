// state_dict archives: a weights-only model (one node per module), keys and shapes as MANIFEST.json says.
import { analyze } from '@nnlens/analysis';
import { getAttribute, tensorValues, type Tensor } from '@nnlens/ir';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../../test/corpus.js';
import { openModel } from '../index.js';
import { hasTorch, pythonFixture } from './fixtures.test-helper.js';
import { f32s, PickleWriter, torchZip } from './pickle-writer.test-helper.js';

interface Fact {
  path: string;
  keys: string[];
  key_shapes: Record<string, number[]>;
  torch_params: number;
}

const values = (t: Tensor): number[] => Array.from(tensorValues(t) as ArrayLike<number>);

describeCorpus('trained/digits_lenet5.pth', () => {
  const bytes = readCorpus('trained/digits_lenet5.pth');
  const model = openModel({ name: 'digits_lenet5.pth', bytes });
  const fact = readCorpusJson<{ files: Fact[] }>('MANIFEST.json').files.find(
    (f) => f.path === 'trained/digits_lenet5.pth',
  )!;

  it('is labelled weights-only, in format and metadata', () => {
    expect(model.format).toBe('pytorch-state-dict');
    expect(model.formatVersion).toMatch(/weights only/);
    expect(model.metadata.contents).toMatch(/^weights only/);
    expect(model.warnings[0]).toMatch(/state_dict: weights only, no graph/);
  });

  it('has exactly the keys and shapes of MANIFEST.json, as views into the file', () => {
    expect([...model.graph.initializers.keys()]).toEqual(fact.keys);
    for (const [k, shape] of Object.entries(fact.key_shapes)) {
      const t = model.graph.initializers.get(k)!;
      expect(t.shape, k).toEqual(shape);
      expect(t.dtype).toBe('float32');
      expect(t.storage.kind === 'raw' && t.storage.bytes.buffer === bytes.buffer).toBe(true);
    }
    expect(analyze(model).totals.params).toBe(fact.torch_params);
  });

  it('groups tensors by module with shape, dtype and statistics', () => {
    expect(model.graph.nodes.map((n) => `${n.name}:${n.op}`)).toEqual([
      'conv1:Module',
      'conv2:Module',
      'fc1:Module',
      'fc2:Module',
      'fc3:Module',
    ]);
    const stats = getAttribute(model.graph.nodes[0]!, 'weight')!.value as Record<string, number>;
    const w = values(model.graph.initializers.get('conv1.weight')!);
    const mean = w.reduce((a, b) => a + b, 0) / w.length;
    expect(stats).toMatchObject({
      dtype: 'float32',
      shape: [6, 1, 5, 5],
      min: Math.min(...w),
      max: Math.max(...w),
    });
    expect(stats.mean).toBeCloseTo(mean, 6);
    expect(stats.std).toBeGreaterThan(0);
  });

  it('holds the same trained weights as digits_lenet5.onnx', () => {
    const onnx = openModel({ name: 'digits_lenet5.onnx', bytes: readCorpus('trained/digits_lenet5.onnx') });
    const a = values(model.graph.initializers.get('conv1.weight')!);
    const b = [...onnx.graph.initializers.values()].find((t) => t.shape.join() === '6,1,5,5')!;
    expect(a).toEqual(values(b));
  });
});

describe('hand-built torch.save archives', () => {
  const w = [1, 2, 3, 4, 5, 6];

  it('a checkpoint dict: the weights under state_dict, other scalars as metadata', () => {
    const pkl = new PickleWriter()
      .proto()
      .op('EMPTY_DICT')
      .op('MARK')
      .str('epoch')
      .int(7)
      .str('state_dict')
      .global('collections', 'OrderedDict')
      .op('EMPTY_TUPLE')
      .op('REDUCE')
      .op('MARK')
      .str('layer.weight')
      .tensor('FloatStorage', '0', 6, [2, 3])
      .op('SETITEMS')
      .op('SETITEMS')
      .done();
    const m = openModel({ name: 'ckpt.pth', bytes: torchZip(pkl, { '0': f32s(w) }) });
    expect(m.metadata['pytorch.checkpoint_key']).toBe('state_dict');
    expect(m.metadata['pytorch.epoch']).toBe('7');
    expect(values(m.graph.initializers.get('layer.weight')!)).toEqual(w);
  });

  it('strided views (a transposed tensor) are copied in logical order; shared storages once each', () => {
    const pkl = new PickleWriter()
      .proto()
      .op('EMPTY_DICT')
      .op('MARK')
      .str('a')
      .tensor('FloatStorage', '0', 6, [2, 3])
      .str('t')
      .tensor('FloatStorage', '0', 6, [3, 2], 0, [1, 3])
      .str('tail')
      .tensor('FloatStorage', '0', 6, [2], 4)
      .op('SETITEMS')
      .done();
    const m = openModel({ name: 'sd.pt', bytes: torchZip(pkl, { '0': f32s(w) }) });
    expect(values(m.graph.initializers.get('t')!)).toEqual([1, 4, 2, 5, 3, 6]);
    expect(values(m.graph.initializers.get('tail')!)).toEqual([5, 6]);
  });

  it('a hostile object next to the weights stays inert; the weights still load', () => {
    const pkl = new PickleWriter()
      .proto()
      .op('EMPTY_DICT')
      .op('MARK')
      .str('w')
      .tensor('FloatStorage', '0', 6, [6])
      .str('evil')
      .global('posix', 'system')
      .op('MARK')
      .str('touch /tmp/nnlens-pwned-2')
      .op('TUPLE')
      .op('REDUCE')
      .op('SETITEMS')
      .done();
    const m = openModel({ name: 'evil.pth', bytes: torchZip(pkl, { '0': f32s(w) }) });
    expect([...m.graph.initializers.keys()]).toEqual(['w']);
    expect(existsSync('/tmp/nnlens-pwned-2')).toBe(false);
  });

  it('missing or short storages and unknown storage types are warnings, not failures', () => {
    const pkl = new PickleWriter()
      .proto()
      .op('EMPTY_DICT')
      .op('MARK')
      .str('gone')
      .tensor('FloatStorage', '9', 6, [6])
      .str('short')
      .tensor('FloatStorage', '0', 60, [60])
      .str('odd')
      .tensor('WeirdStorage', '1', 6, [6])
      .op('SETITEMS')
      .done();
    const m = openModel({ name: 'bad.pth', bytes: torchZip(pkl, { '0': f32s(w), '1': f32s(w) }) });
    expect([...m.graph.initializers.values()].map((t) => t.storage.kind)).toEqual(['none', 'none', 'none']);
    expect(m.warnings.join('\n')).toMatch(/storage data\/9 is missing/);
    expect(m.warnings.join('\n')).toMatch(/'short' reaches past its storage/);
    expect(m.warnings.join('\n')).toMatch(/'odd' has a storage type nnlens does not know/);
  });

  it('deflated members are inflated; a pickle without tensors is refused', () => {
    const pkl = new PickleWriter()
      .proto()
      .op('EMPTY_DICT')
      .str('w')
      .tensor('FloatStorage', '0', 6, [6])
      .op('SETITEM')
      .done();
    const m = openModel({ name: 'z.pth', bytes: torchZip(pkl, { '0': f32s(w) }, 'archive', {}, 6) });
    expect(values(m.graph.initializers.get('w')!)).toEqual(w);
    const none = new PickleWriter().proto().op('EMPTY_DICT').done();
    expect(() => openModel({ name: 'empty.pth', bytes: torchZip(none, {}) })).toThrow(/holds no tensors/);
  });
});

const LEGACY = `
import torch
torch.manual_seed(0)
m = torch.nn.Sequential(torch.nn.Conv2d(1, 4, 3), torch.nn.BatchNorm2d(4))
torch.save(m.state_dict(), OUT, _use_new_zipfile_serialization=False)
`;
const WHOLE_MODULE = `
import torch
torch.manual_seed(0)
torch.save(torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.ReLU()), OUT)
`;

describe.skipIf(!hasTorch())('files saved at test time (skipped unless /usr/bin/python3 has torch)', () => {
  it('legacy (pre-1.6) torch.save format', { timeout: 120_000 }, () => {
    const m = openModel({ name: 'legacy.pth', bytes: pythonFixture('legacy.pth', LEGACY) });
    expect(m.format).toBe('pytorch-state-dict');
    expect(m.metadata['pytorch.serialization']).toMatch(/legacy/);
    expect([...m.graph.initializers.keys()]).toEqual([
      '0.weight',
      '0.bias',
      '1.weight',
      '1.bias',
      '1.running_mean',
      '1.running_var',
      '1.num_batches_tracked',
    ]);
    expect(values(m.graph.initializers.get('1.running_var')!)).toEqual([1, 1, 1, 1]);
    expect(m.graph.initializers.get('1.num_batches_tracked')!.dtype).toBe('int64');
  });

  it('a whole pickled nn.Module: its parameters by module path', { timeout: 120_000 }, () => {
    const m = openModel({ name: 'whole.pt', bytes: pythonFixture('whole.pt', WHOLE_MODULE) });
    expect([...m.graph.initializers.keys()]).toEqual(['0.weight', '0.bias']);
    expect(analyze(m).totals.params).toBe(8);
  });
});
