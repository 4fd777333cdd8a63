/** Throwaway: runs checkLayout (with avoidBoxes) on corpus models in three views; prints problem counts. */
import { readFileSync } from 'node:fs';
import { openModel } from '@nnlens/formats';
import {
  buildScopeTree,
  checkLayout,
  constantNodes,
  layoutGraph,
  makeSyntheticDenseNet,
} from '../src/index.js';

const C = '/work/shared/corpus/';
const files = process.env.FILES
  ? process.env.FILES.split(',')
  : [
      'analyzer/onnx_graph_only/densenet121.onnx',
      'analyzer/onnx_graph_only/inception_v3.onnx',
      'analyzer/onnx_graph_only/googlenet.onnx',
      'analyzer/onnx_graph_only/vit_b_16.onnx',
      'onnx/transformer_encoder_24l_identical_layers.onnx',
      'analyzer/onnx_graph_only/mobilenet_v3_small.onnx',
      'analyzer/onnx_graph_only/resnet50.onnx',
      'analyzer/onnx_graph_only/squeezenet1_0.onnx',
    ];
for (const f of [...files, 'synthetic']) {
  const g =
    f === 'synthetic'
      ? makeSyntheticDenseNet(2000).graph
      : openModel({ name: f, bytes: new Uint8Array(readFileSync(C + f)) }).graph;
  const tree = buildScopeTree(g);
  const c = constantNodes(g);
  for (const [name, exp] of [
    ['none', new Set<string>()],
    ['top', new Set(tree.root.children.map((x) => x.id))],
    ['all', new Set(tree.groups.keys())],
  ] as const) {
    for (const direction of ['TB', 'LR'] as const) {
      const l = layoutGraph(g, tree, { expanded: exp, hidden: (n) => c[n.index]!, direction });
      const p = checkLayout(l, { tree, avoidBoxes: true, direction });
      console.log(
        f.split('/').pop(),
        name,
        direction,
        'edges',
        l.edges.length,
        'problems',
        p.length,
        p.slice(0, 2).join(' ; '),
      );
    }
  }
}
