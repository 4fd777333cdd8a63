/**
 * Builds the IR graph from a normalized net: data layers become inputs, every other layer one node (an
 * InnerProduct may add a Flatten), in-place tops are renamed SSA-style (`conv1`, `conv1#1`, …), and
 * weights are declared from the layer definitions (or taken from stored blobs).
 */
import {
  addInitializer,
  addNode,
  createGraph,
  ensureValue,
  type Graph,
  type Tensor,
  type Value,
} from '@nnlens/ir';
import { ModelFormatError } from '../errors.js';
import { blobFirst, blobTensor } from './blob.js';
import { caffeError } from './errors.js';
import { layerError, layerParam, type BlobShape, type LayerContext, type Mapped } from './layer-context.js';
import { dataShapes, INPUT_LAYERS } from './layers/data.js';
import { LAYER_MAPPERS } from './layers/index.js';
import type { PbMessage } from './message.js';
import type { CaffeLayer, CaffeNet } from './net.js';
import { canonicalType } from './layer-types.js';

/** Stored weight blobs by layer name (from a .caffemodel). */
export type LayerBlobs = Map<string, PbMessage[]>;

/** What the builder learned besides the graph. */
export interface BuiltGraph {
  graph: Graph;
  warnings: string[];
  /** Layers that became nodes / graph inputs / aliases (Split). */
  counts: { nodes: number; dataLayers: number; splits: number };
  /** Stored blobs that were matched to a layer. */
  usedBlobs: number;
}

interface Blob {
  value: Value;
  shape: BlobShape;
}

class Builder {
  readonly graph: Graph;
  readonly warnings: string[] = [];
  private readonly seenWarnings = new Set<string>();
  private readonly names = new Set<string>();
  private readonly blobs = new Map<string, Blob>();
  /** First top of each layer by layer name (for files that name layers where blobs are meant). */
  private readonly layerTops = new Map<string, string>();
  readonly counts = { nodes: 0, dataLayers: 0, splits: 0 };
  usedBlobs = 0;

  constructor(
    net: CaffeNet,
    private readonly stored: LayerBlobs | undefined,
  ) {
    this.graph = createGraph(net.name || 'caffe');
    for (const i of net.inputs) this.names.add(i.name);
    for (const l of net.layers) for (const b of [...l.bottoms, ...l.tops]) this.names.add(b);
  }

  warn(message: string): void {
    if (this.seenWarnings.has(message)) return;
    this.seenWarnings.add(message);
    if (this.warnings.length < 200) this.warnings.push(message);
    else if (this.warnings.length === 200) this.warnings.push('Caffe: further warnings omitted');
  }

  /** A value name not used by any blob or earlier value: `base`, else `base#1`, `base#2`, … */
  fresh(base: string, allowBase: boolean): string {
    if (allowBase && !this.graph.values.has(base)) {
      this.names.add(base);
      return base;
    }
    for (let k = 1; ; k++) {
      const n = `${base}#${k}`;
      if (!this.names.has(n) && !this.graph.values.has(n)) {
        this.names.add(n);
        return n;
      }
    }
  }

  /** A new version of blob `name` (the first keeps the plain name). */
  define(name: string, shape: BlobShape): Value {
    const v = ensureValue(this.graph, this.fresh(name, true), 'float32');
    this.blobs.set(name, { value: v, shape });
    return v;
  }

  input(name: string, shape: BlobShape, declared: boolean): void {
    const v = this.define(name, shape);
    if (shape) {
      v.shape = shape.slice();
      v.shapeSource = declared ? 'file' : 'inferred';
    }
    this.graph.inputs.push(v);
  }

  bottom(layer: CaffeLayer, name: string): Blob {
    const b = this.blobs.get(name);
    if (b) return b;
    const top = this.layerTops.get(name);
    const byLayer = top === undefined ? undefined : this.blobs.get(top);
    if (byLayer) {
      // Caffe would reject this; the Netscope editor accepts it, and the intent is clear.
      this.warn(
        `Caffe: bottom '${name}' of layer '${layer.name}' is no blob but names a layer: read as that layer's output '${top}'`,
      );
      return byLayer;
    }
    this.warn(
      `Caffe: bottom '${name}' of layer '${layer.name}' is not produced by an earlier layer: treated as a net input of unknown shape`,
    );
    this.input(name, null, false);
    return this.blobs.get(name)!;
  }

