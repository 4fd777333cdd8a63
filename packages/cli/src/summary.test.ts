import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '@nnlens/analysis';
import { openModel } from '@nnlens/formats';
import { buildScopeTree } from '@nnlens/layout';
import { corpusPath, describeCorpus, readCorpus, readCorpusJson } from '../../../test/corpus.js';
import { parseShapeOverrides } from './summary-command.js';
import { summaryJson, summaryRows } from './summary.js';

interface TruthModel {
  model: string;
  onnx_graph: { file: string; nodes: number; initializer_float_elems: number; macs_from_graph: number };
}

const CLI = fileURLToPath(new URL('../dist/nnlens.mjs', import.meta.url));

describe('parseShapeOverrides', () => {
  it('separates input shapes from symbol values', () => {
    expect(parseShapeOverrides(['input=1,3,299,299', 'batch=8'])).toEqual({
      inputShapes: { input: [1, 3, 299, 299], batch: [8] },
      symbols: { batch: 8 },
    });
    expect(() => parseShapeOverrides(['oops'])).toThrow(/expected name=dims/);
  });
});

describeCorpus('summary on the analyzer corpus', () => {
  const truth = readCorpusJson<{ models: TruthModel[] }>('analyzer/flops_params.json').models;

  for (const name of ['lenet5', 'resnet18', 'densenet121']) {
    it(`${name}: JSON totals equal the truth table, depth roll-ups keep the totals`, () => {
      const t = truth.find((m) => m.model === name)!;
      const file = `analyzer/onnx_graph_only/${name}.onnx`;
      const model = openModel({ name: file, bytes: readCorpus(file) });
      const analysis = analyze(model);
      const tree = buildScopeTree(model.graph);
      const json = summaryJson(model, analysis, tree);
      expect(json.format).toBe('onnx');
      expect(json.nodeCount).toBe(t.onnx_graph.nodes);
      expect(json.totals.params).toBe(t.onnx_graph.initializer_float_elems);
      expect(
        Math.abs(json.totals.macs - t.onnx_graph.macs_from_graph) / t.onnx_graph.macs_from_graph,
      ).toBeLessThan(0.001);
      expect(json.nodes).toHaveLength(t.onnx_graph.nodes);
      const macSum = json.nodes.reduce((a, n) => a + n.macs, 0);
      expect(macSum).toBe(json.totals.macs);
      for (const depth of [1, 2]) {
        const rows = summaryRows(model, analysis, tree, depth);
        const leafOrRollup = rows.filter((r) => r.depth === depth - 1 || r.nodes === 1);
        const rowMacs = rows.filter((r) => r.op !== '').reduce((a, r) => a + r.macs, 0);
        expect(rowMacs).toBe(json.totals.macs);
        expect(leafOrRollup.length).toBeGreaterThan(0);
      }
    });
  }

  it.runIf(existsSync(CLI))('the built CLI prints the same JSON document', () => {
    const out = execFileSync(
      process.execPath,
      [CLI, 'summary', '--json', corpusPath('analyzer/onnx_graph_only/alexnet.onnx')],
      {
        encoding: 'utf8',
      },
    );
    const json = JSON.parse(out) as { nodeCount: number; totals: { params: number; macs: number } };
    const t = truth.find((m) => m.model === 'alexnet')!;
    expect(json.nodeCount).toBe(t.onnx_graph.nodes);
    expect(json.totals.params).toBe(t.onnx_graph.initializer_float_elems);
    expect(json.totals.macs).toBe(t.onnx_graph.macs_from_graph);
  });

  it.runIf(existsSync(CLI))('the built CLI fails cleanly on a corrupt file', () => {
    const run = (): string =>
      execFileSync(process.execPath, [CLI, 'summary', corpusPath('onnx/golden/lenet5.output.float32.bin')], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    expect(run).toThrow(/nnlens: /);
  });
});
