import { openModel } from '@nnlens/formats';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../test/corpus.js';
import { analyze } from './analyze.js';

describeCorpus('analyze() speed on the big graphs (target: well under 100 ms)', () => {
  it.each([
    ['onnx/transformer_encoder_24l_identical_layers.onnx', 1959],
    ['analyzer/onnx_graph_only/vit_b_16.onnx', 952],
  ])('%s', (path, nodes) => {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      // A fresh model each time: the first analysis of a model is the one users wait for.
      const model = openModel({ name: path, bytes: readCorpus(path) });
      expect(model.graph.nodes.length).toBe(nodes);
      const t0 = performance.now();
      analyze(model);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const [min, median] = [times[0] as number, times[3] as number];
    console.log(
      `${path}: analyze() min ${min.toFixed(1)} ms, median ${median.toFixed(1)} ms (fresh model each run)`,
    );
    // The minimum is what the code costs; the median also measures whoever else shares the 2 cores.
    expect(min).toBeLessThan(100);
    expect(median).toBeLessThan(300);
  });
});
