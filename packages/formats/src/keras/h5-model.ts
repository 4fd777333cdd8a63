/** Keras full-model HDF5 files (model.save: Keras 2, tf.keras, Keras 3 legacy .h5): model_config plus model_weights. */
import type { Tensor } from '@nnlens/ir';
import { ModelFormatError } from '../errors.js';
import { parseModelJson, type KerasModelConfig } from './config.js';
import { hdf5Reason, type Hdf5File } from './hdf5.js';
import { namedWeightSource, type NamedWeight, type WeightSource } from './weights.js';

/** What a Keras HDF5 file holds, ready to build. */
export interface KerasH5Contents {
  config: KerasModelConfig;
  weights: WeightSource;
  /** Root attributes worth showing (keras_version, backend). */
  attributes: Record<string, string>;
}

/** Budget of weight bytes read from one file, so a hostile file cannot make us allocate without bound. */
export interface ReadBudget {
  left: number;
}

/** Weight bytes one file may expand to: generous for compressed datasets, bounded for hostile ones. */
export function weightBudget(fileSize: number): ReadBudget {
  return { left: Math.max(64 << 20, fileSize * 8) };
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.length === 1 && typeof v[0] === 'string') return v[0];
  return undefined;
}

/** A list attribute Keras may split into `name0`, `name1`, … when it exceeds HDF5's 64 KB header limit. */
export function chunkedList(file: Hdf5File, path: string, name: string): string[] {
  const names = file.attributeNames(path);
  const one = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
  if (names.includes(name)) return one(file.attribute(path, name));
  const out: string[] = [];
  for (let i = 0; names.includes(`${name}${i}`); i++) out.push(...one(file.attribute(path, `${name}${i}`)));
  return out;
}

/** Reads a numeric dataset into an IR tensor within the budget; null (with a warning) otherwise. */
export function readTensor(
  file: Hdf5File,
  path: string,
  name: string,
  budget: ReadBudget,
  warnings: string[],
): Tensor | null {
  try {
    const ds = file.dataset(path);
    if (!ds) {
      warnings.push(
        `Keras: weight '${path}' is not a dataset of the file (missing, or an external link); skipped`,
      );
      return null;
    }
    if (ds.dtype === 'unknown') {
      warnings.push(`Keras: weight '${path}' has a non-numeric type; skipped`);
      return null;
    }
    if (ds.byteLength > budget.left) {
      warnings.push(
        `Keras: weight '${path}' (${ds.byteLength} bytes) exceeds what this file can plausibly hold; skipped`,
      );
      return null;
    }
    budget.left -= ds.byteLength;
    const bytes = ds.read();
    return {
      name,
      dtype: ds.dtype,
      shape: ds.shape.slice(),
      storage: { kind: 'raw', bytes },
      docString: `HDF5 dataset ${path}`,
    };
  } catch (e) {
    // A damaged dataset (or one stored in another file) costs that weight only.
    if (e instanceof ModelFormatError) throw e;
    warnings.push(`Keras: weight '${path}' cannot be read: ${hdf5Reason(e)}; skipped`);
    return null;
  }
}

/** Reads model_config and the weights listed under model_weights. Throws ModelFormatError when it is no Keras model. */
export function readKerasH5(
  file: Hdf5File,
  fileName: string,
  fileSize: number,
  warnings: string[],
): KerasH5Contents {
  const rootAttrs = file.attributeNames('');
  const configText = text(file.attribute('', 'model_config'));
  if (configText === undefined) {
    const weightsOnly = rootAttrs.includes('layer_names') || file.isGroup('model_weights');
    throw new ModelFormatError(
      'keras',
      weightsOnly
        ? `Keras: '${fileName}' holds weights only (no model_config attribute): the architecture is not in the file`
        : `Keras: '${fileName}' is an HDF5 file without a Keras model_config attribute`,
      { fieldPath: '/@model_config' },
    );
  }
  const config = parseModelJson(configText, `'${fileName}' model_config`);
  const attributes: Record<string, string> = {};
  for (const k of ['keras_version', 'backend']) {
    const v = text(file.attribute('', k));
    if (v !== undefined) attributes[k] = v;
  }
  const root = file.isGroup('model_weights') ? 'model_weights' : '';
  const budget = weightBudget(fileSize);
  const weights: NamedWeight[] = [];
  for (const layer of chunkedList(file, root, 'layer_names')) {
    const group = root ? `${root}/${layer}` : layer;
    for (const wn of chunkedList(file, group, 'weight_names')) {
      const base = wn.replace(/:\d+$/, '');
      const name = base.startsWith(`${layer}/`) ? base : `${layer}/${base}`;
      const t = readTensor(file, `${group}/${wn}`, name, budget, warnings);
      if (t) weights.push({ name: wn, group: layer, tensor: t });
    }
  }
  return { config, weights: namedWeightSource(weights), attributes };
}
