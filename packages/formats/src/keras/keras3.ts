/** Keras 3 `.keras` archives: config.json (the model) and model.weights.h5 (layers/<name>/vars/<i>, unnamed, in storage order). */
import type { Tensor } from '@nnlens/ir';
import { ModelFormatError } from '../errors.js';
import { parseModelJson, type KerasModelConfig } from './config.js';
import type { Hdf5File } from './hdf5.js';
import { readTensor, weightBudget, type ReadBudget } from './h5-model.js';
import type { LayerWeight, WeightSource } from './weights.js';
import { readZipEntries, zipEntries } from './zip.js';

const CONFIG = 'config.json';
const WEIGHTS = 'model.weights.h5';
const METADATA = 'metadata.json';
// Bounds the layer tree walked for unclaimed weights in a hostile file.
const MAX_WALK = 100_000;

/** True when the zip archive looks like a Keras 3 model (it has config.json and a Keras metadata/weights entry). */
export function isKerasArchive(bytes: Uint8Array): boolean {
  const names = new Set(zipEntries(bytes).map((e) => e.name));
  return names.has(CONFIG) && (names.has(WEIGHTS) || names.has(METADATA));
}

/** The unpacked archive: the model config, the weights file bytes (if any), and metadata.json fields. */
export interface KerasArchive {
  config: KerasModelConfig;
  weightsFile: Uint8Array | null;
  attributes: Record<string, string>;
}

/** Reads config.json, metadata.json and model.weights.h5 from the archive. */
export function readKerasArchive(bytes: Uint8Array, fileName: string, warnings: string[]): KerasArchive {
  const entries = readZipEntries(
    bytes,
    [CONFIG, WEIGHTS, METADATA],
    Math.max(64 << 20, bytes.length * 16),
    fileName,
  );
  const config = entries.get(CONFIG);
  if (!config)
    throw new ModelFormatError('keras', `Keras: '${fileName}' has no ${CONFIG}`, { fieldPath: CONFIG });
  const decoder = new TextDecoder();
  const attributes: Record<string, string> = {};
  const meta = entries.get(METADATA);
  if (meta) {
    try {
      const m = JSON.parse(decoder.decode(meta)) as Record<string, unknown>;
      for (const k of ['keras_version', 'date_saved']) if (typeof m[k] === 'string') attributes[k] = m[k];
    } catch {
      warnings.push(`Keras: ${METADATA} in '${fileName}' is not valid JSON; ignored`);
    }
  }
  const weightsFile = entries.get(WEIGHTS) ?? null;
  if (!weightsFile) warnings.push(`Keras: '${fileName}' has no ${WEIGHTS}: architecture only`);
  return {
    config: parseModelJson(decoder.decode(config), `'${fileName}' ${CONFIG}`),
    weightsFile,
    attributes,
  };
}

function varsOf(
  file: Hdf5File,
  group: string,
  names: (i: number) => string,
  budget: ReadBudget,
  warnings: string[],
): Tensor[] {
  const ids = file
    .children(`${group}/vars`)
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .sort((a, b) => a - b);
  const out: Tensor[] = [];
  for (const i of ids) {
    const t = readTensor(file, `${group}/vars/${i}`, names(i), budget, warnings);
    if (t) out.push(t);
  }
  return out;
}

/** Weights of a Keras 3 weights file: layer paths map to `layers/<a>/layers/<b>/vars`, roles come from the layer class. */
export function keras3WeightSource(file: Hdf5File, fileSize: number, warnings: string[]): WeightSource {
  const budget = weightBudget(fileSize);
  const claimed = new Set<string>();
  return {
    layer(path, roles): LayerWeight[] {
      const group = path.map((p) => `layers/${p}`).join('/');
      if (claimed.has(group)) return [];
      claimed.add(group);
      const role = (i: number): string => roles[i] ?? `var${i}`;
      const tensors = varsOf(file, group, (i) => `${path.join('/')}/${role(i)}`, budget, warnings);
      return tensors.map((tensor, i) => ({ role: role(i), tensor }));
    },
    leftovers() {
      // Weights of sublayers the config does not list (custom layers' attributes) still count.
      const out: Tensor[] = [];
      const stack = ['layers'];
      let seen = 0;
      while (stack.length && seen++ < MAX_WALK) {
        const g = stack.pop()!;
        for (const child of file.children(g)) {
          const p = `${g}/${child}`;
          if (child === 'vars') {
            if (!claimed.has(g)) out.push(...varsOf(file, g, (i) => `${g}/vars/${i}`, budget, warnings));
          } else if (file.isGroup(p)) stack.push(p);
        }
      }
      return out;
    },
  };
}
