/** The page-side state of the Model page: what is open, what is shown, what is selected; talks to the worker. */
import type { GraphView, ModelView, TensorStatsView } from '../shared/view-model.js';
import { recordTimings, setPageState } from './readiness.js';
import {
  bytesFromFiles,
  bytesFromServer,
  bytesFromUrl,
  type ModelBytes,
  type ServerModel,
} from './sources.js';
import { WorkerCallError, sharedClient, type WorkerClient } from './worker-client.js';
import { takeEarlyOpen } from './early-open.js';
import { startOpen, type OpenJob } from './open-job.js';

/** What the page is doing. */
export type LoadStatus =
  | { kind: 'idle' }
  | { kind: 'loading'; name: string; step: string }
  | { kind: 'error'; name: string; title: string; message: string }
  | { kind: 'ready' };

/** The selection: a node, or a graph input/output value. */
export type Selection = { kind: 'node'; index: number } | { kind: 'value'; index: number } | null;

/** Everything the Model page renders from. */
export interface ModelState {
  status: LoadStatus;
  model: ModelView | null;
  graph: GraphView | null;
  selection: Selection;
  /** Bumped on each new layout; `keepView` says whether the canvas should keep its viewport. */
  layoutVersion: number;
  keepView: boolean;
  /** A node to centre once its layout is drawn. */
  reveal: number | null;
  /** Anchor for re-layout: group whose box should stay in place. */
  anchorGroup: string | null;
}

/** When this module (the app) started, relative to navigation start. */
const BOOT_AT = performance.now();

const INITIAL: ModelState = {
  status: { kind: 'idle' },
  model: null,
  graph: null,
  selection: null,
  layoutVersion: 0,
  keepView: false,
  reveal: null,
  anchorGroup: null,
};

/** Ancestor group ids of a node, root excluded, outermost first. */
export function ancestorsOf(graph: GraphView, node: number): string[] {
  const byId = new Map(graph.groups.map((g) => [g.id, g]));
  const out: string[] = [];
  for (let g = byId.get(graph.groupOfNode[node] ?? ''); g && g.parent !== null; g = byId.get(g.parent))
    out.unshift(g.id);
  return out;
}

/** The store: a tiny external store for useSyncExternalStore. */
export class ModelStore {
  private state: ModelState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private worker: WorkerClient | null = null;
  private source: ModelBytes | null = null;
  private openSeq = 0;
  private drawnAt: { start: number; pending: boolean } = { start: 0, pending: false };
  private gotViewAt = 0;

  /** Subscribe (for useSyncExternalStore). */
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** The current state (for useSyncExternalStore). */
  get = (): ModelState => this.state;

