// Golden figures: every style on seven real models, compared with committed files under __snapshots__/.
// A mismatch writes `<name>-changed.svg` (or .tex) beside the golden file for visual diffing;
// NNLENS_UPDATE_SNAPSHOTS=1 (or a missing golden) rewrites the golden file.
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { analyze } from '@nnlens/analysis';
import { openModel } from '@nnlens/formats';
import type { Model } from '@nnlens/ir';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../test/corpus.js';
import { drawDiagram, STYLES, type DrawOptions } from './draw.js';
import { clippedTexts, overlappingTexts } from './testing/svg-inspect.js';

/** The models of the golden set (corpus paths). */
export const GOLDEN_MODELS: Record<string, string> = {
  lenet5: 'analyzer/onnx_graph_only/lenet5.onnx',
  alexnet: 'analyzer/onnx_graph_only/alexnet.onnx',
  resnet18: 'analyzer/onnx_graph_only/resnet18.onnx',
  googlenet: 'analyzer/onnx_graph_only/googlenet.onnx',
  densenet121: 'analyzer/onnx_graph_only/densenet121.onnx',
  transformer_small: 'onnx/transformer_encoder_small_opset17.onnx',
  transformer_24l: 'onnx/transformer_encoder_24l_identical_layers.onnx',
};

const DIR = new URL('./__snapshots__/', import.meta.url);

function matchFileSnapshot(actual: string, name: string): void {
  mkdirSync(DIR, { recursive: true });
  const golden = new URL(name, DIR);
  const changed = new URL(name.replace(/\.(svg|tex)$/, '-changed.$1'), DIR);
  if (!existsSync(golden) || process.env.NNLENS_UPDATE_SNAPSHOTS === '1') {
    writeFileSync(golden, actual);
    rmSync(changed, { force: true });
    return;
  }
  const expected = readFileSync(golden, 'utf8');
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect.fail(`${name} differs from its golden file; see ${changed.pathname}`);
}

describeCorpus('golden figures', () => {
  const models = new Map<string, { model: Model; analysis: ReturnType<typeof analyze> }>();
  const load = (key: string) => {
    let m = models.get(key);
    if (!m) {
      const model = openModel({ name: GOLDEN_MODELS[key]!, bytes: readCorpus(GOLDEN_MODELS[key]!) });
      models.set(key, (m = { model, analysis: analyze(model) }));
    }
    return m;
  };
  for (const key of Object.keys(GOLDEN_MODELS)) {
    for (const style of STYLES) {
      it(`${key} in the ${style} style matches its golden file, with no overlapping or clipped label`, () => {
        const { model, analysis } = load(key);
        const out = drawDiagram(model, analysis, { style } as DrawOptions);
        matchFileSnapshot(out, `${key}-${style}.${style === 'tikz' ? 'tex' : 'svg'}`);
        if (style === 'tikz') return;
        expect(overlappingTexts(out).map(([a, b]) => `${a.text} / ${b.text}`)).toEqual([]);
        expect(clippedTexts(out).map((t) => t.text)).toEqual([]);
      });
    }
  }
});
