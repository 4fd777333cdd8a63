/** A read-only, sandboxed HDF5 reader over h5wasm: loaded on first use, files opened from bytes in its in-memory FS. */
import type { DType } from '@nnlens/ir';
import { ModelFormatError } from '../errors.js';

type H5wasm = typeof import('h5wasm').default;
type H5Module = typeof import('h5wasm').Module;

/** One dataset's type and shape, and a way to read its raw little-endian bytes. */
export interface Hdf5Dataset {
  /** Element type; 'unknown' for strings, compounds and other non-numeric types. */
  dtype: DType;
  shape: number[];
  /** Bytes the data takes in memory. */
  byteLength: number;
  /** Reads the whole dataset as little-endian bytes (a fresh copy; HDF5 converts big-endian data). */
  read(): Uint8Array;
}

/** A read-only view of one HDF5 file. Paths are '/'-separated from the root ('' = root). */
export interface Hdf5File {
  /** Names of the links in a group; [] when the path is not a group. */
  children(path: string): string[];
  /** True when the path names a group (reached without external links). */
  isGroup(path: string): boolean;
  /** Attribute names of a group or dataset. */
  attributeNames(path: string): string[];
  /** An attribute's value: string, number, or (nested) arrays of them; undefined when absent. */
  attribute(path: string, name: string): unknown;
  /** The dataset at `path`, or null when there is none (or it is reached through an external link). */
  dataset(path: string): Hdf5Dataset | null;
  /** Closes the file and frees its in-memory copy. */
  close(): void;
}

/** Opens HDF5 files held in memory. */
export interface Hdf5Reader {
  open(bytes: Uint8Array, name: string): Hdf5File;
}

// Attributes bigger than this are not what Keras writes (it splits long name lists into chunks).
const MAX_ATTRIBUTE_BYTES = 64 << 20;
const WORKDIR = '/nnlens';

let reader: Hdf5Reader | null = null;
let loading: Promise<Hdf5Reader> | null = null;

/** The reader if the wasm module has finished loading, else null (lets a sync open() use it). */
export function loadedHdf5(): Hdf5Reader | null {
  return reader;
}

/** Loads h5wasm once (the wasm module is large: it is imported only when a Keras HDF5 file is opened). */
export function loadHdf5(): Promise<Hdf5Reader> {
  loading ??= import('h5wasm').then(async (mod) => {
    const h5 = mod.default;
    const module = await h5.ready;
    // HDF5 errors become JS exceptions instead of console output.
    module.activate_throwing_error_handler();
    sandbox(module);
    reader = createReader(h5, module);
    return reader;
  });
  return loading;
}

/** The parts of Emscripten's FS we use. */
interface EmFS {
  readdir(p: string): string[];
  stat(p: string): { mode: number };
  isDir(mode: number): boolean;
  unlink(p: string): void;
  rmdir(p: string): void;
  mkdir(p: string): void;
  close(stream: unknown): void;
  streams: ({ path?: string } | null | undefined)[];
}

// Leaves nothing in the in-memory FS but our work folder and an empty /tmp (h5wasm's error handler
// formats messages through tmpfile()): an external link or external dataset storage in a hostile file
// then has no other file (device, /proc entry) to read.
function sandbox(module: H5Module): void {
  const fs = module.FS as unknown as EmFS;
  const clear = (dir: string): void => {
    for (const name of fs.readdir(dir)) {
      if (name === '.' || name === '..') continue;
      const p = `${dir === '/' ? '' : dir}/${name}`;
      try {
        if (fs.isDir(fs.stat(p).mode)) {
          clear(p);
          fs.rmdir(p);
        } else fs.unlink(p);
      } catch {
        // entries that cannot be removed (mount points) are left; they hold no readable data
      }
    }
  };
  clear('/');
  fs.mkdir('/tmp');
  fs.mkdir(WORKDIR);
}

// h5wasm's throwing error handler leaves its tmpfile() open (the throw skips the fclose): close them.
function closeTmpStreams(module: H5Module): void {
  const fs = module.FS as unknown as EmFS;
  for (const s of fs.streams) {
    if (s?.path?.startsWith('/tmp/')) {
      try {
        fs.close(s);
      } catch {
        // already closed
      }
    }
  }
}

/** The last, most specific line of an HDF5 error stack ('truncated file: eof = 100, …'). */
export function hdf5Reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const lines = text.split('\n').filter((l) => /#\d+:/.test(l));
  const last = lines[lines.length - 1];
  const m = last ? /in (\w+)\(\): (.*)$/.exec(last) : null;
  return m ? `${m[2]} (${m[1]})` : text.split('\n')[0]!.slice(0, 200);
}

