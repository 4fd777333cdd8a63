/** The Keras importer plugin: HDF5 full models, Keras 3 .keras archives and architecture-only JSON. */
import type { Model } from '@nnlens/ir';
import { ModelFormatError } from '../errors.js';
import type { FormatPlugin, ModelSource } from '../source.js';
import { parseModelJson } from './config.js';
import { readKerasH5 } from './h5-model.js';
import { hdf5Reason, loadHdf5, loadedHdf5, type Hdf5File, type Hdf5Reader } from './hdf5.js';
import { keras3WeightSource, readKerasArchive } from './keras3.js';
import { kerasToModel } from './model.js';
import { sniffKeras } from './sniff.js';
import { noWeights } from './weights.js';

function reader(): Hdf5Reader {
  const r = loadedHdf5();
  if (!r) {
    throw new ModelFormatError(
      'keras',
      'Keras: HDF5 files are read by a wasm module that loads asynchronously: use openModelAsync() (or await prepareModelSource() first)',
    );
  }
  return r;
}

// HDF5 errors thrown while walking an opened file become located Keras errors.
function withFile<T>(bytes: Uint8Array, name: string, use: (file: Hdf5File) => T): T {
  const file = reader().open(bytes, name);
  try {
    return use(file);
  } catch (e) {
    if (e instanceof ModelFormatError) throw e;
    throw new ModelFormatError('keras', `Keras: cannot read '${name}': ${hdf5Reason(e)}`, { cause: e });
  } finally {
    file.close();
  }
}

function openHdf5(source: ModelSource): Model {
  const warnings: string[] = [];
  return withFile(source.bytes, source.name, (file) => {
    const c = readKerasH5(file, source.name, source.bytes.length, warnings);
    const version = c.attributes['keras_version'] ?? '';
    return kerasToModel(
      'keras',
      c.config,
      c.weights,
      { formatVersion: 'Keras HDF5', producerVersion: version, metadata: c.attributes },
      warnings,
    );
  });
}

function openArchive(source: ModelSource): Model {
  const warnings: string[] = [];
  const a = readKerasArchive(source.bytes, source.name, warnings);
  const info = {
    formatVersion: 'Keras v3 (.keras)',
    producerVersion: a.attributes['keras_version'] ?? '',
    metadata: a.attributes,
  };
  if (!a.weightsFile) return kerasToModel('keras', a.config, noWeights, info, warnings);
  const weightsFile = a.weightsFile;
  return withFile(weightsFile, `${source.name}/model.weights.h5`, (file) =>
    kerasToModel('keras', a.config, keras3WeightSource(file, weightsFile.length, warnings), info, warnings),
  );
}

function openJson(source: ModelSource): Model {
  const text = new TextDecoder('utf-8').decode(source.bytes);
  const config = parseModelJson(text, `'${source.name}'`);
  const warnings = [
    'Keras: architecture-only JSON: no weights, so parameter counts and weight shapes are missing',
  ];
  return kerasToModel(
    'keras',
    config,
    noWeights,
    { formatVersion: 'Keras JSON', producerVersion: '', metadata: {} },
    warnings,
  );
}

function needsHdf5(source: ModelSource): boolean {
  const s = sniffKeras(source);
  return s?.kind === 'hdf5' || s?.kind === 'archive';
}

/** Opens Keras models: `.h5`/`.hdf5` (model.save), `.keras` (Keras 3) and model JSON. HDF5 needs prepare() (openModelAsync). */
export const kerasFormat: FormatPlugin = {
  id: 'keras',
  name: 'Keras',
  extensions: ['.h5', '.hdf5', '.keras', '.json'],
  match(source) {
    return sniffKeras(source)?.score ?? 0;
  },
  open(source) {
    const kind = sniffKeras(source)?.kind;
    if (kind === 'hdf5') return openHdf5(source);
    if (kind === 'archive') return openArchive(source);
    if (kind === 'json') return openJson(source);
    throw new ModelFormatError('keras', `Keras: '${source.name}' is not a Keras model file`);
  },
  async prepare(source) {
    if (needsHdf5(source)) await loadHdf5();
  },
};
