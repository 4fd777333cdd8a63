import { openModel } from '@nnlens/formats';
import { walkGraphs, type Graph, type Node } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../test/corpus.js';
import { checkLayout } from './check-layout.js';
import { constantNodes } from './constant-nodes.js';
import { layoutGraph } from './layout-graph.js';
import { buildScopeTree, type ScopeTree } from './scope-tree.js';

const MODELS = [
  'analyzer/onnx_graph_only/alexnet.onnx',
  'analyzer/onnx_graph_only/densenet121.onnx',
  'analyzer/onnx_graph_only/googlenet.onnx',
  'analyzer/onnx_graph_only/inception_v3.onnx',
  'analyzer/onnx_graph_only/lenet5.onnx',
  'analyzer/onnx_graph_only/mobilenet_v2.onnx',
  'analyzer/onnx_graph_only/mobilenet_v3_small.onnx',
  'analyzer/onnx_graph_only/resnet18.onnx',
  'analyzer/onnx_graph_only/resnet50.onnx',
  'analyzer/onnx_graph_only/squeezenet1_0.onnx',
  'analyzer/onnx_graph_only/squeezenet1_1.onnx',
  'analyzer/onnx_graph_only/vgg16.onnx',
  'analyzer/onnx_graph_only/vit_b_16.onnx',
  'onnx/control_flow_loop_if.onnx',
  'onnx/lenet5.onnx',
  'onnx/mobilenet_v2_dynamic_batch.onnx',
  'onnx/resnet18_external_data.onnx',
  'onnx/squeezenet1_1.onnx',
  'onnx/transformer_encoder_24l_identical_layers.onnx',
  'onnx/transformer_encoder_small_opset17.onnx',
  'third_party/onnx/onnx__onnx/onnx/backend/test/data/light/light_resnet50.onnx',
];

const cache = new Map<string, Graph>();
function load(rel: string): Graph {
  let g = cache.get(rel);
  if (!g) {
    g = openModel({ name: rel.split('/').pop()!, bytes: readCorpus(rel) }).graph;
    cache.set(rel, g);
  }
  return g;
}

function children(tree: ScopeTree, id: string): string[] {
  return (id ? tree.groups.get(id)! : tree.root).children.map((c) => c.label);
}

function runOf(tree: ScopeTree, id: string): number | undefined {
  return tree.groups.get(id)!.repeat?.count;
}

describeCorpus('corpus models: groups', () => {
  it('resnet18: layer1…layer4 with two blocks each; the first block of layers 2–4 downsamples', () => {
    const g = load('analyzer/onnx_graph_only/resnet18.onnx');
    const t = buildScopeTree(g);
    expect(children(t, '').filter((l) => l.startsWith('layer'))).toEqual([
      'layer1',
      'layer2',
      'layer3',
      'layer4',
    ]);
    const convs = (id: string): number => {
      let n = 0;
      const walk = (gr: NonNullable<ReturnType<typeof t.groups.get>>): void => {
        for (const i of gr.nodes) if (g.nodes[i]!.op === 'Conv') n++;
        gr.children.forEach(walk);
      };
      walk(t.groups.get(id)!);
      return n;
    };
    for (const k of [1, 2, 3, 4]) {
      expect(children(t, `layer${k}`)).toEqual([`layer${k}.0`, `layer${k}.1`]);
      expect(convs(`layer${k}/layer${k}.0`)).toBe(k === 1 ? 2 : 3);
      expect(convs(`layer${k}/layer${k}.1`)).toBe(2);
    }
    expect(runOf(t, 'layer1/layer1.0')).toBe(2);
    expect(runOf(t, 'layer2/layer2.0')).toBeUndefined();
  });

  it('densenet121: dense blocks of 6, 12, 24 and 16 repeated layers', () => {
    const t = buildScopeTree(load('analyzer/onnx_graph_only/densenet121.onnx'));
    expect(children(t, 'features').filter((l) => l.startsWith('denseblock'))).toEqual([
      'denseblock1',
      'denseblock2',
      'denseblock3',
      'denseblock4',
    ]);
    [6, 12, 24, 16].forEach((size, b) => {
      const layers = children(t, `features/denseblock${b + 1}`);
      expect(layers).toEqual(Array.from({ length: size }, (_, i) => `denselayer${i + 1}`));
      for (const l of layers) expect(runOf(t, `features/denseblock${b + 1}/${l}`)).toBe(size);
    });
  });

  it('transformer_encoder_24l: the 24 layers are one run of repeats despite weight aliases', () => {
    const t = buildScopeTree(load('onnx/transformer_encoder_24l_identical_layers.onnx'));
    const layers = children(t, 'encoder');
    expect(layers).toEqual(Array.from({ length: 24 }, (_, i) => `layers.${i}`));
    const reps = layers.map((l) => t.groups.get(`encoder/${l}`)!.repeat!);
    reps.forEach((r, i) => expect(r).toMatchObject({ index: i, count: 24, signature: reps[0]!.signature }));
  });

  it('vit_b_16: 12 repeated encoder layers', () => {
    const t = buildScopeTree(load('analyzer/onnx_graph_only/vit_b_16.onnx'));
    const layers = children(t, 'encoder/layers');
    expect(layers).toHaveLength(12);
    for (const l of layers) expect(runOf(t, `encoder/layers/${l}`)).toBe(12);
  });

  it('inception_v3 and googlenet: stacked Inception modules repeat, parallel branches do not', () => {
    const inc = buildScopeTree(load('analyzer/onnx_graph_only/inception_v3.onnx'));
    for (const m of ['Mixed_5b', 'Mixed_5c', 'Mixed_5d']) expect(runOf(inc, m)).toBe(3);
    for (const m of ['Mixed_6b', 'Mixed_6c', 'Mixed_6d', 'Mixed_6e']) expect(runOf(inc, m)).toBe(4);
    for (const m of ['Mixed_7b', 'Mixed_7c']) expect(runOf(inc, m)).toBe(2);
    expect(runOf(inc, 'Mixed_6a')).toBeUndefined();
    for (const b of ['branch1x1', 'branch5x5_1', 'branch_pool'])
      expect(runOf(inc, `Mixed_5b/${b}`)).toBeUndefined();
    const goo = buildScopeTree(load('analyzer/onnx_graph_only/googlenet.onnx'));
    for (const m of ['inception3a', 'inception3b', 'inception5a', 'inception5b'])
      expect(runOf(goo, m)).toBe(2);
    for (const m of ['inception4a', 'inception4b', 'inception4c', 'inception4d', 'inception4e'])
      expect(runOf(goo, m)).toBe(5);
  });

  it('two exports of one network get the same groups (weight aliases do not change the tree)', () => {
    for (const [a, b] of [
      ['analyzer/onnx_graph_only/resnet18.onnx', 'onnx/resnet18_external_data.onnx'],
      ['analyzer/onnx_graph_only/squeezenet1_1.onnx', 'onnx/squeezenet1_1.onnx'],
      ['analyzer/onnx_graph_only/mobilenet_v2.onnx', 'onnx/mobilenet_v2_dynamic_batch.onnx'],
    ] as const) {
      const ta = buildScopeTree(load(a));
      const tb = buildScopeTree(load(b));
      expect([...tb.groups.keys()].sort(), b).toEqual([...ta.groups.keys()].sort());
      const runs = (t: ScopeTree): string[] =>
        [...t.groups.values()]
          .filter((g) => g.repeat)
          .map((g) => `${g.id}×${g.repeat!.count}`)
          .sort();
      expect(runs(tb), b).toEqual(runs(ta));
    }
  });
});

