/** Picks and initialises the tfjs backend once: wasm in Node (its .wasm files from node_modules), wasm or webgl in browsers. */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/** Backends the runtime runs on. */
export type BackendName = 'wasm' | 'webgl' | 'cpu';

/** Options of initBackend(). */
export interface BackendOptions {
  /** Default 'wasm' (exact float32 everywhere; webgl may use float16 textures). */
  backend?: BackendName;
  /**
   * Where tfjs-backend-wasm finds its .wasm files: a folder prefix ending in '/', or a map from file name
   * ('tfjs-backend-wasm-simd.wasm', …) to URL. In Node the default is the installed package's dist folder.
   */
  wasmPaths?: string | Record<string, string>;
}

let current: { name: string; promise: Promise<string> } | null = null;

interface MaybeResolve {
  resolve?: (specifier: string) => string;
}

/** The dist folder of the installed tfjs-backend-wasm, in Node (import.meta.resolve); null elsewhere. */
function nodeWasmFolder(): string | null {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  const resolve = (import.meta as unknown as MaybeResolve).resolve;
  if (!proc?.versions?.node || typeof resolve !== 'function') return null;
  try {
    const url = resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
    const path = decodeURIComponent(new URL(url).pathname);
    return path.slice(0, path.lastIndexOf('/') + 1);
  } catch {
    return null;
  }
}

async function init(options: BackendOptions): Promise<string> {
  const name = options.backend ?? 'wasm';
  if (name === 'wasm') {
    const paths = options.wasmPaths ?? nodeWasmFolder();
    if (paths) setWasmPaths(paths as string);
  }
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend '${name}' could not be initialised`);
  await tf.ready();
  // Tensors are float32 end to end; keep webgl from packing into float16 where it can avoid it.
  if (name === 'webgl') tf.env().set('WEBGL_FORCE_F16_TEXTURES', false);
  return tf.getBackend();
}

/** Initialises the backend (once per name; later calls with the same name share the first). Resolves to its name. */
export function initBackend(options: BackendOptions = {}): Promise<string> {
  const name = options.backend ?? 'wasm';
  if (current && current.name === name) return current.promise;
  current = { name, promise: init(options) };
  current.promise.catch(() => {
    current = null;
  });
  return current.promise;
}

/** Bytes and tensors tfjs holds now (to check that nothing leaks). */
export function memoryInfo(): { numTensors: number; numBytes: number } {
  const m = tf.memory();
  return { numTensors: m.numTensors, numBytes: m.numBytes };
}
