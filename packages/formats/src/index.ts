/** @nnlens/formats — model importers behind one registry (ONNX first) and external-data loading. */
/** A model file with optional sidecar files, as handed to importers. */
export type { ModelSource } from './source.js';
/** One importer of the registry: id, extensions, match() and open(). */
export type { FormatPlugin } from './source.js';
/** Byte offset and field path attached to a ModelFormatError. */
export type { ModelFormatErrorLocation } from './errors.js';
/** Thrown for any unreadable model file; names the format, what failed and where. */
export { ModelFormatError } from './errors.js';
/** The importer registry (ONNX first). */
export { formats } from './registry.js';
/** Sniffs the format of a file and parses it into an IR Model. */
export { openModel } from './registry.js';
/** The ONNX importer plugin. */
export { onnxFormat } from './onnx/plugin.js';
/** Distinct external-data file locations the model's tensors reference. */
export { externalDataFiles } from './external-data.js';
/** Resolves external tensor data against provided files; returns warnings. */
export { attachExternalData } from './external-data.js';
/** The Caffe importer plugin (.prototxt, .caffemodel). */
export { caffeFormat } from './caffe/plugin.js';
/** Files an importer would read beside a model file (a prototxt's .caffemodel weights). */
export { caffeCompanions as companionFiles } from './caffe/plugin.js';
/** Like openModel, for plugins that load asynchronously (Keras HDF5 reads through wasm). */
export { openModelAsync } from './open-async.js';
/** Loads an importer's asynchronous reader so that a synchronous openModel can read the source. */
export { prepareModelSource } from './open-async.js';
/** The Keras importer plugin (.h5/.hdf5 full models, .keras archives, model JSON). */
export { kerasFormat } from './keras/plugin.js';
/** The TFLite importer plugin (.tflite flatbuffers). */
export { tfliteFormat } from './tflite/plugin.js';
/** The TorchScript importer plugin (torch.jit.save archives). */
export { torchScriptFormat } from './torch/plugin.js';
/** The PyTorch state_dict importer plugin (torch.save archives: weights only). */
export { stateDictFormat } from './torch/plugin.js';
/** The TF.js importer plugin (model.json layers and graph models with weight shards). */
export { tfjsFormat } from './tfjs/plugin.js';
