// TorchScript code: the Python-subset parser, and the interpreter on a hand-built archive (cat, alias, constants,
// kwargs, tuples, size-driven reshape), with a fallback to the module tree for code outside the subset.
import { analyze } from '@nnlens/analysis';
import { getAttribute, validate } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { openModel } from '../index.js';
import { f32s, PickleWriter, torchZip } from './pickle-writer.test-helper.js';
import { parseScriptFile } from './script-parser.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('parseScriptFile', () => {
  it('reads classes, multi-line signatures and statements, tuple targets, and marks other statements', () => {
    const [cls] = parseScriptFile(
      [
        'class Net(Module):',
        '  __parameters__ = []',
        '  fc : __torch__.torch.nn.modules.linear.Linear',
        '  def forward(self: __torch__.Net,',
        '    x: Tensor,',
        '    y: Tensor) -> Tuple[Tensor, Tensor]:',
        '    a, b = (torch.relu(x), getattr(self, "0"))',
        '    c = torch.cat([a,',
        '        b], 1)',
        '    if torch.gt(c, 0):',
        '      c = c',
        '    return (c, y)',
      ].join('\n'),
      '__torch__',
    );
    expect(cls!.qualified).toBe('__torch__.Net');
    const f = cls!.methods.get('forward')!;
    expect(f.params).toEqual(['x', 'y']);
    expect(f.body.map((s) => s.k)).toEqual(['assign', 'assign', 'other', 'other', 'return']);
    expect(f.body[0]).toMatchObject({ targets: ['a', 'b'] });
  });
});

/** data.pkl of a TorchScript module `__torch__.Net` with a Linear child `fc` and its tensors. */
function archive(code: string): Uint8Array {
  const pkl = new PickleWriter()
    .proto()
    .global('__torch__', 'Net')
    .op('EMPTY_TUPLE')
    .op('NEWOBJ')
    .op('EMPTY_DICT')
    .op('MARK')
    .str('training')
    .op('NEWFALSE')
    .str('fc')
    .global('__torch__.torch.nn.modules.linear', 'Linear')
    .op('EMPTY_TUPLE')
    .op('NEWOBJ')
    .op('EMPTY_DICT')
    .op('MARK')
    .str('weight')
    .tensor('FloatStorage', '0', 8, [2, 4])
    .str('bias')
    .tensor('FloatStorage', '1', 2, [2])
    .op('SETITEMS')
    .op('BUILD')
    .op('SETITEMS')
    .op('BUILD')
    .done();
  const constants = new PickleWriter()
    .proto()
    .op('MARK')
    .tensor('FloatStorage', '2', 1, [])
    .op('TUPLE')
    .done();
  const linear = [
    'class Linear(Module):',
    '  def forward(self: __torch__.torch.nn.modules.linear.Linear,',
    '    input: Tensor) -> Tensor:',
    '    weight = self.weight',
    '    return torch.linear(input, weight, self.bias)',
  ].join('\n');
  return torchZip(
    pkl,
    { '0': f32s(new Array<number>(8).fill(1)), '1': f32s([0, 0]), '2': f32s([2]) },
    'net',
    {
      'constants.pkl': constants,
      'code/__torch__.py': enc(code),
      'code/__torch__/torch/nn/modules/linear.py': enc(linear),
    },
  );
}

describe('the TorchScript interpreter', () => {
  it('follows module calls, torch ops, kwargs, constants and tuple returns', () => {
    const code = [
      'class Net(Module):',
      '  def forward(self: __torch__.Net,',
      '    x: Tensor) -> Tuple[Tensor, Tensor]:',
      '    fc = self.fc',
      '    h = torch.contiguous(torch.cat([x, x], 1))',
      '    n = ops.prim.NumToTensor(torch.size(h, 0))',
      '    h2 = torch.view(h, [int(n), -1])',
      '    y = torch.add((fc).forward(h2, ), CONSTANTS.c0, alpha=1)',
      '    return (y, torch.softmax(y, -1, None))',
    ].join('\n');
    const model = openModel({ name: 'net.pt', bytes: archive(code) });
    expect(validate(model)).toEqual([]);
    expect(model.graph.nodes.map((n) => `${n.name} ${n.op}`)).toEqual([
      '/Concat Concat',
      '/Constant Constant',
      '/Reshape Reshape',
      '/fc/Linear Linear',
      '/Add Add',
      '/Softmax Softmax',
    ]);
    expect(model.graph.outputs).toHaveLength(2);
    expect(getAttribute(model.graph.nodes[5]!, 'axis')?.value).toBe(-1);
    const a = analyze(model, { inputShapes: { x: [3, 2] } });
    expect(model.graph.outputs.map((v) => v.shape)).toEqual([
      [3, 2],
      [3, 2],
    ]);
    // Every stored tensor counts, CONSTANTS.c0 too: fc.weight (8) + fc.bias (2) + 1.
    expect(a.totals.params).toBe(11);
    expect(a.totals.macs).toBe(3 * 2 * 4);
  });

  it('falls back to the module tree when the code leaves the straight-line subset', () => {
    const code = [
      'class Net(Module):',
      '  def forward(self: __torch__.Net, x: Tensor) -> Tensor:',
      '    if bool(torch.gt(torch.sum(x), 0)):',
      '      x = torch.relu(x)',
      '    return (self.fc).forward(x, )',
    ].join('\n');
    const model = openModel({ name: 'net.pt', bytes: archive(code) });
    expect(model.metadata['torchscript.graph']).toMatch(/^module tree only: statement 'if bool/);
    expect(model.graph.nodes.map((n) => [n.name, getAttribute(n, 'class')?.value])).toEqual([
      ['/fc', 'Linear'],
    ]);
    expect(analyze(model).warnings).toEqual([]);
  });

  it('maps unknown ops to pytorch ops with unknown shapes, keeping the graph connected', () => {
    const code = [
      'class Net(Module):',
      '  def forward(self: __torch__.Net, x: Tensor) -> Tensor:',
      '    return torch.frobnicate(x, 3, mode="fast")',
    ].join('\n');
    const model = openModel({ name: 'net.pt', bytes: archive(code) });
    const n = model.graph.nodes[0]!;
    expect([n.domain, n.op, n.inputs[0]!.name]).toEqual(['pytorch', 'frobnicate', 'x']);
    expect(getAttribute(n, 'mode')?.value).toBe('fast');
    expect(model.warnings.join('\n')).toMatch(/torch.frobnicate has no mapping/);
  });
});
