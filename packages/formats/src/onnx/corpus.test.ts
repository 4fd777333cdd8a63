// Every ONNX file of the shared corpus opens and matches the facts measured by onnx/torch (MANIFEST.json, flops_params.json).
import {
  countNodes,
  tensorByteSize,
  tensorElementCount,
  validate,
  walkGraphs,
  type DType,
  type Model,
} from '@nnlens/ir';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../../test/corpus.js';
import { externalDataFiles, openModel } from '../index.js';

interface IoFact {
  name: string;
  elem_type: string;
  shape: (number | string | null)[] | null;
}
interface ManifestEntry {
  path: string;
  format?: string;
  ir_version: number;
  producer_name: string;
  producer_version: string;
  opset_import: Record<string, number>;
  graph_name: string;
  node_count_top_level: number;
  node_count_including_subgraphs: number;
  subgraph_count: number;
  subgraph_count_by_owner_op: Record<string, number>;
  subgraph_max_nesting_depth: number;
  op_histogram_top_level: Record<string, number>;
  op_histogram_including_subgraphs: Record<string, number>;
  initializer_count: number;
  subgraph_initializer_count: number;
  initializer_numel_total: number;
  initializer_dtype_histogram: Record<string, number>;
  initializers_stored_externally: number;
  external_data_files: string[];
  graph_inputs: IoFact[];
  graph_outputs: IoFact[];
  sparse_initializer_count: number;
  function_count: number;
  metadata_props: Record<string, string>;
  doc_string_present: boolean;
}
interface AnalyzerModel {
  model: string;
  onnx_graph: {
    ir_version: number;
    opset: [string, number][];
    producer: string;
    nodes: number;
    op_histogram: Record<string, number>;
    initializers: number;
    initializer_float_elems: number;
  };
}

// ONNX's upper-case element type names, as the manifest spells them (a naming convention, not a result).
const ONNX_NAME: Partial<Record<DType, string>> = {
  float32: 'FLOAT',
  float64: 'DOUBLE',
  float16: 'FLOAT16',
  int64: 'INT64',
  int32: 'INT32',
  int8: 'INT8',
  uint8: 'UINT8',
  bool: 'BOOL',
  string: 'STRING',
};

function histogram(items: string[]): Record<string, number> {
  const h: Record<string, number> = {};
  for (const k of items) h[k] = (h[k] ?? 0) + 1;
  return h;
}

function ops(model: Model, includeSubgraphs: boolean): string[] {
  const out: string[] = [];
  walkGraphs(model.graph, (g, depth) => {
    if (includeSubgraphs || depth === 0) for (const n of g.nodes) out.push(n.op);
  });
  return out;
}

function opsets(model: Model): Record<string, number> {
  return Object.fromEntries(model.opsetImports.map((o) => [o.domain || 'ai.onnx', o.version]));
}

function open(path: string): Model {
  return openModel({ name: path.split('/').pop()!, bytes: readCorpus(path) });
}

const manifest = readCorpusJsonSafe<{ files: ManifestEntry[] }>('MANIFEST.json')?.files ?? [];
const onnxEntries = manifest.filter((f) => f.format === 'onnx' && f.path.endsWith('.onnx'));
const analyzer = readCorpusJsonSafe<{ models: AnalyzerModel[] }>('analyzer/flops_params.json')?.models ?? [];

function readCorpusJsonSafe<T>(rel: string): T | null {
  try {
    return readCorpusJson<T>(rel);
  } catch {
    return null;
  }
}

