import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../../test/corpus.js';
import { ModelSession } from '../worker/session.js';
import { hitTest } from './hit-test.js';
import { GROUP_HEADER, buildScene } from './scene.js';

function view(rel: string) {
  return ModelSession.open(rel, readCorpus(rel), new Map()).result.view.graph;
}

describe('scene', () => {
  it('exists as a module with a header height matching the layout frames', () => {
    expect(GROUP_HEADER).toBe(24);
  });
});

describeCorpus('scene of real models', () => {
  it('indexes every drawn node and joins edges to their ends', () => {
    const g = view('onnx/squeezenet1_1.onnx');
    const scene = buildScene(g, g.layout);
    const opItems = g.layout.items.filter((i) => i.kind === 'node' && i.nodeIndex >= 0).length;
    const collapsed = g.layout.items.filter((i) => i.kind === 'group' && !i.expanded).length;
    expect(scene.drawnNodeCount).toBe(opItems + collapsed);
    expect(scene.nodes.filter((n) => n.kind === 'input')).toHaveLength(g.inputs.length);
    for (const [i, n] of scene.nodes.entries()) {
      if (n.nodeIndex >= 0) expect(scene.nodeByGraphIndex.get(n.nodeIndex)).toBe(i);
    }
    const conv = scene.nodes.find((n) => n.kind === 'op' && n.lines[0] === 'Conv')!;
    expect(conv.lines.length).toBe(3);
    expect(scene.edgesOf.get(conv.id)!.length).toBeGreaterThanOrEqual(2);
    expect(scene.edges.every((e) => e.points.length >= 4)).toBe(true);
  });

  it('hit-tests nodes, and group headers only in their header band', () => {
    const g = view('onnx/squeezenet1_1.onnx');
    const scene = buildScene(g, g.layout);
    const n = scene.nodes.find((x) => x.kind === 'op')!;
    expect(hitTest(scene, n.x + n.w / 2, n.y + n.h / 2)).toEqual({
      kind: 'node',
      index: scene.nodes.indexOf(n),
    });
    const frame = scene.groups.find((x) => x.expanded);
    if (frame) {
      const hit = hitTest(scene, frame.x + 4, frame.y + 4);
      expect(hit?.kind).toBe('group');
      expect(hitTest(scene, frame.x + 2, frame.y + frame.h - 2)).toBeNull();
    }
    expect(hitTest(scene, -1000, -1000)).toBeNull();
  });
});
