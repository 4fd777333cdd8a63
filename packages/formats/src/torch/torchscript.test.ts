// TorchScript archives: module tree and tensors from data.pkl, the graph from code/; params and MACs against
// the ONNX exports' ground truth (MANIFEST.json, flops_params.md).
import { analyze } from '@nnlens/analysis';
import { getAttribute, validate } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../../test/corpus.js';
import { openModel } from '../index.js';
import { hasTorch, pythonFixture } from './fixtures.test-helper.js';

interface Fact {
  path: string;
  torch_params?: number;
  torch_buffers_numel?: number;
}
interface Truth {
  model: string;
  params_total: number;
  buffers_excl_num_batches_tracked: number;
  macs_hook: number;
}

const facts = (): Map<string, Fact> =>
  new Map(readCorpusJson<{ files: Fact[] }>('MANIFEST.json').files.map((f) => [f.path, f]));
const truth = (name: string): Truth => {
  const t = readCorpusJson<{ models: Truth[] }>('analyzer/flops_params.json').models.find(
    (m) => m.model === name,
  )!;
  return t;
};

describeCorpus('TorchScript lenet5_traced.pt', () => {
  const model = openModel({ name: 'lenet5_traced.pt', bytes: readCorpus('torchscript/lenet5_traced.pt') });

  it('is TorchScript with the module tree and every traced call as a node', () => {
    expect(model.format).toBe('torchscript');
    expect(validate(model)).toEqual([]);
    expect(model.metadata['torchscript.root']).toBe('__torch__.LeNet5');
    expect(model.graph.nodes.map((n) => `${n.name} ${n.domain}:${n.op}`)).toEqual([
      '/conv1/Conv :Conv',
      '/relu1/Relu :Relu',
      '/pool1/MaxPool :MaxPool',
      '/conv2/Conv :Conv',
      '/relu2/Relu :Relu',
      '/pool2/MaxPool :MaxPool',
      '/flatten/Flatten :Flatten',
      '/fc1/Linear pytorch:Linear',
      '/relu3/Relu :Relu',
      '/fc2/Linear pytorch:Linear',
      '/relu4/Relu :Relu',
      '/fc3/Linear pytorch:Linear',
    ]);
    const conv1 = model.graph.nodes[0]!;
    expect(conv1.inputs.map((v) => v!.name)).toEqual(['x', 'conv1.weight', 'conv1.bias']);
    expect(getAttribute(conv1, 'pads')?.value).toEqual([2, 2, 2, 2]);
    expect(model.graph.outputs.map((v) => v.name)).toEqual(['/fc3/Linear_output_0']);
  });

  it("params equal the ONNX lenet5 export's (61,706); MACs at 1×1×28×28 equal flops_params.md's 416,520", () => {
    const onnx = facts().get('onnx/lenet5.onnx')!;
    const a = analyze(model, { inputShapes: { x: [1, 1, 28, 28] } });
    expect(a.totals.params).toBe(onnx.torch_params);
    expect(a.totals.params).toBe(61_706);
    expect(a.totals.macs).toBe(truth('lenet5').macs_hook);
    expect(a.unresolved).toEqual([]);
    expect(model.graph.nodes.at(-1)!.outputs[0]!.shape).toEqual([1, 10]);
  });

  it('weights are views into the archive', () => {
    const bytes = readCorpus('torchscript/lenet5_traced.pt');
    const m = openModel({ name: 'x.pt', bytes });
    const w = m.graph.initializers.get('fc1.weight')!;
    expect(w.shape).toEqual([120, 400]);
    expect(w.storage.kind === 'raw' && w.storage.bytes.buffer === bytes.buffer).toBe(true);
  });
});

const RESNET = `
import torch, torchvision
torch.manual_seed(0)
m = torchvision.models.resnet18(weights=None).eval()
torch.jit.trace(m, torch.zeros(1, 3, 224, 224)).save(OUT)
`;
const SCRIPTED = `
import torch, torchvision
torch.jit.script(torchvision.models.resnet18(weights=None).eval()).save(OUT)
`;

describe.skipIf(!hasTorch(true))(
  'TorchScript resnet18 (traced and scripted at test time by /usr/bin/python3)',
  () => {
    it(
      "traced: params equal the ONNX resnet18 export's torch params; MACs equal flops_params.md",
      { timeout: 300_000 },
      () => {
        const model = openModel({
          name: 'resnet18_traced.pt',
          bytes: pythonFixture('resnet18_traced.pt', RESNET),
        });
        expect(model.metadata['torchscript.graph']).toMatch(/^graph from code\//);
        const a = analyze(model, { inputShapes: { x: [1, 3, 224, 224] } });
        const onnx = facts().get('onnx/resnet18_external_data.onnx')!;
        // torch params = float weights minus BatchNorm running statistics (buffers); num_batches_tracked is int64.
        expect(a.totals.params - a.totals.bufferParams).toBe(onnx.torch_params);
        expect(a.totals.bufferParams).toBe(truth('resnet18').buffers_excl_num_batches_tracked);
        expect(a.totals.bufferParams).toBe(onnx.torch_buffers_numel! - 20);
        expect(a.totals.params - a.totals.bufferParams).toBe(truth('resnet18').params_total);
        expect(a.totals.macs).toBe(truth('resnet18').macs_hook);
        expect(a.unresolved).toEqual([]);
      },
    );

    it(
      'scripted (if/else in forward): falls back to the module tree with the same tensors',
      { timeout: 300_000 },
      () => {
        const model = openModel({
          name: 'resnet18_scripted.pt',
          bytes: pythonFixture('resnet18_scripted.pt', SCRIPTED),
        });
        expect(model.metadata['torchscript.graph']).toMatch(/^module tree only/);
        expect(model.warnings.join('\n')).toMatch(/not a straight sequence of calls/);
        const conv = model.graph.nodes.find((n) => n.name === '/layer1/layer1.0/conv1')!;
        expect(getAttribute(conv, 'class')?.value).toBe('Conv2d');
        const a = analyze(model);
        expect(a.totals.params).toBe(
          truth('resnet18').params_total + truth('resnet18').buffers_excl_num_batches_tracked,
        );
        expect(a.warnings).toEqual([]);
      },
    );
  },
);
