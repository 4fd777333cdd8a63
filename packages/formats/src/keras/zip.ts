/** Zip access for .keras archives over fflate: entry listing without inflating, and bounded extraction. */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { ModelFormatError } from '../errors.js';

/** Names and sizes of the archive's entries (nothing is inflated); [] when it is not a readable zip. */
export function zipEntries(bytes: Uint8Array): UnzipFileInfo[] {
  const out: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        out.push(f);
        return false;
      },
    });
  } catch {
    return [];
  }
  return out;
}

/** Inflates the named entries; refuses entries whose stated size exceeds `maxBytes` (zip bombs). */
export function readZipEntries(
  bytes: Uint8Array,
  names: string[],
  maxBytes: number,
  fileName: string,
): Map<string, Uint8Array> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!names.includes(f.name)) return false;
        if (f.originalSize > maxBytes) {
          throw new ModelFormatError(
            'keras',
            `Keras: '${f.name}' in '${fileName}' claims ${f.originalSize} bytes, more than this archive can plausibly hold`,
          );
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ModelFormatError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new ModelFormatError('keras', `Keras: '${fileName}' is not a readable zip archive: ${why}`, {
      cause: e,
    });
  }
  return new Map(Object.entries(files));
}
