/** The PyTorch importer plugins: TorchScript archives and state_dict archives (both torch zip files). */
import type { Model } from '@nnlens/ir';
import type { FormatPlugin, ModelSource } from '../source.js';
import { openArchive, type TorchArchive } from './archive.js';
import { torchError } from './errors.js';
import { legacyModel, isLegacyTorch } from './legacy.js';
import { STATE_DICT_FORMAT, stateDictModel } from './state-dict.js';
import { TORCHSCRIPT_FORMAT, torchScriptModel } from './torchscript.js';
import { isZip } from './zip.js';

const EXTENSIONS = ['.pt', '.pth', '.pt1', '.pkl', '.bin', '.ckpt', '.tar', '.zip', '.torchscript'];

function byName(name: string): boolean {
  const n = name.toLowerCase();
  return EXTENSIONS.some((e) => n.endsWith(e));
}

/** Cheap look at a zip's directory: is there a data.pkl, and code/ beside it? */
function peek(source: ModelSource): 'script' | 'state' | null {
  if (!isZip(source.bytes)) return null;
  let a: TorchArchive;
  try {
    a = openArchive(source.bytes);
  } catch {
    return null;
  }
  return a.scripted ? 'script' : 'state';
}

function open(source: ModelSource, want: 'script' | 'state'): Model {
  if (!isZip(source.bytes)) {
    if (want === 'state' && isLegacyTorch(source.bytes)) return legacyModel(source.bytes, source.name);
    throw torchError(`'${source.name}' is not a PyTorch zip archive`, {
      format: want === 'script' ? TORCHSCRIPT_FORMAT : STATE_DICT_FORMAT,
    });
  }
  const a = openArchive(source.bytes);
  return a.scripted ? torchScriptModel(a, source.name) : stateDictModel(a, source.name);
}

/** Opens TorchScript archives (`torch.jit.save`). */
export const torchScriptFormat: FormatPlugin = {
  id: TORCHSCRIPT_FORMAT,
  name: 'TorchScript',
  extensions: ['.pt', '.pth', '.torchscript'],
  match: (source) => (peek(source) === 'script' ? 12 + (byName(source.name) ? 4 : 0) : 0),
  open: (source) => open(source, 'script'),
};

/** Opens PyTorch state_dict / checkpoint files (`torch.save`): weights only. */
export const stateDictFormat: FormatPlugin = {
  id: STATE_DICT_FORMAT,
  name: 'PyTorch state_dict',
  extensions: ['.pth', '.pt', '.ckpt', '.bin'],
  match(source) {
    const kind = peek(source);
    if (kind === 'state') return 11 + (byName(source.name) ? 4 : 0);
    if (kind === null && isLegacyTorch(source.bytes)) return 8 + (byName(source.name) ? 4 : 0);
    return 0;
  },
  open: (source) => open(source, 'state'),
};
