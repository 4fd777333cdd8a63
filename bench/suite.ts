/** The benchmark suite behind `npm run bench`: parse, analysis, layout and browser open→ready times, as JSON. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '@nnlens/analysis';
import { attachExternalData, openModel } from '@nnlens/formats';
import { buildScopeTree, layoutGraph, makeSyntheticDenseNet } from '@nnlens/layout';
import type { Graph, Model } from '@nnlens/ir';
import { drawDiagram, type DiagramStyle } from '@nnlens/diagrams';
import { benchIngest } from '@nnlens/events-node';
import { tmpdir } from 'node:os';
import { benchBrowser } from './browser.js';
import { benchExplainCorpus } from './explain.js';
import { benchTrainingBrowser } from './training.js';

// npm runs scripts from the repository root; the corpus sits beside the repository.
const CORPUS = (process.env.NNLENS_CORPUS ?? join(process.cwd(), '../shared/corpus')) + '/';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Median wall time in ms of `runs` calls (after one warm-up). */
function median(fn: () => unknown, runs = RUNS): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)]!);
}

/** Median time of `fn` on a fresh input from `setup` each run (for work that mutates its input). */
function medianFresh<T>(setup: () => T, fn: (input: T) => unknown, runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const input = setup();
    const t0 = performance.now();
    fn(input);
    if (i > 0) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)]!);
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function bytesOf(path: string): Uint8Array {
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** Every group expanded (the "fully expanded" view). */
function allGroups(graph: Graph): Set<string> {
  return new Set(buildScopeTree(graph).groups.keys());
}

function layoutTimes(model: Model): { expandedMs: number; collapsedMs: number; items: number } {
  const tree = buildScopeTree(model.graph);
  const expanded = allGroups(model.graph);
  const hidden = (n: { op: string }): boolean => n.op === 'Constant';
  let items = 0;
  const expandedMs = median(() => {
    items = layoutGraph(model.graph, tree, { expanded, hidden }).items.length;
  }, 3);
  const collapsedMs = median(() => layoutGraph(model.graph, tree, { expanded: new Set(), hidden }), 3);
  return { expandedMs, collapsedMs, items };
}

function corpusModels(): string[] {
  const dirs = ['onnx', 'analyzer/onnx_graph_only', 'trained'];
  const files: string[] = [];
  for (const d of dirs) {
    const dir = join(CORPUS, d);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.onnx')) files.push(join(dir, f));
  }
  return files;
}

function benchModel(path: string): Record<string, unknown> {
  const bytes = bytesOf(path);
  const name = basename(path);
  let model!: Model;
  const parseMs = median(() => (model = openModel({ name, bytes })));
  const result: Record<string, unknown> = {
    file: path.slice(CORPUS.length),
    bytes: bytes.byteLength,
    nodes: model.graph.nodes.length,
    parseMs,
    parseMBps: round(bytes.byteLength / 1e6 / (parseMs / 1000), 0),
  };
  const dataPath = `${path}.data`;
  if (existsSync(dataPath)) {
    const data = bytesOf(dataPath);
    const total = bytes.byteLength + data.byteLength;
    const withDataMs = median(() => {
      const m = openModel({ name, bytes });
      attachExternalData(m, new Map([[basename(dataPath), data]]));
    });
    Object.assign(result, {
      externalDataBytes: data.byteLength,
      parseWithDataMs: withDataMs,
      parseWithDataMBps: round(total / 1e6 / (withDataMs / 1000), 0),
    });
  }
  result.analysisMs = medianFresh(
    () => openModel({ name, bytes }),
    (m) => analyze(m),
  );
  analyze(model);
  result.layout = layoutTimes(model);
  return result;
}

const STYLES: DiagramStyle[] = ['graph', 'lenet', 'alexnet', 'fcnn', 'layered', 'tikz'];

/** Draw time of every diagram style (after analysis) for the two big models of the issue. */
function benchDiagrams(): unknown {
  return [
    'analyzer/onnx_graph_only/densenet121.onnx',
    'onnx/transformer_encoder_24l_identical_layers.onnx',
  ].map((rel) => {
    const path = join(CORPUS, rel);
    const model = openModel({ name: basename(path), bytes: bytesOf(path) });
    const analysis = analyze(model);
    const ms: Record<string, number> = {};
    for (const style of STYLES) ms[style] = median(() => drawDiagram(model, analysis, { style }), 5);
    return { file: rel, drawMs: ms };
  });
}

async function main(): Promise<void> {
  const report: Record<string, unknown> = {
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  };
  if (!existsSync(CORPUS)) {
    report.corpus = `missing: ${CORPUS}`;
  } else {
    report.models = corpusModels().map(benchModel);
  }
  report.synthetic = [1000, 5000, 20000].map((n) => {
    const model = makeSyntheticDenseNet(n);
    return { requestedNodes: n, nodes: model.graph.nodes.length, ...layoutTimes(model) };
  });
  if (existsSync(CORPUS)) report.diagrams = benchDiagrams();
  if (existsSync(CORPUS) && process.env.BENCH_EXPLAIN !== '0')
    report.explain = await benchExplainCorpus(CORPUS);
  if (process.env.BENCH_EVENTS !== '0') {
    // ≥ 1 GB scalar-dense log dir, generated once with our SummaryWriter and kept in the temp folder.
    const dir = process.env.BENCH_LOGDIR ?? join(tmpdir(), 'nnlens-bench-logdir');
    report.eventIngestion = await benchIngest(dir, {
      targetBytes: Number(process.env.BENCH_EVENTS_BYTES ?? 1.1e9),
    });
  }
  if (process.env.BENCH_BROWSER !== '0') {
    report.browser = await benchBrowser(CORPUS);
    report.trainingChart = await benchTrainingBrowser();
  }
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}

await main();
