/** The Explain page's state and actions: model source, input image, forward pass, attributions; talks to the worker. */
import { useSyncExternalStore } from 'react';
import {
  METHODS,
  parseLabels,
  type AttributionMethod,
  type Preprocess,
  type RgbaImage,
} from '@nnlens/runtime/pure';
import { bytesFromFiles, bytesFromUrl, type ModelBytes } from '../model/sources.js';
import { ExplainCallError, ExplainClient } from './client.js';
import { demoById, samplesFor, type Demo } from './demos.js';
import { decodeImage, fetchImage } from './image-decode.js';
import type { ModelSummary } from './protocol.js';
import { idleMethods, INITIAL, type ExplainState, type MethodState } from './state.js';

export type { ExplainState, MethodState } from './state.js';

/** The store (useSyncExternalStore). */
export class ExplainStore {
  private state: ExplainState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private worker: ExplainClient | null = null;
  private loadSeq = 0;
  private runSeq = 0;
  private attrQueue: Promise<unknown> = Promise.resolve();
  private reopen: (() => Promise<void>) | null = null;

  /** Subscribe. */
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** Current state. */
  get = (): ExplainState => this.state;

  /** Merges a patch and notifies. */
  set(patch: Partial<ExplainState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** The worker, started on first use. */
  client(): ExplainClient {
    return (this.worker ??= new ExplainClient());
  }

  /** Opens a demo model and its first (or the named) sample. */
  async openDemo(id: string, sample?: string): Promise<void> {
    const demo = demoById(id) ?? demoById('tinyvgg')!;
    const ok = await this.load(
      demo.title,
      () => bytesFromUrl(demo.modelUrl).then((b) => ({ ...b, name: demo.fileName })),
      demo,
    );
    if (!ok) return;
    const s =
      demo.samples.find(
        (x) => x.name === sample || x.url.endsWith(`/${sample}.jpeg`) || x.url.endsWith(`/${sample}.png`),
      ) ?? demo.samples[0]!;
    await this.setImageFrom(() => fetchImage(s.url, s.name), s.name);
  }

  /** Opens model files (a model plus its sidecars) picked or dropped on the page. */
  async openModelFiles(files: File[]): Promise<void> {
    if (await this.load(files[0]?.name ?? 'model', () => bytesFromFiles(files), null))
      await this.firstSample();
  }

  /** Opens a model by URL (`?url=`). */
  async openModelUrl(url: string): Promise<void> {
    if (await this.load(url, () => bytesFromUrl(url), null)) await this.firstSample();
  }

  /** A user model starts on a demo sample of its kind (colour or grey) until an image is given. */
  private async firstSample(): Promise<void> {
    const s = samplesFor(null, this.state.preprocess?.channels)[0]!;
    await this.setImageUrl(s.url, s.name);
  }

  private async load(name: string, get: () => Promise<ModelBytes>, demo: Demo | null): Promise<boolean> {
    const seq = ++this.loadSeq;
    this.set({
      ...INITIAL,
      phase: 'loading',
      message: `Loading ${name}…`,
      demo,
      modelName: name,
      scaleMode: this.state.scaleMode,
      opacity: this.state.opacity,
      colormap: this.state.colormap,
      backend: this.state.backend,
    });
    try {
      const src = await get();
      const sidecars = new Map(src.sidecars);
      let summary: ModelSummary | null = null;
      for (let attempt = 0; !summary; attempt++) {
        this.set({ message: `Preparing ${src.name} (tfjs, ${this.state.backend})…` });
        const copies: [string, ArrayBuffer][] = [...sidecars].map(([k, b]) => [k, b.slice(0)]);
        try {
          summary = await this.client().call({
            type: 'load',
            name: src.name,
            bytes: src.bytes.slice(0),
            sidecars: copies,
            backend: this.state.backend,
          });
        } catch (e) {
          if (!(e instanceof ExplainCallError) || e.kind !== 'MissingExternalData' || attempt > 0) throw e;
          const files = JSON.parse(e.message) as string[];
          if (!src.fetchSidecar)
            throw new Error(
              `the model's weights are in ${files.join(', ')}: drop them together with the model`,
            );
          for (const f of files) sidecars.set(f, await src.fetchSidecar(f));
        }
      }
      if (seq !== this.loadSeq) return false;
      // Switching backends loads the same bytes again, then the current input.
      this.reopen = async () => {
        const image = this.state.image;
        if ((await this.load(name, async () => src, demo)) && image)
          await this.setImage(image.rgba, image.name);
      };
      this.set({
        summary,
        modelName: src.name,
        preprocess: summary.preprocess,
        labels: summary.labels,
        phase: 'ready',
        message: '',
      });
      return true;
    } catch (e) {
      if (seq !== this.loadSeq) return false;
      const unsupported = e instanceof ExplainCallError && e.kind === 'UnsupportedOpError';
      const title = unsupported
        ? `${this.state.modelName} uses an op nnlens cannot run yet`
        : `Cannot open ${name}`;
      this.set({ phase: 'error', error: { title, message: e instanceof Error ? e.message : String(e) } });
      return false;
    }
  }

  /** Uses an image file or blob as the input. */
  async setImageBlob(blob: Blob, name: string): Promise<void> {
    await this.setImageFrom(() => decodeImage(blob, name), name);
  }

  /** Uses an image URL (a sample) as the input. */
  async setImageUrl(url: string, name: string): Promise<void> {
    await this.setImageFrom(() => fetchImage(url, name), name);
  }

  /** Uses decoded pixels (the drawing pad) as the input. */
  async setImage(rgba: RgbaImage, name: string): Promise<void> {
    await this.setImageFrom(async () => rgba, name);
  }

  private async setImageFrom(get: () => Promise<RgbaImage>, name: string): Promise<void> {
    try {
      const rgba = await get();
      this.set({ image: { rgba, name }, imageError: null });
      await this.runModel();
    } catch (e) {
      // A bad image leaves the current one (and the page) as they were.
      this.set({ imageError: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Runs the model on the current image with the current preprocessing. */
  async runModel(): Promise<void> {
    const { image, preprocess, summary } = this.state;
    if (!image || !preprocess || !summary) return;
    const seq = ++this.runSeq;
    this.set({ phase: 'running', message: 'Running every layer…' });
    try {
      const data = new Uint8ClampedArray(image.rgba.data).buffer;
      const payload = { width: image.rgba.width, height: image.rgba.height, data };
      const run = await this.client().call({ type: 'run', image: payload, preprocess }, { transfer: [data] });
      if (seq !== this.runSeq) return;
      const camLayer =
        this.state.camLayer && run.layers.some((l) => l.value === this.state.camLayer)
          ? this.state.camLayer
          : run.camLayer;
      const selected =
        this.state.selected && run.taps[this.state.selected.value] ? this.state.selected : null;
      this.set({
        run,
        camLayer,
        selected,
        phase: 'ready',
        message: '',
        methods: idleMethods(),
        runVersion: this.state.runVersion + 1,
      });
      await this.autoAttribute();
    } catch (e) {
      if (seq !== this.runSeq) return;
      this.set({
        phase: 'error',
        error: {
          title: 'The model failed on this input',
          message: e instanceof Error ? e.message : String(e),
        },
      });
    }
  }

  /** Small models get every method at once; big ones Grad-CAM only (the rest on request). */
  private async autoAttribute(): Promise<void> {
    const run = this.state.run;
    if (!run) return;
    // Small networks (Tiny VGG, LeNet: < 1 M activations) get every method at once, big ones Grad-CAM only.
    let size = 0;
    for (const t of Object.values(run.taps)) size += t.length;
    const list: AttributionMethod[] = size < 1e6 ? METHODS : this.state.camLayer ? ['gradcam'] : [];
    await Promise.all(list.map((m) => this.attribute(m)));
  }

  /** Computes one attribution (queued: the worker runs one at a time). */
  attribute(method: AttributionMethod): Promise<void> {
    const runVersion = this.state.runVersion;
    const patch = (s: Partial<MethodState>): void => {
      if (this.state.runVersion !== runVersion) return;
      this.set({ methods: { ...this.state.methods, [method]: { ...this.state.methods[method], ...s } } });
    };
    const cams = method === 'gradcam' || method === 'gradcampp';
    if (cams && !this.state.camLayer) {
      patch({ status: 'error', error: 'the model has no [N,C,H,W] layer for a CAM' });
      return Promise.resolve();
    }
    patch({ status: 'running', progress: 0, error: '' });
    const job = this.attrQueue.then(async () => {
      if (this.state.runVersion !== runVersion) return;
      const req = {
        type: 'attribute' as const,
        method,
        ...(this.state.target !== null ? { target: this.state.target } : {}),
        ...(cams && this.state.camLayer ? { layer: this.state.camLayer } : {}),
      };
      try {
        const result = await this.client().call(req, { progress: (d, t) => patch({ progress: d / t }) });
        patch({ status: 'done', result, progress: 1 });
      } catch (e) {
        patch({ status: 'error', error: e instanceof Error ? e.message : String(e) });
      }
    });
    this.attrQueue = job;
    return job;
  }

  /** Every method not computed yet. */
  attributeAll(): Promise<unknown> {
    return Promise.all(
      METHODS.filter((m) => this.state.methods[m].status === 'idle').map((m) => this.attribute(m)),
    );
  }

  /** Explains another class (null = top prediction); attributions are recomputed. */
  setTarget(target: number | null): void {
    this.set({ target, methods: idleMethods(), runVersion: this.state.runVersion + 1 });
    void this.autoAttribute();
  }

  /** Uses another layer for the CAMs. */
  setCamLayer(value: string): void {
    const methods = {
      ...this.state.methods,
      gradcam: { status: 'idle', progress: 0 },
      gradcampp: { status: 'idle', progress: 0 },
    } as ExplainState['methods'];
    this.set({ camLayer: value, methods });
    void this.attribute('gradcam');
    if (this.state.focus === 'gradcampp') void this.attribute('gradcampp');
  }

  /** Changes preprocessing and runs again. */
  setPreprocess(patch: Partial<Preprocess>): void {
    if (!this.state.preprocess) return;
    this.set({ preprocess: { ...this.state.preprocess, ...patch } });
    void this.runModel();
  }

  /** Class names from a label file's text. */
  setLabelsText(text: string): void {
    try {
      this.set({ labels: parseLabels(text), imageError: null });
    } catch (e) {
      this.set({ imageError: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Switches the tfjs backend and reloads the model (and its input). */
  setBackend(backend: 'wasm' | 'webgl'): void {
    if (backend === this.state.backend) return;
    this.set({ backend });
    void this.reopen?.();
  }

  /** Cancels the running attribution. */
  cancel(): void {
    void this.client().call({ type: 'cancel' });
  }
}

/** The page's store. */
export const explainStore = new ExplainStore();

/** The store's state, re-rendering on change. */
export function useExplainState(): ExplainState {
  return useSyncExternalStore(explainStore.subscribe, explainStore.get);
}
