/** The Explain worker's state: one model session, the last input, and what it answers (runs, attributions, weights). */
import { externalDataFiles, openModelAsync } from '@nnlens/formats';
import {
  builtinLabels,
  defaultCamLayer,
  explain,
  imageToInput,
  layerWeights,
  inferPreprocess,
  listLayers,
  Session,
  type HostTensor,
  type Preprocess,
} from '@nnlens/runtime';
import type {
  AttributeRequest,
  AttributionResult,
  ImagePayload,
  ModelSummary,
  RunResult,
  WeightsResult,
} from '../protocol.js';
import { layerMetas } from './layer-meta.js';
import { wasmPaths } from './wasm-paths.js';

/** Holds the open model; every method throws plain Errors with messages for people. */
export class ExplainEngine {
  private session: Session | null = null;
  private input: HostTensor | null = null;
  private cancelled = false;

  /** Opens a model; UnsupportedOpError and format errors propagate with their messages. */
  async load(
    name: string,
    bytes: ArrayBuffer,
    sidecars: [string, ArrayBuffer][],
    backend: 'wasm' | 'webgl' = 'wasm',
  ): Promise<ModelSummary> {
    const t0 = performance.now();
    this.session?.dispose();
    this.session = null;
    this.input = null;
    const model = await openModelAsync({
      name,
      bytes: new Uint8Array(bytes),
      sidecars: new Map(sidecars.map(([k, b]) => [k, new Uint8Array(b)])),
    });
    const missing = externalDataFiles(model).filter((f) => !sidecars.some(([k]) => k === f));
    if (missing.length > 0) {
      // The page fetches these from beside the model (or asks for them) and loads again.
      const e = new Error(JSON.stringify(missing));
      e.name = 'MissingExternalData';
      throw e;
    }
    const warnings: string[] = [];
    let session: Session;
    try {
      session = await Session.create(model, { backend, wasmPaths: wasmPaths() });
    } catch (e) {
      // No WebGL (headless, blocked GPU): run on wasm and say so, rather than not at all.
      if (backend === 'wasm' || (e instanceof Error && e.name === 'UnsupportedOpError')) throw e;
      warnings.push(
        `WebGL is not available here (${e instanceof Error ? e.message : String(e)}); running on wasm`,
      );
      session = await Session.create(model, { backend: 'wasm', wasmPaths: wasmPaths() });
    }
    this.session = session;
    const out = model.graph.outputs[0]?.shape ?? [];
    const input = session.inputs[0];
    if (!input) throw new Error(`'${name}' has no input to feed`);
    return {
      name,
      format: model.format,
      nodes: model.graph.nodes.length,
      input: { name: input.name, shape: input.shape ?? [] },
      preprocess: inferPreprocess(model),
      classes: typeof out[out.length - 1] === 'number' ? (out[out.length - 1] as number) : 0,
      labels: builtinLabels(model),
      backend: session.backend,
      warnings: [...warnings, ...model.warnings.slice(0, 20)],
      loadMs: performance.now() - t0,
    };
  }

  private need(): Session {
    if (!this.session) throw new Error('no model is open');
    return this.session;
  }

  /** Preprocesses the image and runs the model keeping every tap. */
  run(image: ImagePayload, pre: Preprocess): RunResult {
    const session = this.need();
    const t0 = performance.now();
    const x = imageToInput(
      { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data) },
      pre,
    );
    const trace = session.run({ [session.inputs[0]!.name]: x });
    try {
      const layers = listLayers(session.program, trace);
      const taps: Record<string, Float32Array> = {};
      for (const l of layers) {
        const t = trace.readNchw(l.value);
        if (t.data instanceof Float32Array) taps[l.value] = t.data;
      }
      const output = Float32Array.from(trace.read(session.outputs[0]!).data);
      const score = session.program.scoreOutput();
      const logits = score !== session.outputs[0] ? Float32Array.from(trace.read(score).data) : null;
      this.input = x;
      const metas = layerMetas(session, layers).filter((l) => taps[l.value]);
      const cam = defaultCamLayer(layers);
      return {
        // A copy: the reply's buffers are transferred, the engine keeps x for attributions.
        input: { shape: x.shape, data: Float32Array.from(x.data as Float32Array) },
        output,
        logits,
        layers: metas,
        taps,
        runMs: performance.now() - t0,
        camLayer: cam?.value ?? null,
      };
    } finally {
      trace.dispose();
    }
  }

  /** One attribution of the last input; reports progress, stops when cancel() was called. */
  async attribute(
    req: AttributeRequest,
    onProgress: (done: number, total: number) => void,
  ): Promise<AttributionResult> {
    const session = this.need();
    if (!this.input) throw new Error('no input has been run yet');
    this.cancelled = false;
    const t0 = performance.now();
    const isCancelled = (): boolean => this.cancelled;
    const signal = {
      get aborted(): boolean {
        return isCancelled();
      },
    };
    const opts: Parameters<typeof explain>[2] = { method: req.method, onProgress, signal };
    if (req.target !== undefined) opts.target = req.target;
    if (req.layer) opts.layer = req.layer;
    const e = await explain(session, this.input, opts);
    return {
      method: e.method,
      target: e.target,
      layer: e.layer?.value ?? null,
      layerShape: e.layer?.shape ?? null,
      heatmap: e.heatmap,
      size: e.size,
      values: { shape: e.values.shape, data: e.values.data as Float32Array },
      ms: performance.now() - t0,
    };
  }

  /** Stops a running attribution at its next batch. */
  cancel(): void {
    this.cancelled = true;
  }

  /** Weight (and bias) of the node that produces `value`, in ONNX order. */
  weights(value: string): WeightsResult {
    const w = layerWeights(this.need().program, value);
    if (!w) throw new Error(`layer '${value}' has no constant weights`);
    return {
      weight: { shape: w.weight.shape, data: Float32Array.from(w.weight.data as Float32Array) },
      bias: w.bias ? Float32Array.from(w.bias.data as Float32Array) : null,
    };
  }
}
