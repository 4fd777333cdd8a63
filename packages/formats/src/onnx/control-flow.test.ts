// control_flow_loop_if.onnx: Loop and If bodies are reachable subgraphs with owners and outer-scope links.
import { countNodes, lookupValue, subgraphsOf, validate, walkGraphs, type Graph } from '@nnlens/ir';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../../test/corpus.js';
import { openModel } from '../index.js';

const PATH = 'onnx/control_flow_loop_if.onnx';

describeCorpus('control_flow_loop_if', () => {
  const facts = readCorpusJson<{ files: { path: string; [k: string]: unknown }[] }>(
    'MANIFEST.json',
  ).files.find((f) => f.path === PATH)!;
  const model = openModel({ name: 'control_flow_loop_if.onnx', bytes: readCorpus(PATH) });

  it('has the manifest node count, nesting depth and subgraph owners', () => {
    expect(facts.node_count_including_subgraphs).toBe(17);
    expect(countNodes(model.graph, true)).toBe(facts.node_count_including_subgraphs);
    let depth = 0;
    walkGraphs(model.graph, (_, d) => (depth = Math.max(depth, d)));
    expect(depth).toBe(facts.subgraph_max_nesting_depth);
    expect(depth).toBe(2);
  });

  it('Loop body and If branches have the right owner node and attribute', () => {
    const loop = model.graph.nodes.find((n) => n.op === 'Loop')!;
    const [body] = subgraphsOf(loop);
    expect(body!.owner).toEqual({ node: loop, attribute: 'body' });
    const iff = body!.nodes.find((n) => n.op === 'If')!;
    const branches = subgraphsOf(iff);
    expect(branches.map((b) => b.owner!.attribute).sort()).toEqual(['else_branch', 'then_branch']);
    for (const b of branches) expect(b.owner!.node).toBe(iff);
    // Loop body signature: (iteration, cond, carried) → (cond, carried).
    expect(body!.inputs).toHaveLength(3);
    expect(body!.outputs).toHaveLength(2);
  });

  it('subgraph nodes read outer-scope values as the outer Value objects', () => {
    let outerRefs = 0;
    walkGraphs(model.graph, (g: Graph) => {
      for (const node of g.nodes) {
        for (const input of node.inputs) {
          if (!input) continue;
          expect(lookupValue(g, input.name)).toBe(input);
          if (!g.values.has(input.name)) {
            outerRefs++;
            expect(g.owner).toBeDefined();
            expect(input.consumers).toContain(node);
          }
        }
      }
    });
    expect(outerRefs).toBeGreaterThan(0);
    expect(validate(model)).toEqual([]);
  });
});
