/** PyTorch state_dict files (torch.save zip archives of tensors): a weights-only model, one node per module. */
import { createGraph, createModel, type Model, type Tensor } from '@nnlens/ir';
import { loadPickle, type TorchArchive } from './archive.js';
import { collectTensors, modelPart } from './collect.js';
import { torchError } from './errors.js';
import { addModuleNodes } from './module-nodes.js';
import { irTensor } from './tensors.js';

/** Format id of weights-only PyTorch files. */
export const STATE_DICT_FORMAT = 'pytorch-state-dict';

/** Builds the weights-only model of a torch.save archive. */
export function stateDictModel(a: TorchArchive, name: string): Model {
  const root = loadPickle(a, 'data.pkl', STATE_DICT_FORMAT);
  const { part, key, extras } = modelPart(root);
  const found = collectTensors(part);
  if (found.length === 0)
    throw torchError(`'${name}' holds no tensors (not a state_dict)`, { format: STATE_DICT_FORMAT });
  const warnings: string[] = [];
  const warn = (m: string): void => {
    if (warnings.length < 50) warnings.push(`PyTorch: ${m}`);
  };
  const graph = createGraph(name);
  const seen = new Set<string>();
  const tensors: Tensor[] = [];
  for (const { name: n, tensor } of found) {
    if (seen.has(n)) continue;
    seen.add(n);
    tensors.push(irTensor(n, tensor, a.byteorder, warn));
  }
  addModuleNodes(graph, tensors, () => undefined, true);
  const metadata: Record<string, string> = {
    contents:
      'weights only: a state_dict stores parameters and buffers, not the network, so there is no graph',
    'pytorch.tensors': String(tensors.length),
  };
  if (a.version) metadata['pytorch.archive_version'] = a.version;
  if (key) metadata['pytorch.checkpoint_key'] = key;
  for (const [k, v] of Object.entries(extras)) metadata[`pytorch.${k}`] = v;
  warnings.unshift(
    `PyTorch: '${name}' is a state_dict: weights only, no graph (save with torch.jit.save or export to ONNX to see the network)`,
  );
  return createModel(STATE_DICT_FORMAT, graph, {
    formatVersion: 'PyTorch state_dict (weights only)',
    producer: 'PyTorch',
    metadata,
    warnings,
  });
}
