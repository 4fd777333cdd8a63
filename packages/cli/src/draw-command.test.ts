// `nnlens draw` end to end: every style on the golden models to PNG (kept in artifacts/diagrams/ for a
// human to look at), spec files, TikZ, and the errors a user meets.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusPath, describeCorpus } from '../../../test/corpus.js';
import { isSpecFile, runDraw } from './draw-command.js';

const ART = fileURLToPath(new URL('../../../artifacts/diagrams/', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../diagrams/examples/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'nnlens-draw-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

const MODELS: Record<string, string> = {
  lenet5: 'analyzer/onnx_graph_only/lenet5.onnx',
  alexnet: 'analyzer/onnx_graph_only/alexnet.onnx',
  resnet18: 'analyzer/onnx_graph_only/resnet18.onnx',
  googlenet: 'analyzer/onnx_graph_only/googlenet.onnx',
  densenet121: 'analyzer/onnx_graph_only/densenet121.onnx',
  transformer_small: 'onnx/transformer_encoder_small_opset17.onnx',
  transformer_24l: 'onnx/transformer_encoder_24l_identical_layers.onnx',
};

describeCorpus('nnlens draw on the golden models', () => {
  mkdirSync(ART, { recursive: true });
  for (const [name, file] of Object.entries(MODELS)) {
    it(`${name}: every SVG style renders to a PNG with text (artifacts/diagrams/${name}-*.png)`, async () => {
      for (const style of ['graph', 'lenet', 'alexnet', 'fcnn', 'layered']) {
        const out = join(ART, `${name}-${style}.png`);
        expect(await runDraw(corpusPath(file), { style, output: out, dpi: 144 })).toBe(0);
        const [w, h] = pngSize(out);
        expect(w).toBeGreaterThan(200);
        expect(h).toBeGreaterThan(100);
      }
    });
  }

  it('a higher DPI gives a proportionally larger PNG; --transparent keeps alpha', async () => {
    const a = join(tmp, 'a.png');
    const b = join(tmp, 'b.png');
    await runDraw(corpusPath(MODELS.lenet5!), { style: 'lenet', output: a, dpi: 96 });
    await runDraw(corpusPath(MODELS.lenet5!), { style: 'lenet', output: b, dpi: 192, transparent: true });
    const [wa] = pngSize(a);
    const [wb] = pngSize(b);
    expect(Math.abs(wb - 2 * wa)).toBeLessThanOrEqual(2);
    expect(readFileSync(b)[25]).toBe(6); // colour type 6: RGBA
  });

  it('writes TikZ for -o *.tex and applies style options from -O', async () => {
    const tex = join(tmp, 'r18.tex');
    expect(await runDraw(corpusPath(MODELS.resnet18!), { output: tex, option: ['sumBalls=false'] })).toBe(0);
    const text = readFileSync(tex, 'utf8');
    expect(text).toContain('\\begin{tikzpicture}');
    expect(text).not.toContain('\\nnSum{');
  });

  it('fails with the option and the expected values', async () => {
    await expect(
      runDraw(corpusPath(MODELS.lenet5!), {
        style: 'lenet',
        option: ['mapSpacing=99'],
        output: join(tmp, 'x.svg'),
      }),
    ).rejects.toThrow('invalid mapSpacing: 99 (expected a number ≥ 1 ≤ 40)');
    await expect(runDraw(corpusPath(MODELS.lenet5!), { style: 'cubist' })).rejects.toThrow(
      /--style cubist: expected one of graph, lenet/,
    );
    await expect(
      runDraw(corpusPath(MODELS.lenet5!), { style: 'lenet', output: join(tmp, 'x.pdf') }),
    ).rejects.toThrow(/PDF is not written directly/);
  });
});

describe('nnlens draw on spec files', () => {
  it('recognises specs by extension and content', () => {
    expect(isSpecFile('net.yaml')).toBe(true);
    expect(isSpecFile('net.json', '{"layers": []}')).toBe(true);
    expect(isSpecFile('model.json', '{"format": "layers-model", "modelTopology": {}}')).toBe(false);
    expect(isSpecFile('model.onnx')).toBe(false);
  });

  it('draws the LeNet-5 spec in every style', async () => {
    mkdirSync(ART, { recursive: true });
    for (const style of ['graph', 'lenet', 'alexnet', 'fcnn', 'layered']) {
      const out = join(ART, `spec-lenet5-${style}.png`);
      expect(await runDraw(join(EXAMPLES, 'lenet5.yaml'), { style, output: out })).toBe(0);
      pngSize(out);
    }
    const tex = join(tmp, 'spec.tex');
    await runDraw(join(EXAMPLES, 'resnet-block.json'), { style: 'tikz', output: tex });
    expect(readFileSync(tex, 'utf8')).toContain('\\draw[skip] (L2-north)');
  });

  it('a bad spec names file, line and field', async () => {
    const bad = join(tmp, 'bad.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      bad,
      'layers:\n  - {type: input, shape: [1, 8, 8]}\n  - {type: conv, filters: -2, kernel: 3}\n',
    );
    await expect(runDraw(bad, { style: 'lenet', output: join(tmp, 'bad.svg') })).rejects.toThrow(
      'bad.yaml:3:27: layers[1].filters: expected a positive integer, got -2',
    );
  });
});
