/** The worker's state for one opened model: parse → analyze → scope tree → layout, and answers on demand. */
import type { Graph, Model, Tensor } from '@nnlens/ir';
import { canvasMeasure, nodeBoxSize, nodeLines, shapeText } from '../shared/node-metrics.js';
import type { WorkerResults } from '../shared/protocol.js';
import { defaultExpanded } from './default-expanded.js';
import {
  analyze,
  attachExternalData,
  buildScopeTree,
  externalDataFiles,
  layoutGraph,
  makeSyntheticDenseNet,
  openModel,
  type ModelAnalysis,
  type ScopeTree,
} from './engine.js';
import { WorkerError } from './errors.js';
import { resolveGraph } from './graph-path.js';
import { encodeNpy } from './npy.js';
import { summarizeNode } from './node-summary.js';
import { tensorStats } from './tensor-stats.js';
import { buildGraphView, layoutView, modelInfoView, totalsView } from './view-builder.js';
import { constantTensor, isWeightPlumbing } from './weights.js';

interface GraphState {
  graph: Graph;
  tree: ScopeTree;
  hidden: boolean[];
  sizes: { width: number; height: number }[];
}

const now = (): number => performance.now();

/** A new session and the page's first view of it. */
type Opened = { session: ModelSession; result: WorkerResults['open'] };
// One measurer per worker: its cache makes repeated ops (Conv, Relu, …) cost one measurement each.
let measure: ReturnType<typeof canvasMeasure> | null = null;

/** One opened model. */
export class ModelSession {
  private readonly graphs = new Map<string, GraphState>();
  private constructor(
    private readonly model: Model,
    private readonly analysis: ModelAnalysis,
  ) {}

  /** Opens bytes (plus sidecar files) and returns the page's view of the main graph. */
  static open(name: string, bytes: Uint8Array, sidecars: Map<string, Uint8Array>): Opened {
    const t0 = now();
    const model = openModel({ name, bytes, sidecars });
    const warnings: string[] = [];
    const external = externalDataFiles(model);
    const present = new Map([...sidecars].filter(([k]) => external.includes(k)));
    if (present.size) warnings.push(...attachExternalData(model, present));
    return ModelSession.fromModel(model, name, bytes.byteLength, external, warnings, now() - t0);
  }

  /** A generated DenseNet-like model of about `nodes` nodes. */
  static synthetic(nodes: number): Opened {
    const t0 = now();
    const model = makeSyntheticDenseNet(nodes);
    return ModelSession.fromModel(model, `synthetic-densenet-${nodes}`, 0, [], [], now() - t0);
  }

  private static fromModel(
    model: Model,
    name: string,
    fileBytes: number,
    external: string[],
    warnings: string[],
    parseMs: number,
  ): Opened {
    const t1 = now();
    const analysis = analyze(model);
    const t2 = now();
    const session = new ModelSession(model, analysis);
    const state = session.state('');
    const t3 = now();
    const expanded = defaultExpanded(state.tree.root, (i) => state.hidden[i]!);
    const layout = session.layoutOf(state, expanded);
    const t4 = now();
    const graph = buildGraphView(model, state.graph, '', analysis, state.tree, layout);
    const view = {
      info: modelInfoView(model, name, fileBytes, external, [...warnings, ...analysis.warnings]),
      totals: totalsView(analysis),
      graph,
    };
    const t5 = now();
    return {
      session,
      result: {
        view,
        timings: { parse: parseMs, analyze: t2 - t1, tree: t3 - t2, layout: t4 - t3, view: t5 - t4 },
      },
    };
  }

  private state(path: string): GraphState {
    let s = this.graphs.get(path);
    if (!s) {
      let graph: Graph;
      try {
        graph = resolveGraph(this.model, path);
      } catch (e) {
        throw new WorkerError((e as Error).message, 'internal');
      }
      const tree = buildScopeTree(graph);
      const hidden = graph.nodes.map(isWeightPlumbing);
      measure ??= canvasMeasure();
      const sizes = graph.nodes.map((n) => {
        const out = n.outputs.find((v) => v !== null);
        return nodeBoxSize(nodeLines(n.op, summarizeNode(n), out ? shapeText(out.shape) : ''), measure!);
      });
      s = { graph, tree, hidden, sizes };
      this.graphs.set(path, s);
    }
    return s;
  }

  private layoutOf(s: GraphState, expanded: Set<string>) {
    const layout = layoutGraph(s.graph, s.tree, {
      expanded,
      hidden: (n) => s.hidden[n.index]!,
      nodeSize: (n) => s.sizes[n.index]!,
    });
    return layoutView(layout, expanded);
  }

  /** Re-lays out a graph for a new set of expanded groups. */
  layout(path: string, expanded: string[]): WorkerResults['layout'] {
    const t0 = now();
    const layout = this.layoutOf(this.state(path), new Set(expanded));
    return { layout, ms: now() - t0 };
  }

  /** The view of a subgraph (or the main graph), with its default expansion. */
  graph(path: string): WorkerResults['graph'] {
    const s = this.state(path);
    const expanded = defaultExpanded(s.tree.root, (i) => s.hidden[i]!);
    return {
      graph: buildGraphView(this.model, s.graph, path, this.analysis, s.tree, this.layoutOf(s, expanded)),
    };
  }

  private tensor(path: string, valueName: string): Tensor {
    const g = this.state(path).graph;
    let v = g.values.get(valueName);
    for (let p = g.owner?.node.graph; !v && p; p = p.owner?.node.graph) v = p.values.get(valueName);
    const t = v ? constantTensor(v) : null;
    if (!t) throw new WorkerError(`'${valueName}' is not a constant tensor of graph '${g.name}'`, 'internal');
    const s = t.storage;
    if (s.kind === 'external') {
      throw new WorkerError(
        `'${t.name}' is stored in the external file '${s.location}', which is not loaded`,
        'data',
        s.location,
      );
    }
    if (s.kind === 'none')
      throw new WorkerError(`'${t.name}' has no data in this file (structure only)`, 'data');
    return t;
  }

  /** Statistics of a weight's values. */
  tensorStats(path: string, valueName: string): WorkerResults['tensorStats'] {
    const t = this.tensor(path, valueName);
    try {
      return { stats: tensorStats(t) };
    } catch (e) {
      throw new WorkerError(`cannot read '${t.name}': ${(e as Error).message}`, 'data');
    }
  }

  /** A weight as `.npy` bytes. */
  tensorNpy(path: string, valueName: string): WorkerResults['tensorNpy'] {
    const t = this.tensor(path, valueName);
    const bytes = encodeNpy(t);
    const copy = bytes.slice().buffer;
    return { bytes: copy, fileName: `${t.name.replace(/[^\w.-]+/g, '_') || 'tensor'}.npy` };
  }

  /** The model and its analysis, for drawing diagrams (worker/diagram.ts). */
  diagramSource(): { model: Model; analysis: ModelAnalysis } {
    return { model: this.model, analysis: this.analysis };
  }

  /** Attaches external-data files the page fetched; returns warnings (e.g. a short file). */
  attachData(files: Map<string, Uint8Array>): WorkerResults['attachData'] {
    return { warnings: attachExternalData(this.model, files) };
  }
}