describeCorpus('ONNX corpus files match MANIFEST.json', () => {
  it('covers the manifest ONNX files of onnx/, third_party/onnx/ and trained/', () => {
    const dirs = new Set(onnxEntries.map((e) => e.path.split('/')[0]));
    expect([...dirs].sort()).toEqual(['onnx', 'third_party', 'trained']);
    expect(onnxEntries.length).toBeGreaterThanOrEqual(10);
  });

  it.each(onnxEntries.map((e) => [e.path, e] as const))('%s', (path, e) => {
    const model = open(path);
    expect(model.format).toBe('onnx');
    expect(model.formatVersion).toBe(`ONNX v${e.ir_version}`);
    expect(model.producer).toBe(e.producer_name);
    expect(model.producerVersion).toBe(e.producer_version);
    expect(opsets(model)).toEqual(e.opset_import);
    expect(model.graph.name).toBe(e.graph_name);
    expect(model.metadata).toEqual(e.metadata_props);
    expect(model.docString !== '').toBe(e.doc_string_present);
    expect(model.functions.length).toBe(e.function_count);

    expect(countNodes(model.graph)).toBe(e.node_count_top_level);
    expect(countNodes(model.graph, true)).toBe(e.node_count_including_subgraphs);
    expect(histogram(ops(model, false))).toEqual(e.op_histogram_top_level);
    expect(histogram(ops(model, true))).toEqual(e.op_histogram_including_subgraphs);

    // Subgraphs: count, owners, depth, and their (absent) initializers.
    const owners: string[] = [];
    let maxDepth = 0;
    let subInits = 0;
    walkGraphs(model.graph, (g, depth) => {
      maxDepth = Math.max(maxDepth, depth);
      if (g.owner) {
        owners.push(g.owner.node.op);
        subInits += g.initializers.size;
      }
    });
    expect(owners.length).toBe(e.subgraph_count);
    expect(histogram(owners)).toEqual(e.subgraph_count_by_owner_op);
    expect(maxDepth).toBe(e.subgraph_max_nesting_depth);
    expect(subInits).toBe(e.subgraph_initializer_count);

    const inits = [...model.graph.initializers.values()];
    expect(inits.length).toBe(e.initializer_count + e.sparse_initializer_count);
    expect(inits.reduce((n, t) => n + tensorElementCount(t), 0)).toBe(e.initializer_numel_total);
    expect(histogram(inits.map((t) => ONNX_NAME[t.dtype] ?? t.dtype))).toEqual(e.initializer_dtype_histogram);
    expect(inits.filter((t) => t.storage.kind === 'external').length).toBe(e.initializers_stored_externally);
    expect(externalDataFiles(model)).toEqual(e.external_data_files);

    const io = (vs: Model['graph']['inputs']): IoFact[] =>
      vs.map((v) => ({ name: v.name, elem_type: ONNX_NAME[v.dtype] ?? v.dtype, shape: v.shape }));
    expect(io(model.graph.inputs)).toEqual(e.graph_inputs);
    expect(io(model.graph.outputs)).toEqual(e.graph_outputs);
    for (const v of [...model.graph.inputs, ...model.graph.outputs]) expect(v.shapeSource).toBe('file');

    expect(validate(model)).toEqual([]);
    // Only the external-data file may be reported; nothing else in these well-formed files.
    expect(model.warnings.filter((w) => !/external data/.test(w))).toEqual([]);
  });
});

describeCorpus('analyzer graph-only ONNX files match flops_params.json', () => {
  it('has all 13 models', () => {
    expect(analyzer.length).toBe(13);
  });

  it.each(analyzer.map((m) => [m.model, m] as const))('%s', (name, m) => {
    const model = open(`analyzer/onnx_graph_only/${name}.onnx`);
    const g = m.onnx_graph;
    expect(model.formatVersion).toBe(`ONNX v${g.ir_version}`);
    expect(`${model.producer} ${model.producerVersion}`).toBe(g.producer);
    expect(opsets(model)).toEqual(Object.fromEntries(g.opset));
    expect(countNodes(model.graph, true)).toBe(g.nodes);
    expect(histogram(ops(model, true))).toEqual(g.op_histogram);
    const inits = [...model.graph.initializers.values()];
    expect(inits.length).toBe(g.initializers);
    const floatElems = inits
      .filter((t) => t.dtype === 'float32')
      .reduce((n, t) => n + tensorElementCount(t), 0);
    expect(floatElems).toBe(g.initializer_float_elems);
    // strip_onnx.py (flops_params.md) moved every initializer of >= 1 KiB (onnx size_threshold) to the absent '<model>.weights.bin':
    // those stay external with their dims known, the rest keep their inline bytes; one clear warning.
    for (const t of inits) {
      const size = tensorByteSize(t);
      if (size >= 1024)
        expect(t.storage).toMatchObject({ kind: 'external', location: `${name}.weights.bin` });
      else expect(t.storage.kind === 'raw' && t.storage.bytes.byteLength).toBe(size);
    }
    expect(externalDataFiles(model)).toEqual([`${name}.weights.bin`]);
    expect(model.warnings).toHaveLength(1);
    expect(model.warnings[0]).toContain(`${name}.weights.bin`);
    expect(validate(model)).toEqual([]);
  });
});

describeCorpus('other corpus ONNX files', () => {
  it('explain/reference/tinyvgg/model.onnx opens and validates', () => {
    const model = open('explain/reference/tinyvgg/model.onnx');
    expect(validate(model)).toEqual([]);
    expect(model.graph.inputs.map((v) => [v.name, v.shape])).toEqual([['input', ['batch', 3, 64, 64]]]);
  });
});