function dtypeOf(meta: { type: number; size: number; signed: boolean; vlen: boolean }): DType {
  if (meta.vlen) return 'unknown';
  if (meta.type === 1) {
    return meta.size === 2
      ? 'float16'
      : meta.size === 4
        ? 'float32'
        : meta.size === 8
          ? 'float64'
          : 'unknown';
  }
  if (meta.type === 0 || meta.type === 8) {
    // Integers (and enums, which is how h5py stores numpy bools).
    const bits = meta.size * 8;
    if (![8, 16, 32, 64].includes(bits)) return 'unknown';
    return `${meta.signed ? 'int' : 'uint'}${bits}` as DType;
  }
  return 'unknown';
}

let sequence = 0;

function createReader(h5: H5wasm, module: H5Module): Hdf5Reader {
  return {
    open(bytes: Uint8Array, name: string): Hdf5File {
      const path = `${WORKDIR}/f${sequence++}.h5`;
      module.FS.writeFile(path, bytes);
      let file: InstanceType<H5wasm['File']>;
      try {
        file = new h5.File(path, 'r');
      } catch (e) {
        module.FS.unlink(path);
        closeTmpStreams(module);
        throw new ModelFormatError(
          'keras',
          `Keras: '${name}' is not a readable HDF5 file: ${hdf5Reason(e)}`,
          {
            cause: e,
          },
        );
      }
      return wrapFile(h5, module, file, path);
    },
  };
}

function wrapFile(
  h5: H5wasm,
  module: H5Module,
  file: InstanceType<H5wasm['File']>,
  fsPath: string,
): Hdf5File {
  const id = file.file_id;
  const abs = (p: string): string => '/' + p.split('/').filter(Boolean).join('/');
  // Every prefix must be a group or dataset reached by hard or soft links: external links open other files.
  const kindOf = (prefix: string): number => {
    try {
      const ext = module.get_external_link(id, prefix) as { filename?: string } | null;
      return ext && ext.filename !== undefined ? -1 : module.get_type(id, prefix);
    } catch {
      return -1;
    }
  };
  const reachable = (p: string): boolean => {
    const parts = p.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const t = kindOf('/' + parts.slice(0, i).join('/'));
      const last = i === parts.length;
      if (!(t === module.H5G_GROUP || (last && t === module.H5G_DATASET))) return false;
    }
    return true;
  };
  const typeOf = (p: string): number => (reachable(p) ? module.get_type(id, abs(p)) : -1);
  return {
    children(p) {
      return typeOf(p) === module.H5G_GROUP || abs(p) === '/' ? module.get_names(id, abs(p), false) : [];
    },
    isGroup(p) {
      return abs(p) === '/' || typeOf(p) === module.H5G_GROUP;
    },
    attributeNames(p) {
      const t = abs(p) === '/' ? module.H5G_GROUP : typeOf(p);
      if (t !== module.H5G_GROUP && t !== module.H5G_DATASET) return [];
      return module.get_attribute_names(id, abs(p));
    },
    attribute(p, name) {
      if (!this.attributeNames(p).includes(name)) return undefined;
      const meta = module.get_attribute_metadata(id, abs(p), name);
      if (meta.total_size * meta.size > MAX_ATTRIBUTE_BYTES) {
        throw new ModelFormatError('keras', `Keras: HDF5 attribute '${abs(p)}@${name}' is implausibly large`);
      }
      const value = new h5.Group(id, abs(p)).get_attribute(name, false);
      return plain(value);
    },
    dataset(p) {
      if (typeOf(p) !== module.H5G_DATASET) return null;
      const path = abs(p);
      const meta = module.get_dataset_metadata(id, path);
      if (meta.virtual_sources?.length) return null; // virtual datasets read other files
      const shape = meta.shape ?? [];
      const byteLength = meta.total_size * meta.size;
      const dtype = dtypeOf(meta);
      return {
        dtype,
        shape,
        byteLength,
        read() {
          if (dtype === 'unknown')
            throw new ModelFormatError('keras', `Keras: dataset '${path}' is not numeric`);
          const ptr = module._malloc(Math.max(byteLength, 1));
          if (!ptr)
            throw new ModelFormatError(
              'keras',
              `Keras: no memory for dataset '${path}' (${byteLength} bytes)`,
            );
          try {
            module.get_dataset_data(id, path, null, null, null, BigInt(ptr));
            // h5wasm reads with a little-endian memory type: big-endian datasets arrive converted.
            return module.HEAPU8.slice(ptr, ptr + byteLength);
          } finally {
            module._free(ptr);
          }
        },
      };
    },
    close() {
      try {
        file.close();
      } finally {
        module.FS.unlink(fsPath);
        closeTmpStreams(module);
      }
    },
  };
}

// h5wasm returns typed arrays and bigints for numeric attributes: make them plain numbers.
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number | bigint>, (x) => Number(x));
  if (Array.isArray(v)) return v.map(plain);
  return v;
}
