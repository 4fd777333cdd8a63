/** ONNX ModelProto → IR Model: metadata, opset imports, the main graph and model-local functions. */
import { createModel, type FunctionDef, type Model } from '@nnlens/ir';
import { warn, type ImportContext } from './context.js';
import { buildGraph } from './graph.js';
import { int64, type onnx } from './proto.js';

type OpsetProps = onnx.OperatorSetIdProto.$Properties;

function opsets(list: OpsetProps[] | null | undefined): { domain: string; version: number }[] {
  return (list ?? []).map((o) => ({ domain: o.domain ?? '', version: int64(o.version) }));
}

function toFunction(fp: onnx.FunctionProto.$Properties, ctx: ImportContext): FunctionDef {
  const name = fp.name ?? '';
  const domain = fp.domain ?? '';
  const named = (n: string): onnx.ValueInfoProto.$Properties => ({ name: n });
  // A function body is a graph whose inputs and outputs are the function's formal parameters.
  const body = buildGraph(
    {
      name,
      node: fp.node ?? [],
      input: (fp.input ?? []).map(named),
      output: (fp.output ?? []).map(named),
      valueInfo: fp.valueInfo ?? [],
    },
    ctx,
    `function ${domain}:${name}`,
  );
  const attributes = [...(fp.attribute ?? []), ...(fp.attributeProto ?? []).map((a) => a.name ?? '')];
  const fn: FunctionDef = {
    name,
    domain,
    inputs: fp.input ?? [],
    outputs: fp.output ?? [],
    attributes,
    opsetImports: opsets(fp.opsetImport),
    body,
  };
  if (fp.docString) fn.docString = fp.docString;
  return fn;
}

/** The IR model for a decoded ModelProto that has a graph. */
export function toModel(mp: onnx.ModelProto, graph: onnx.GraphProto.$Properties, ctx: ImportContext): Model {
  const irVersion = int64(mp.irVersion);
  const metadata: Record<string, string> = {};
  for (const p of mp.metadataProps ?? []) metadata[p.key ?? ''] = p.value ?? '';
  const opsetImports = opsets(mp.opsetImport);
  if (opsetImports.length === 0 && irVersion >= 3) {
    warn(ctx, 'opset', 'ONNX: the model has no opset_import (truncated file?); assuming the default domain');
  }
  const main = buildGraph(graph, ctx, graph.name || 'main');
  const functions = (mp.functions ?? []).map((f) => toFunction(f, ctx));
  if (mp.trainingInfo?.length) {
    warn(ctx, 'training', `ONNX: ${mp.trainingInfo.length} training_info entries are not shown`);
  }
  return createModel('onnx', main, {
    formatVersion: `ONNX v${irVersion}`,
    producer: mp.producerName ?? '',
    producerVersion: mp.producerVersion ?? '',
    domain: mp.domain ?? '',
    modelVersion: int64(mp.modelVersion),
    docString: mp.docString ?? '',
    opsetImports,
    metadata,
    functions,
    warnings: ctx.warnings,
  });
}
