/** Layer weights by role ('kernel', 'bias', …), from name-based stores (Keras 2 HDF5, TF.js) or positional ones (Keras 3). */
import type { Tensor } from '@nnlens/ir';

/** A stored weight: its role within the layer ('kernel', 'moving_mean', …) and its tensor. */
export interface LayerWeight {
  role: string;
  tensor: Tensor;
}

/** Where layer weights come from. */
export interface WeightSource {
  /**
   * The weights of the layer at `path` (enclosing model layers first, the layer last), given the
   * roles its class stores in order (used when the store has no names, as in Keras 3).
   */
  layer(path: string[], roles: string[]): LayerWeight[];
  /** Tensors never handed out: the importer still adds them, so totals count every stored weight. */
  leftovers(): Tensor[];
}

/** The weights of one layer call; mappers take them by role. */
export class LayerWeights {
  private readonly taken = new Set<LayerWeight>();

  constructor(
    readonly list: LayerWeight[],
    private readonly roles: string[],
  ) {}

  /** The weight with this role; when the store used other names, the one at the role's position. */
  take(role: string): Tensor | undefined {
    let w = this.list.find((x) => x.role === role && !this.taken.has(x));
    if (!w && !this.list.some((x) => this.roles.includes(x.role))) {
      const i = this.roles.indexOf(role);
      w = i >= 0 ? this.list[i] : undefined;
      if (w && this.taken.has(w)) w = undefined;
    }
    if (!w) return undefined;
    this.taken.add(w);
    return w.tensor;
  }

  /** Weights no mapper took (attached to the layer's main node so its params still count). */
  rest(): Tensor[] {
    return this.list.filter((w) => !this.taken.has(w)).map((w) => w.tensor);
  }

  /** True when the layer has no stored weights at all (architecture-only files). */
  get empty(): boolean {
    return this.list.length === 0;
  }
}

/** A weight known by its full name, e.g. 'model_1/conv2d_1/kernel:0', and optional top-level group. */
export interface NamedWeight {
  name: string;
  /** The top-level layer group it was stored under (Keras 2 HDF5), if any. */
  group?: string;
  tensor: Tensor;
}

/** Role from a weight name: the last segment without the ':0' suffix. */
export function roleOf(name: string): string {
  const last = name.split('/').pop() ?? name;
  return last.replace(/:\d+$/, '');
}

interface Entry {
  w: NamedWeight;
  segments: string[];
  role: string;
}

/** A store of named weights (Keras 2 HDF5 `model_weights`, TF.js weight manifests). */
export function namedWeightSource(weights: NamedWeight[]): WeightSource {
  const entries: Entry[] = weights.map((w) => {
    const segments = w.name.split('/');
    return { w, role: roleOf(w.name), segments: segments.slice(0, -1) };
  });
  const used = new Set<Entry>();
  const pick = (test: (e: Entry) => boolean): Entry[] => entries.filter((e) => !used.has(e) && test(e));
  return {
    layer(path) {
      const top = path[0] ?? '';
      const leaf = path[path.length - 1] ?? '';
      let found: Entry[];
      if (path.length === 1) {
        found = pick((e) => (e.w.group !== undefined ? e.w.group === top : e.segments[0] === top));
      } else {
        // Nested models: stored under the outermost layer, with the inner layer's name in the path.
        found = pick(
          (e) =>
            (e.w.group === top || e.segments[0] === top) &&
            e.segments.slice(e.w.group === top ? 0 : 1).includes(leaf),
        );
        if (found.length === 0) found = pick((e) => e.segments.includes(leaf));
      }
      for (const e of found) used.add(e);
      return found.map((e) => ({ role: e.role, tensor: e.w.tensor }));
    },
    leftovers() {
      return entries.filter((e) => !used.has(e)).map((e) => e.w.tensor);
    },
  };
}

/** A store with no weights (architecture-only JSON). */
export const noWeights: WeightSource = { layer: () => [], leftovers: () => [] };