  layer(layer: CaffeLayer): void {
    if (layer.tops[0] !== undefined && !this.layerTops.has(layer.name))
      this.layerTops.set(layer.name, layer.tops[0]);
    const canonical = canonicalType(layer.type);
    if (canonical !== layer.type) {
      this.warn(`Caffe: layer type '${layer.type}' read as '${canonical}' (Caffe itself is case-sensitive)`);
      layer.type = canonical;
    }
    if (INPUT_LAYERS.has(layer.type)) {
      const { shapes, notes } = dataShapes(layer);
      for (const n of notes) this.warn(`Caffe: ${n}`);
      layer.tops.forEach((t, i) =>
        this.input(t, shapes[i] ?? null, layer.type === 'Input' || layer.msg.has('input_param')),
      );
      this.counts.dataLayers++;
      return;
    }
    const bottoms = layer.bottoms.map((b) => this.bottom(layer, b));
    if (layer.type === 'Split') {
      // Caffe's fan-out copy: the IR lets one value feed many nodes, so the tops alias the bottom.
      for (const t of layer.tops) this.blobs.set(t, bottoms[0]!);
      this.counts.splits++;
      return;
    }
    const mapped = this.map(layer, bottoms);
    const tops = layer.tops.map((t, i) => this.define(t, mapped.shapes[i] ?? null));
    const made = new Map<string, Value>();
    mapped.nodes.forEach((spec, k) => {
      const last = k === mapped.nodes.length - 1;
      const outputs = spec.intermediates
        ? spec.intermediates.map((s) => {
            const v = ensureValue(this.graph, this.fresh(`${layer.name}_${s}`, true), 'float32');
            made.set(s, v);
            return v;
          })
        : spec.tops
          ? spec.tops.map((i) => tops[i] ?? null)
          : last
            ? tops
            : [];
      const node = addNode(this.graph, {
        name: spec.name,
        op: spec.op,
        domain: spec.domain ?? '',
        inputs: spec.inputs.map((v) => (v && 'intermediate' in v ? (made.get(v.intermediate) ?? null) : v)),
        outputs,
        attributes: spec.attributes,
      });
      node.docString = `Caffe layer '${layer.name}' (${layer.type})`;
    });
    this.counts.nodes++;
  }

  private map(layer: CaffeLayer, bottoms: Blob[]): Mapped {
    const ctx = this.context(layer, bottoms);
    const mapper = LAYER_MAPPERS[layer.type];
    if (!mapper) {
      this.warn(
        `Caffe: layer type '${layer.type}' is not known: '${layer.name}' keeps unknown output shapes`,
      );
      return opaque(ctx);
    }
    try {
      return mapper(ctx);
    } catch (e) {
      if (!(e instanceof ModelFormatError)) throw e;
      this.warn(e.message);
      return opaque(ctx);
    }
  }

  private blobsOf(layer: CaffeLayer): PbMessage[] {
    return this.stored?.get(layer.name) ?? layer.blobs;
  }

  private context(layer: CaffeLayer, bottoms: Blob[]): LayerContext {
    const b = this.blobsOf(layer);
    const ctx: LayerContext = {
      layer,
      inputs: bottoms.map((x) => x.value),
      shapes: bottoms.map((x) => x.shape),
      param: (name) => layerParam(layer, name),
      weight: (suffix, index, shape, irShape) => {
        const name = this.fresh(`${layer.name}_${suffix}`, true);
        const blob = b[index];
        let tensor: Tensor;
        if (blob) {
          this.usedBlobs++;
          tensor = blobTensor(name, blob, shape, irShape, (m) => this.warn(`Caffe: ${m}`));
        } else if (shape) {
          tensor = { name, dtype: 'float32', shape: (irShape ?? shape).slice(), storage: { kind: 'none' } };
        } else {
          this.warn(`Caffe: layer '${layer.name}': the ${suffix} blob cannot be sized (input shape unknown)`);
          return null;
        }
        return addInitializer(this.graph, tensor);
      },
      blobScalar: (index) => blobFirst(b[index]),
      constInts: (suffix, values) => {
        const name = this.fresh(`${layer.name}_${suffix}`, true);
        const t: Tensor = {
          name,
          dtype: 'int64',
          shape: [values.length],
          storage: { kind: 'values', values },
        };
        return addInitializer(this.graph, t);
      },
      intermediate: (suffix) => ({ intermediate: suffix }),
      warn: (m) => this.warn(`Caffe: layer '${layer.name}' (${layer.type}): ${m}`),
      fail: (m, where) => layerError(layer, m, where),
    };
    return ctx;
  }

  finish(): void {
    for (const v of this.graph.values.values()) {
      if (v.producer && !v.initializer && v.consumers.length === 0) this.graph.outputs.push(v);
    }
  }
}

function opaque(ctx: LayerContext): Mapped {
  return {
    nodes: [
      {
        name: ctx.layer.name,
        op: ctx.layer.type || 'Unknown',
        domain: 'caffe',
        inputs: [...ctx.inputs],
        attributes: [],
      },
    ],
    shapes: ctx.layer.tops.map(() => null),
  };
}

/** Builds the graph of `net`; `stored` supplies weight blobs by layer name. */
export function buildGraph(net: CaffeNet, stored?: LayerBlobs): BuiltGraph {
  const b = new Builder(net, stored);
  for (const n of net.notes) b.warn(`Caffe: ${n}`);
  for (const i of net.inputs) b.input(i.name, i.dims, true);
  for (const layer of net.layers) {
    if (layer.tops.length > 10000 || layer.bottoms.length > 10000) {
      throw caffeError(`layer '${layer.name}' has too many bottoms or tops`, layer.where);
    }
    b.layer(layer);
  }
  b.finish();
  return { graph: b.graph, warnings: b.warnings, counts: b.counts, usedBlobs: b.usedBlobs };
}