interface ManifestEntry {
  path: string;
  node_count_top_level?: number;
}

describeCorpus('corpus models: layouts', () => {
  const manifest = new Map<string, ManifestEntry>();
  for (const f of readCorpusJson<{ files: ManifestEntry[] }>('MANIFEST.json').files) manifest.set(f.path, f);

  it.each(MODELS)(
    '%s: every node grouped once; collapsed, top-level and fully expanded layouts are sound',
    (rel) => {
      const g = load(rel);
      const tree = buildScopeTree(g);
      const expected = manifest.get(rel)?.node_count_top_level;
      if (expected !== undefined) expect(g.nodes.length).toBe(expected);
      expect(tree.root.nodeCount).toBe(g.nodes.length);
      const constant = constantNodes(g);
      const hidden = (n: Node): boolean => constant[n.index]!;
      const views = [
        new Set<string>(),
        new Set(tree.root.children.map((c) => c.id)),
        new Set(tree.groups.keys()),
      ];
      for (const expanded of views) {
        const l = layoutGraph(g, tree, { expanded, hidden });
        expect(checkLayout(l, { tree, avoidBoxes: true })).toEqual([]);
        if (expanded.size === tree.groups.size) {
          const shown = l.items.filter((i) => i.kind === 'node' && i.nodeIndex >= 0);
          expect(shown).toHaveLength(g.nodes.filter((n) => !hidden(n)).length);
          // One edge per (producer, consumer) pair of visible nodes.
          let pairs = 0;
          for (const n of g.nodes) {
            if (hidden(n)) continue;
            const from = new Set<number>();
            for (const v of n.inputs) if (v?.producer && !hidden(v.producer)) from.add(v.producer.index);
            pairs += from.size;
          }
          expect(l.edges.filter((e) => e.from.startsWith('node:') && e.to.startsWith('node:'))).toHaveLength(
            pairs,
          );
        }
      }
    },
  );

  it('densenet121 fully expanded lays out in well under 200 ms', () => {
    const g = load('analyzer/onnx_graph_only/densenet121.onnx');
    const tree = buildScopeTree(g);
    const expanded = new Set(tree.groups.keys());
    layoutGraph(g, tree, { expanded });
    const t0 = performance.now();
    layoutGraph(g, tree, { expanded });
    // Measured ~10 ms; the bound leaves room for a loaded machine.
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describeCorpus('corpus models: subgraphs', () => {
  it('control_flow_loop_if: Loop and If bodies lay out, with outer values entering as inputs', () => {
    const g = load('onnx/control_flow_loop_if.onnx');
    const subs: Graph[] = [];
    walkGraphs(g, (sub, depth) => {
      if (depth > 0) subs.push(sub);
    });
    // MANIFEST: 3 subgraphs, 17 nodes in all.
    expect(subs).toHaveLength(3);
    expect(subs.reduce((n, s) => n + s.nodes.length, g.nodes.length)).toBe(17);
    let outer = 0;
    for (const sub of subs) {
      const tree = buildScopeTree(sub);
      expect(tree.root.nodeCount).toBe(sub.nodes.length);
      const l = layoutGraph(sub, tree, { expanded: new Set(tree.groups.keys()) });
      expect(checkLayout(l, { tree, avoidBoxes: true })).toEqual([]);
      const declared = new Set(sub.inputs.map((v) => v.name));
      outer += l.items.filter(
        (i) => i.kind === 'node' && i.io === 'input' && !declared.has(i.valueName!),
      ).length;
      expect(l.items.filter((i) => i.kind === 'node' && i.nodeIndex >= 0)).toHaveLength(sub.nodes.length);
    }
    // The loop body reads the outer activations, so some body input is not a declared input.
    expect(outer).toBeGreaterThan(0);
  });
});

describe('corpus test list', () => {
  it('names files that exist in MANIFEST order', () => {
    expect(new Set(MODELS).size).toBe(MODELS.length);
  });
});
