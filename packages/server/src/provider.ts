/** The data-provider interfaces the HTTP routes read from; each route module takes one provider. */

/** One model file the server offers. */
export interface ModelEntry {
  /** Opaque, URL-safe id. */
  id: string;
  /** File name shown to the user (no directory). */
  name: string;
  /** Size in bytes. */
  size: number;
}

/** A file the server may stream: its resolved path and size. */
export interface ServedFile {
  path: string;
  size: number;
}

/** Source of model files and their sidecars (ONNX external data). */
export interface ModelProvider {
  /** Every model on offer, in the order given. */
  list(): Promise<ModelEntry[]>;
  /** The model file, or null when the id is unknown. */
  file(id: string): Promise<ServedFile | null>;
  /** A plain-named file next to the model, or null when the name is unsafe, absent or not a regular file. */
  sidecar(id: string, name: string): Promise<ServedFile | null>;
}

/** Everything the server can serve. Later providers (training runs, …) are added as optional fields. */
export interface DataProvider {
  models: ModelProvider;
}
