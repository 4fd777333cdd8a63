/** What an importer receives (the file and its neighbours) and what an importer plugin provides. */
import type { Model } from '@nnlens/ir';

/** A model file handed to the importers. */
export interface ModelSource {
  /** File name, used for extension sniffing and messages. */
  name: string;
  /** The whole file. Tensor payloads of the resulting model are views into it. */
  bytes: Uint8Array;
  /** Other files by relative name (ONNX external data: 'x.onnx.data'), if the caller has them. */
  sidecars?: Map<string, Uint8Array>;
}

/** One importer in the registry. */
export interface FormatPlugin {
  /** Stable id, also `Model.format` of what it produces ('onnx'). */
  id: string;
  /** Human name ('ONNX'). */
  name: string;
  /** Lower-case file extensions with the dot ('.onnx'). */
  extensions: string[];
  /** 0 = not this format; higher = more confident. Must be cheap: looks at the name and the first bytes. */
  match(source: ModelSource): number;
  /** Parses the file; throws ModelFormatError on bad input. */
  open(source: ModelSource): Model;
  /** Loads what open() needs that loads asynchronously (a wasm reader); openModelAsync awaits it first. */
  prepare?(source: ModelSource): Promise<void>;
}
