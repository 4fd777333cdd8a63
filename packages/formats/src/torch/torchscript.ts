/**
 * TorchScript archives (torch.jit.save): the module tree and its tensors from data.pkl, the graph from
 * the code/ of straight-line forward methods; code beyond that subset falls back to the module tree.
 */
import { addInitializer, createGraph, createModel, type Graph, type Model, type Value } from '@nnlens/ir';
import { loadPickle, type TorchArchive } from './archive.js';
import { collectTensors } from './collect.js';
import { torchError } from './errors.js';
import { addModuleNodes } from './module-nodes.js';
import { PyObject, PyTuple, TorchTensor, dictEntries, type PyValue } from './py-objects.js';
import type { ScriptClass } from './script-ast.js';
import { parseScriptFile } from './script-parser.js';
import { runForward, scopeNames } from './script-run.js';
import { Unsupported } from './script-values.js';
import { irTensor } from './tensors.js';

/** Format id of TorchScript archives. */
export const TORCHSCRIPT_FORMAT = 'torchscript';

const utf8 = new TextDecoder('utf-8');

function classes(a: TorchArchive): Map<string, ScriptClass> {
  const out = new Map<string, ScriptClass>();
  const root = `${a.prefix}code/`;
  for (const name of a.zip.entries.keys()) {
    if (!name.startsWith(root) || !name.endsWith('.py')) continue;
    const module = name.slice(root.length, -3).split('/').join('.');
    for (const c of parseScriptFile(utf8.decode(a.zip.read(name)), module)) out.set(c.qualified, c);
  }
  return out;
}

/** Class name of every module in the tree, by dotted path ('' = root). */
function moduleClasses(root: PyObject): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Set<PyObject>();
  const visit = (obj: PyObject, path: string[]): void => {
    if (seen.has(obj) || path.length > 64) return;
    seen.add(obj);
    out.set(path.join('.'), obj.cls.name);
    for (const [k, v] of dictEntries(obj.state) ?? [])
      if (v instanceof PyObject && typeof k === 'string') visit(v, [...path, k]);
  };
  visit(root, []);
  return out;
}

function constantValues(a: TorchArchive, graph: Graph, warn: (m: string) => void): Value[] {
  if (!a.zip.entries.has(`${a.prefix}constants.pkl`)) return [];
  const c = loadPickle(a, 'constants.pkl', TORCHSCRIPT_FORMAT);
  const items: PyValue[] = c instanceof PyTuple ? c.items : [];
  return items.flatMap((t, i) =>
    t instanceof TorchTensor
      ? [addInitializer(graph, irTensor(`CONSTANTS.c${i}`, t, a.byteorder, warn))]
      : [],
  );
}

/** Builds the model of a TorchScript archive. */
export function torchScriptModel(a: TorchArchive, name: string): Model {
  const root = loadPickle(a, 'data.pkl', TORCHSCRIPT_FORMAT);
  if (!(root instanceof PyObject) || !root.cls.module.startsWith('__torch__')) {
    throw torchError(`'${name}' has code/ but data.pkl is not a TorchScript module`, {
      format: TORCHSCRIPT_FORMAT,
    });
  }
  const warnings: string[] = [];
  const warn = (m: string): void => {
    if (warnings.length < 50) warnings.push(`TorchScript: ${m}`);
  };
  const found = collectTensors(root);
  const tensors = new Map<TorchTensor, string>();
  for (const { name: n, tensor } of found) if (!tensors.has(tensor)) tensors.set(tensor, n);
  const classMap = classes(a);
  let graph = createGraph(name);
  const params = new Map<TorchTensor, Value>();
  for (const [t, n] of tensors) params.set(t, addInitializer(graph, irTensor(n, t, a.byteorder, warn)));
  let how: string;
  try {
    const constants = constantValues(a, graph, warn);
    graph.outputs.push(...runForward({ graph, classes: classMap, params, constants, warn }, root));
    how = `graph from code/ (${graph.nodes.length} operations)`;
    const names = graph.inputs.map((v) => `${v.name}=…`).join(' ');
    warn(
      `input shapes are not stored in TorchScript archives: give them to the analyzer for shapes and MACs (nnlens summary --input-shape ${names})`,
    );
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    // Start over with one node per module: the tree and its weights, without edges.
    graph = createGraph(name);
    const kinds = moduleClasses(root);
    addModuleNodes(
      graph,
      [...tensors].map(([t, n]) => irTensor(n, t, a.byteorder, () => undefined)),
      (m) => kinds.get(m),
      false,
    );
    for (const node of graph.nodes)
      if (node.name !== '(root)') node.name = `/${scopeNames(node.name.split('.')).join('/')}`;
    how = `module tree only: ${e.message}`;
    warn(
      `the forward code is not a straight sequence of calls (${e.message}): showing the module tree and its weights`,
    );
  }
  const metadata: Record<string, string> = {
    'torchscript.graph': how,
    'torchscript.root': root.cls.qualified,
  };
  if (a.version) metadata['pytorch.archive_version'] = a.version;
  return createModel(TORCHSCRIPT_FORMAT, graph, {
    formatVersion: `TorchScript${a.version ? ` (archive version ${a.version})` : ''}`,
    producer: 'PyTorch',
    opsetImports: [{ domain: '', version: 17 }],
    metadata,
    warnings,
  });
}
