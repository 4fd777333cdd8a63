/** @nnlens/formats — model importers behind one registry (ONNX first) and external-data loading. */
export type { FormatPlugin, ModelSource } from './source.js';
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
