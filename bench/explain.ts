/** Explain benchmark cases from the corpus: Tiny VGG, ResNet-18 (external data) and ResNet-50 with seeded weights. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openModel } from '@nnlens/formats';
import { benchExplain, fillRandomWeights, type BenchResult } from '@nnlens/runtime';

function bytes(path: string): Uint8Array {
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** Forward with all taps, activations read out, Grad-CAM and saliency at 224×224 (Tiny VGG at 64×64). */
export async function benchExplainCorpus(corpus: string): Promise<BenchResult[]> {
  const at = (rel: string): string => join(corpus, rel);
  const tinyvgg = openModel({ name: 'model.onnx', bytes: bytes(at('explain/reference/tinyvgg/model.onnx')) });
  const r18 = 'resnet18_external_data.onnx';
  const resnet18 = openModel({
    name: r18,
    bytes: bytes(at(`onnx/${r18}`)),
    sidecars: new Map([[`${r18}.data`, bytes(at(`onnx/${r18}.data`))]]),
  });
  const resnet50 = openModel({
    name: 'resnet50.onnx',
    bytes: bytes(at('analyzer/onnx_graph_only/resnet50.onnx')),
  });
  fillRandomWeights(resnet50, 0);
  return benchExplain([
    { name: 'tinyvgg', model: tinyvgg, inputShape: [1, 3, 64, 64] },
    { name: 'resnet18', model: resnet18, inputShape: [1, 3, 224, 224] },
    { name: 'resnet50 (seeded random weights)', model: resnet50, inputShape: [1, 3, 224, 224] },
  ]);
}
