import { describe, expect, it } from 'vitest';
import { buildScene } from '../canvas/scene.js';
import { describeCorpus, readCorpus } from '../../../../test/corpus.js';
import { ModelSession } from '../worker/session.js';
import { sceneToSvg } from './svg.js';
import { pngScale, PNG_MAX_PIXELS, PNG_MAX_SIDE } from './png.js';

/** Minimal well-formedness check: every opened element is closed in order. */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]!);
  }
  return stack.length === 0;
}

describe('pngScale', () => {
  it('is 2× for normal graphs and shrinks within the side and area caps', () => {
    expect(pngScale(1000, 800)).toBe(2);
    expect(pngScale(1000, 40000) * 40000).toBeLessThanOrEqual(PNG_MAX_SIDE);
    const s = pngScale(12000, 12000);
    expect(12000 * s * 12000 * s).toBeLessThanOrEqual(PNG_MAX_PIXELS * 1.0001);
  });
});

describeCorpus('sceneToSvg', () => {
  it('writes a well-formed document with a node element per box and escaped text', () => {
    const rel = 'onnx/control_flow_loop_if.onnx';
    const g = ModelSession.open(rel, readCorpus(rel), new Map()).result.view.graph;
    const scene = buildScene(g, g.layout);
    const svg = sceneToSvg(scene, 'a <model> & "more"');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(balanced(svg)).toBe(true);
    expect(svg.match(/<g class="node /g)).toHaveLength(scene.nodes.length);
    expect(svg.match(/<path class="edge"/g)?.length).toBe(scene.edges.length);
    expect(svg).toContain('<title>a &lt;model&gt; &amp; &quot;more&quot;</title>');
    expect(svg).toContain('>Loop</text>');
    expect(svg).not.toMatch(/\d\.\d{4,}/);
  });
});
