/** A ModelProvider over the model files named on the command line. */
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { ModelEntry, ModelProvider, ServedFile } from './provider.js';
import { resolveInside } from './safe-path.js';

/** Serves exactly the given files (ids are their positions) and plain-named files beside them. */
export function fileModelProvider(files: readonly string[]): ModelProvider {
  const paths = files.map((f) => resolve(f));
  const byId = (id: string): string | undefined => (/^\d+$/.test(id) ? paths[Number(id)] : undefined);

  async function file(id: string): Promise<ServedFile | null> {
    const path = byId(id);
    if (!path) return null;
    try {
      const st = await stat(path);
      return st.isFile() ? { path, size: st.size } : null;
    } catch {
      return null;
    }
  }

  return {
    async list(): Promise<ModelEntry[]> {
      const out: ModelEntry[] = [];
      for (let i = 0; i < paths.length; i++) {
        const f = await file(String(i));
        // A file deleted since start-up is left out rather than listed with a wrong size.
        if (f) out.push({ id: String(i), name: basename(paths[i]!), size: f.size });
      }
      return out;
    },
    file,
    async sidecar(id: string, name: string): Promise<ServedFile | null> {
      const path = byId(id);
      if (!path) return null;
      const found = await resolveInside(dirname(path), name);
      // The model itself is not a sidecar; asking for it under another route is pointless but harmless.
      return found;
    },
  };
}