  private set(patch: Partial<ModelState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  private client(): WorkerClient {
    return (this.worker ??= sharedClient());
  }

  /** Starts the worker early, so its code loads while the model bytes are still being fetched. */
  warmUp(): void {
    this.client();
  }

  /** Opens files from the picker or a drop (a model plus its sidecars). */
  openFiles(files: File[]): Promise<void> {
    const name = files.map((f) => f.name).join(', ');
    return this.load(name, (c) => startOpen(c, () => bytesFromFiles(files)));
  }

  /** Opens a model by URL. */
  openUrl(url: string): Promise<void> {
    return this.load(
      url.split('/').pop() || url,
      (c) => takeEarlyOpen(url) ?? startOpen(c, () => bytesFromUrl(url)),
    );
  }

  /** Opens a generated DenseNet-like graph of about `nodes` nodes (for trying big graphs). */
  openSynthetic(nodes: number): Promise<void> {
    const name = `synthetic-densenet-${nodes}`;
    const none = async (): Promise<ModelBytes> => ({
      name,
      bytes: new ArrayBuffer(0),
      sidecars: new Map(),
      fetchSidecar: null,
    });
    return this.load(name, (c) => startOpen(c, none, nodes));
  }

  /** Opens one of the server's models. */
  openServerModel(m: ServerModel): Promise<void> {
    return this.load(m.name, (c) => startOpen(c, () => bytesFromServer(m)));
  }

  private async load(name: string, begin: (client: WorkerClient) => OpenJob): Promise<void> {
    const seq = ++this.openSeq;
    setPageState('loading');
    this.set({ status: { kind: 'loading', name, step: 'Reading file…' }, selection: null });
    const job = begin(this.client());
    let src: ModelBytes;
    try {
      src = await job.source;
    } catch (e) {
      if (seq === this.openSeq) this.fail(name, 'Could not read the file', (e as Error).message);
      return;
    }
    if (seq !== this.openSeq) return;
    const t0 = job.bytesAt;
    recordTimings({ fetch: t0 - job.fetchAt, fetchAt: job.fetchAt, bootAt: BOOT_AT }, true);
    this.set({ status: { kind: 'loading', name: src.name, step: 'Parsing and analysing…' } });
    this.source = src;
    try {
      const { view, timings } = await job.result;
      if (seq !== this.openSeq) return;
      const worker = timings.parse + timings.analyze + timings.tree + timings.layout + timings.view;
      const got = performance.now();
      const wall = performance.timeOrigin;
      const { startedAt, repliedAt, ...steps } = timings;
      recordTimings({
        ...steps,
        transfer: got - t0 - worker,
        ...(startedAt && repliedAt
          ? { toWorker: startedAt - wall - t0, fromWorker: got + wall - repliedAt }
          : {}),
      });
      this.gotViewAt = got;
      this.drawnAt = { start: t0, pending: true };
      if (job.fileBytes) view.info.fileBytes = job.fileBytes;
      this.set({
        status: { kind: 'ready' },
        model: view,
        graph: view.graph,
        selection: null,
        layoutVersion: this.state.layoutVersion + 1,
        keepView: false,
        reveal: null,
        anchorGroup: null,
      });
      document.title = `${src.name} — nnlens`;
    } catch (e) {
      if (seq !== this.openSeq) return;
      const err = e as Error;
      const title =
        err instanceof WorkerCallError && err.kind === 'format'
          ? 'This file cannot be opened as a model'
          : 'Opening the model failed';
      this.fail(src.name, title, err.message);
    }
  }

  private fail(name: string, title: string, message: string): void {
    setPageState('error');
    this.set({ status: { kind: 'error', name, title, message }, model: null, graph: null, selection: null });
  }

  /** Called by the canvas after it drew a new layout. */
  markDrawn(nodes: number, frameMs: number): void {
    if (this.drawnAt.pending) {
      this.drawnAt.pending = false;
      const now = performance.now();
      recordTimings({
        firstDraw: frameMs,
        total: now - this.drawnAt.start,
        readyAt: now,
        render: now - this.gotViewAt,
        nodes,
      });
    }
    setPageState('ready', nodes);
  }

  /** Selects a node or value (null clears). */
  select(selection: Selection): void {
    this.set({ selection });
  }

  private async relayout(expanded: Set<string>, patch: Partial<ModelState>): Promise<void> {
    const g = this.state.graph;
    if (!g) return;
    setPageState('loading');
    try {
      const { layout, ms } = await this.client().call({
        type: 'layout',
        path: g.path,
        expanded: [...expanded],
      });
      recordTimings({ relayout: ms });
      if (this.state.graph?.path !== g.path) return;
      this.set({
        graph: { ...g, layout },
        layoutVersion: this.state.layoutVersion + 1,
        keepView: true,
        ...patch,
      });
    } catch (e) {
      this.fail(this.state.model?.info.fileName ?? '', 'Layout failed', (e as Error).message);
    }
  }

  /** Expands or collapses one group, keeping it in place on screen. */
  toggleGroup(groupId: string, expand: boolean): Promise<void> {
    const g = this.state.graph;
    if (!g) return Promise.resolve();
    // Collapsing keeps the inner groups' state, so expanding again restores the view the user had.
    const expanded = new Set(g.layout.expanded);
    if (expand) expanded.add(groupId);
    else expanded.delete(groupId);
    return this.relayout(expanded, { anchorGroup: groupId, reveal: null });
  }

  /** Expands every group. */
  expandAll(): Promise<void> {
    const g = this.state.graph;
    if (!g) return Promise.resolve();
    return this.relayout(new Set(g.groups.map((x) => x.id)), {
      keepView: false,
      anchorGroup: null,
      reveal: null,
    });
  }

  /** Collapses every group below the root. */
  collapseAll(): Promise<void> {
    const g = this.state.graph;
    if (!g) return Promise.resolve();
    return this.relayout(new Set([g.rootGroup]), { keepView: false, anchorGroup: null, reveal: null });
  }

  /** Selects a node, expanding the groups that hide it, and asks the canvas to centre it. */
  async revealNode(index: number): Promise<void> {
    const g = this.state.graph;
    if (!g) return;
    const need = ancestorsOf(g, index).filter((id) => !g.layout.expanded.includes(id));
    if (need.length === 0) {
      this.set({ selection: { kind: 'node', index }, reveal: index });
      return;
    }
    await this.relayout(new Set([...g.layout.expanded, ...need]), {
      selection: { kind: 'node', index },
      reveal: index,
      anchorGroup: null,
    });
  }

  /** The canvas centred the revealed node. */
  revealDone(): void {
    if (this.state.reveal !== null) this.set({ reveal: null });
  }

  /** Shows a subgraph (or the main graph with path ''). */
  async openGraph(path: string): Promise<void> {
    setPageState('loading');
    try {
      const { graph } = await this.client().call({ type: 'graph', path });
      this.set({
        graph,
        selection: null,
        layoutVersion: this.state.layoutVersion + 1,
        keepView: false,
        reveal: null,
        anchorGroup: null,
      });
    } catch (e) {
      this.fail(this.state.model?.info.fileName ?? '', 'Could not open the subgraph', (e as Error).message);
    }
  }

  /** Whether missing external data can be fetched (URL/server sources) rather than only dropped. */
  canFetchSidecars(): boolean {
    return !!this.source?.fetchSidecar;
  }

  private async withData<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      const fetchSidecar = this.source?.fetchSidecar;
      if (!(e instanceof WorkerCallError) || !e.missingFile || !fetchSidecar) throw e;
      const bytes = await fetchSidecar(e.missingFile);
      const { warnings } = await this.client().call({ type: 'attachData', files: [[e.missingFile, bytes]] }, [
        bytes,
      ]);
      if (warnings.length) console.warn(`nnlens: ${warnings.join('; ')}`);
      return run();
    }
  }

  /** Statistics of a weight; fetches its external-data file first when the source allows. */
  tensorStats(value: string): Promise<TensorStatsView> {
    const path = this.state.graph?.path ?? '';
    return this.withData(() => this.client().call({ type: 'tensorStats', path, value })).then((r) => r.stats);
  }

  /** A weight as `.npy` bytes and a file name. */
  tensorNpy(value: string): Promise<{ bytes: ArrayBuffer; fileName: string }> {
    const path = this.state.graph?.path ?? '';
    return this.withData(() => this.client().call({ type: 'tensorNpy', path, value }));
  }
}
