import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../../test/corpus.js';
import { WorkerError } from './errors.js';
import { ModelSession } from './session.js';

function open(rel: string, sidecars = new Map<string, Uint8Array>()) {
  return ModelSession.open(rel.split('/').pop()!, readCorpus(rel), sidecars);
}

describe('ModelSession errors', () => {
  it('reports a corrupt file as a format error', () => {
    expect(() =>
      ModelSession.open('junk.onnx', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), new Map()),
    ).toThrow();
    try {
      ModelSession.open('junk.onnx', new Uint8Array(64).fill(0xff), new Map());
    } catch (e) {
      expect((e as Error).message.length).toBeGreaterThan(0);
    }
  });
});

describeCorpus('ModelSession on real models', () => {
  it('opens densenet121 (structure only) into a drawable view', () => {
    const { result } = open('analyzer/onnx_graph_only/densenet121.onnx');
    const { view, timings } = result;
    const manifest = readCorpusJson<{ files: { path: string; node_count_top_level?: number }[] }>(
      'MANIFEST.json',
    );
    expect(view.graph.nodes.length).toBeGreaterThan(300);
    const entry = manifest.files.find((f) => f.path.endsWith('densenet121.onnx'));
    if (entry?.node_count_top_level) expect(view.graph.nodes.length).toBe(entry.node_count_top_level);
    expect(view.info.externalFiles.length).toBeGreaterThan(0);
    expect(view.totals.macs).toBeGreaterThan(2.8e9);
    expect(view.graph.layout.items.some((i) => i.kind === 'node' && i.nodeIndex >= 0)).toBe(true);
    expect(view.graph.layout.edges.length).toBeGreaterThan(0);
    expect(timings.parse).toBeGreaterThanOrEqual(0);
    // Every drawn node refers to a real node; every edge joins drawn items.
    const ids = new Set(view.graph.layout.items.map((i) => i.id));
    for (const e of view.graph.layout.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
    const conv = view.graph.nodes.find((n) => n.op === 'Conv')!;
    expect(conv.category).toBe('conv');
    expect(conv.summary).toMatch(/7×7\/2 · 64/);
    const w = view.graph.values[conv.inputs[1]!]!;
    expect(w.init?.storage).toBe('external');
  });

  it('collapses the 24 transformer layers by default and expands one on request', () => {
    const { session, result } = open('onnx/transformer_encoder_24l_identical_layers.onnx');
    const g = result.view.graph;
    const layer = g.groups.find((x) => x.repeat === 24 && x.repeatIndex === 3)!;
    expect(layer).toBeDefined();
    expect(g.layout.expanded).not.toContain(layer.id);
    const hiddenConstants = g.nodes.filter((n) => n.op === 'Constant' && n.hidden).length;
    expect(hiddenConstants).toBeGreaterThan(300);
    const before = g.layout.items.filter((i) => i.kind === 'node').length;
    const inside = g.groups
      .filter((x) => x.id === layer.id || x.id.startsWith(`${layer.id}/`))
      .map((x) => x.id);
    const { layout } = session.layout('', [...g.layout.expanded, ...inside]);
    const after = layout.items.filter((i) => i.kind === 'node').length;
    expect(after).toBeGreaterThan(before + 20);
    expect(layout.items.some((i) => i.kind === 'group' && i.groupId === layer.id && i.expanded)).toBe(true);
  });

  it('opens the Loop body and the If branches of control_flow_loop_if', () => {
    const { session, result } = open('onnx/control_flow_loop_if.onnx');
    const loop = result.view.graph.nodes.find((n) => n.op === 'Loop')!;
    expect(loop.subgraphs).toHaveLength(1);
    const body = session.graph(loop.subgraphs[0]!.path).graph;
    expect(body.trail.map((t) => t.label)).toEqual(['main', loop.subgraphs[0]!.label]);
    expect(body.nodes.length).toBeGreaterThan(0);
    const iff = body.nodes.find((n) => n.op === 'If')!;
    expect(iff.subgraphs.map((s) => s.attribute).sort()).toEqual(['else_branch', 'then_branch']);
    const branch = session.graph(iff.subgraphs[0]!.path).graph;
    expect(branch.trail).toHaveLength(3);
    expect(branch.layout.items.length).toBeGreaterThan(0);
    expect(() => session.graph('99.body')).toThrow(/no subgraph/);
  });

  it('reads external weights once their file is attached, and says which file is missing before', () => {
    const { session, result } = open('onnx/resnet18_external_data.onnx');
    const g = result.view.graph;
    const conv = g.nodes.find((n) => n.op === 'Conv')!;
    const weight = g.values[conv.inputs[1]!]!;
    expect(weight.init?.storage).toBe('external');
    let err: unknown;
    try {
      session.tensorStats('', weight.name);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WorkerError);
    expect((err as WorkerError).missingFile).toBe(weight.init!.location);
    const warnings = session.attachData(
      new Map([[weight.init!.location!, readCorpus(`onnx/${weight.init!.location}`)]]),
    );
    expect(warnings.warnings).toEqual([]);
    const { stats } = session.tensorStats('', weight.name);
    expect(stats.count).toBe(weight.init!.elements);
    expect(stats.std).toBeGreaterThan(0);
    const npy = session.tensorNpy('', weight.name);
    expect(npy.fileName).toMatch(/\.npy$/);
    expect(npy.bytes.byteLength).toBeGreaterThan(weight.init!.bytes);
  });

  it('opens a model with its sidecar given up front', () => {
    const data = readCorpus('onnx/resnet18_external_data.onnx.data');
    const { session, result } = open(
      'onnx/resnet18_external_data.onnx',
      new Map([['resnet18_external_data.onnx.data', data]]),
    );
    const conv = result.view.graph.nodes.find((n) => n.op === 'Conv')!;
    const weight = result.view.graph.values[conv.inputs[1]!]!;
    expect(session.tensorStats('', weight.name).stats.count).toBeGreaterThan(0);
  });
});
