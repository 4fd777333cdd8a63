// Every Caffe prototxt of the shared corpus opens, validates and analyzes; third-party files match MANIFEST.json.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '@nnlens/analysis';
import { validate } from '@nnlens/ir';
import { expect, it } from 'vitest';
import { corpusPath, describeCorpus, readCorpus, readCorpusJson } from '../../../../test/corpus.js';
import { openModel } from '../index.js';
import { INPUT_LAYERS } from './layers/data.js';
import { canonicalType } from './layer-types.js';
import { readNet } from './net.js';
import { parseTextFormat } from './text-parser.js';

interface CaffeFact {
  path: string;
  net_name: string | null;
  layer_field: string;
  layer_count: number;
  layer_type_histogram: Record<string, number>;
  layer_names_first5: string[];
  layer_names_last3: string[];
  net_inputs: string[];
  net_input_dims: number[];
}

function prototxts(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.prototxt')) out.push(relative(corpusPath(''), join(d, e.name)));
    }
  };
  walk(corpusPath(dir));
  return out.sort();
}

const MAC_OPS = new Set(['Conv', 'ConvTranspose', 'Gemm']);

describeCorpus('Caffe corpus', () => {
  const files = [...prototxts('caffe'), ...prototxts('third_party/caffe')];
  const facts = new Map(
    readCorpusJson<{ files: CaffeFact[] }>('MANIFEST.json')
      .files.filter((f) => (f as { format?: string }).format === 'caffe_prototxt')
      .map((f) => [f.path, f]),
  );

  it('finds the 34 presets and the 5 third-party deploy files', () => {
    expect(files.filter((f) => f.startsWith('caffe/'))).toHaveLength(34);
    expect(files.filter((f) => f.startsWith('third_party/'))).toHaveLength(5);
    expect(facts.size).toBe(5);
  });

  it.each(files)('%s opens, validates and every MAC layer gets shapes and costs', (path) => {
    const model = openModel({ name: path.split('/').pop()!, bytes: readCorpus(path) });
    expect(model.format).toBe('caffe');
    expect(validate(model)).toEqual([]);
    const a = analyze(model);
    expect(a.unresolved.filter((n) => MAC_OPS.has(n.op)).map((n) => n.name)).toEqual([]);
    for (const n of model.graph.nodes)
      if (MAC_OPS.has(n.op)) expect(a.nodeCosts.get(n)!.macs, n.name).toBeGreaterThan(0);
    // Every computing layer is a node of the same name.
    const net = readNet(parseTextFormat(new TextDecoder().decode(readCorpus(path))));
    const names = new Set(model.graph.nodes.map((n) => n.name));
    for (const l of net.layers) {
      const type = canonicalType(l.type);
      if (!INPUT_LAYERS.has(type) && type !== 'Split') expect(names.has(l.name), l.name).toBe(true);
    }
  });

  it.each([...facts.values()].map((f) => [f.path, f] as const))('%s matches MANIFEST.json', (path, fact) => {
    const text = new TextDecoder().decode(readCorpus(path));
    const net = readNet(parseTextFormat(text));
    expect(net.name || null).toBe(fact.net_name);
    expect(net.layerField).toBe(fact.layer_field);
    const names = net.layers.map((l) => l.name);
    expect(names.length).toBe(fact.layer_count);
    expect(names.slice(0, 5)).toEqual(fact.layer_names_first5);
    expect(names.slice(-3)).toEqual(fact.layer_names_last3);
    const hist: Record<string, number> = {};
    for (const l of net.layers) hist[l.type] = (hist[l.type] ?? 0) + 1;
    expect(hist).toEqual(fact.layer_type_histogram);

    const model = openModel({ name: 'deploy.prototxt', bytes: readCorpus(path) });
    expect(model.graph.inputs.map((v) => v.name)).toEqual(fact.net_inputs);
    expect(model.graph.inputs[0]!.shape).toEqual(fact.net_input_dims);
    expect(model.metadata['caffe.layers']).toBe(String(fact.layer_count));
  });
});
