/** Where model bytes come from: picked or dropped files, a `?url=`, or the nnlens server's model list. */
import { takePrefetched, takePrefetchedModels } from './prefetch.js';

/** Model bytes plus the sidecar files that came with them and a way to fetch more later. */
export interface ModelBytes {
  name: string;
  bytes: ArrayBuffer;
  /** Files that arrived together with the model (e.g. a dropped `x.onnx.data`). */
  sidecars: Map<string, ArrayBuffer>;
  /** Fetches a file next to the model by name; null when the source cannot (local files). */
  fetchSidecar: ((name: string) => Promise<ArrayBuffer>) | null;
}

/** A model the server offers. */
export interface ServerModel {
  id: string;
  name: string;
  size: number;
}

// Weights beside a definition: ONNX external data, TF.js shards, Caffe weights next to a prototxt.
const SIDE_FILE = /\.(data|bin|weights|pb\.data|onnx_data|external|caffemodel)$|^weights?[-_.]/i;
const MODEL_FILE =
  /\.(onnx|onnxtxt|ort|pb|pbtxt|tflite|lite|h5|hdf5|keras|json|prototxt|caffemodel|pt|pth|pt2|ptl|mlmodel|nnlens)$/i;

/** Index of the model among several files dropped together; the rest are sidecars. */
export function pickModelFile(names: readonly string[]): number {
  const byExt = names.findIndex((n) => MODEL_FILE.test(n) && !SIDE_FILE.test(n));
  if (byExt >= 0) return byExt;
  const notSide = names.findIndex((n) => !SIDE_FILE.test(n));
  return notSide >= 0 ? notSide : 0;
}

/** URL of a file beside `modelUrl`: the server's sidecar route for its model files, else a relative URL. */
export function sidecarUrl(modelUrl: string, name: string, base: string): string {
  const abs = new URL(modelUrl, base);
  const m = /^\/api\/models\/([^/]+)\/file$/.exec(abs.pathname);
  if (m && abs.origin === new URL(base).origin) {
    return `${abs.origin}/api/models/${m[1]}/sidecar/${encodeURIComponent(name)}`;
  }
  return new URL(encodeURIComponent(name), abs).href;
}

/** The file name in a Content-Disposition header (`filename*` preferred), or null. */
export function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      // Malformed escapes: fall back to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/i.exec(header);
  return plain ? (plain[1] ?? plain[2] ?? null) : null;
}

async function fetchResponse(
  url: string,
  what: string,
  early: Promise<Response> | null = null,
): Promise<Response> {
  let res: Response;
  try {
    res = await (early ?? fetch(url));
  } catch (e) {
    throw new Error(`could not fetch ${what} (${url}): ${(e as Error).message}`);
  }
  if (!res.ok) {
    let detail = res.statusText;
    try {
      const body = (await res.json()) as { error?: string };
      if (body.error) detail = body.error;
    } catch {
      // Not a JSON error body; the status text says enough.
    }
    throw new Error(`could not fetch ${what} (${url}): HTTP ${res.status} ${detail}`);
  }
  return res;
}

async function fetchBytes(url: string, what: string): Promise<ArrayBuffer> {
  return (await fetchResponse(url, what)).arrayBuffer();
}

/** Reads files from a picker or a drop: the model and any sidecars dropped with it. */
export async function bytesFromFiles(files: readonly File[]): Promise<ModelBytes> {
  if (files.length === 0) throw new Error('no file given');
  const i = pickModelFile(files.map((f) => f.name));
  const model = files[i]!;
  const sidecars = new Map<string, ArrayBuffer>();
  await Promise.all(
    files.map(async (f, k) => {
      if (k !== i) sidecars.set(f.name, await f.arrayBuffer());
    }),
  );
  return { name: model.name, bytes: await model.arrayBuffer(), sidecars, fetchSidecar: null };
}

/** Fetches a model by URL; its sidecars are fetched from beside it when asked for. */
export async function bytesFromUrl(url: string): Promise<ModelBytes> {
  const base = location.href;
  const res = await fetchResponse(new URL(url, base).href, 'the model', takePrefetched(url));
  const bytes = await res.arrayBuffer();
  const path = new URL(url, base).pathname;
  const name =
    dispositionName(res.headers.get('content-disposition')) ??
    (decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || 'model');
  return {
    name,
    bytes,
    sidecars: new Map(),
    fetchSidecar: (file) => fetchBytes(sidecarUrl(url, file, base), `external data '${file}'`),
  };
}

/** The models the nnlens server was started with; empty when there is no server (static hosting). */
export async function listServerModels(): Promise<ServerModel[]> {
  try {
    const res = await (takePrefetchedModels() ?? fetch('/api/models'));
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return [];
    return (await res.json()) as ServerModel[];
  } catch {
    return [];
  }
}

/** Fetches one of the server's models. */
export async function bytesFromServer(model: ServerModel): Promise<ModelBytes> {
  const got = await bytesFromUrl(`/api/models/${encodeURIComponent(model.id)}/file`);
  return { ...got, name: model.name };
}
