// Caffe params/MACs/shapes against the Netscope CNN Analyzer's own per-layer rows and totals (batch-fixed).
// Where Netscope deviates (its bugs, or counting conventions unlike flops_params.md), each deviation is
// asserted against an independent derivation; NETSCOPE_DEVIATIONS.md lists them.
import { analyze, type ModelAnalysis } from '@nnlens/analysis';
import { getAttribute, type Model, type Node } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus, readCorpusJson } from '../../../../test/corpus.js';
import { openModel } from '../index.js';

interface Row {
  name: string;
  type: string;
  batch: number | string;
  ch_in: number | string;
  dim_in: string;
  ch_out: number | string;
  dim_out: string;
  ops: { macc: number | null };
  mem: { param: number | null };
}
interface Total {
  file: string;
  totals_batch_fix: { macc?: number | null; param?: number };
  exception: string | null;
}

const ORACLE = 'caffe/netscope_analyzer_oracle';
const norm = (t: string): string => t.toLowerCase().replace(/_/g, '');
const product = (xs: number[]): number => xs.reduce((a, b) => a * b, 1);
const weightElems = (n: Node): number[] =>
  n.inputs.filter((v) => v?.initializer).map((v) => product(v!.initializer!.shape));
const ints = (n: Node, name: string): number[] => {
  const a = getAttribute(n, name);
  return a?.kind === 'ints' ? a.value : [];
};

/** Layer types whose work Netscope counts as MACC but flops_params.md does not (elementwise/normalisation work). */
const NON_MAC_TYPES = new Set([
  'scale',
  'lrn',
  'normalize',
  'python',
  'roipooling',
  'batchnorm',
  'eltwise',
  'softmax',
  'relu',
  'pooling',
]);

function open(file: string): { model: Model; a: ModelAnalysis } {
  const model = openModel({ name: file.split('/').pop()!, bytes: readCorpus(`caffe/${file}`) });
  return { model, a: analyze(model) };
}

/** What the comparison of one preset found: our expected totals from Netscope's rows plus the derived corrections. */
interface Check {
  /** Netscope's MACC of the layers it counts like flops_params.md (convolution, inner product). */
  macs: number;
  /** Our MACs of layers Netscope counts differently or not at all (deconvolution, LSTM and what follows). */
  derivedMacs: number;
  /** Parameter corrections of Netscope's totals, by deviation. */
  corrections: Record<string, number>;
}

function compare(file: string, rows: Row[], model: Model, a: ModelAnalysis): Check {
  const nodes = new Map<string, Node>();
  for (const n of model.graph.nodes) if (!nodes.has(n.name)) nodes.set(n.name, n);
  const cost = (n: Node): { params: number; macs: number } => a.nodeCosts.get(n)!;
  const check: Check = { macs: 0, derivedMacs: 0, corrections: {} };
  const correct = (kind: string, delta: number): void => {
    check.corrections[kind] = (check.corrections[kind] ?? 0) + delta;
  };
  for (const r of rows) {
    const n = nodes.get(r.name);
    const t = norm(r.type);
    const param = r.mem.param ?? 0;
    if (!n) {
      // Data layers and Netscope's 'implicit' rows (dangling blobs) have no parameters.
      expect(param, `${file} ${r.name}`).toBe(0);
      continue;
    }
    const label = `${file} ${r.name} (${r.type})`;
    const c = cost(n);
    if (t === 'convolution' || t === 'innerproduct') {
      if (r.ops.macc === null) {
        // After an LSTM Netscope cannot size (it knows no LSTM): NaN MACs, 1 param. Derive: N·K + N.
        const w = n.inputs[1]!.initializer!.shape;
        expect(c.params, label).toBe(product(w) + w[0]!);
        correct('InnerProduct after an unknown LSTM', c.params - param);
        check.derivedMacs += c.macs;
      } else {
        expect(c.macs, label).toBe(r.ops.macc);
        expect(c.params, label).toBe(param);
      }
    } else if (t === 'deconvolution') {
      // Independent: every input element scatters into C_out/group × k² outputs (fvcore's transposed-conv count).
      const [w, h] = r.dim_in.split('x').map(Number) as [number, number];
      const k = product(ints(n, 'kernel_shape'));
      const s = product(ints(n, 'strides'));
      const group = (getAttribute(n, 'group')?.value as number) ?? 1;
      const inElems = Number(r.batch) * Number(r.ch_in) * w * h;
      expect(c.macs, label).toBe((inElems * Number(r.ch_out) * k) / group);
      // Netscope's own formula: out_elems × C_in × k² / stride².
      const [wo, ho] = r.dim_out.split('x').map(Number) as [number, number];
      expect(r.ops.macc, label).toBe(
        (Number(r.batch) * Number(r.ch_out) * wo * ho * Number(r.ch_in) * k) / s,
      );
      check.derivedMacs += c.macs;
      // Netscope leaves out the bias Caffe's Deconvolution has by default.
      const weights = weightElems(n);
      expect(param, label).toBe(weights[0]);
      correct('Deconvolution bias', c.params - param);
    } else if (t === 'scale') {
      expect(param, label).toBe(0); // Netscope: Scale has no parameters
      expect(c.params, label).toBe(Number(r.ch_in) * weightElems(n).length); // γ (and β) per channel
      correct('Scale', c.params);
    } else if (t === 'lrn') {
      expect(param, label).toBe(2); // Netscope: 2 parameters; LRN has none
      expect(c.params, label).toBe(0);
      correct('LRN', -2);
    } else if (t === 'normalize') {
      expect(param, label).toBe(2); // Netscope: 2; Normalize learns one scale per channel
      expect(c.params, label).toBe(Number(r.ch_in));
      correct('Normalize', c.params - 2);
    } else if (t === 'lstm') {
      expect(param, label).toBe(0); // unknown to Netscope
      const [i, hsz] = [n.inputs[2]!.initializer!.shape[1]!, n.inputs[4]!.initializer!.shape[1]!];
      expect(c.params, label).toBe(4 * hsz * (i + hsz + 1));
      correct('LSTM', c.params);
      check.derivedMacs += c.macs;
    } else {
      expect(c.params, label).toBe(param);
      expect(c.macs, label).toBe(0);
    }
    if ((t === 'convolution' || t === 'innerproduct') && r.ops.macc !== null) check.macs += r.ops.macc;
  }
  return check;
}

describeCorpus('Netscope CNN Analyzer oracle', () => {
  const totals = readCorpusJson<Total[]>(`${ORACLE}/totals.json`);
  const perLayer = readCorpusJson<Record<string, Row[]>>(`${ORACLE}/per_layer_batch_fix.json`);
  const presets = totals.filter((t) => !t.exception);

  it('covers every preset', () => {
    expect(totals).toHaveLength(34);
    expect(presets).toHaveLength(33);
  });

  describe.each(presets.map((t) => [t.file, t] as const))('%s', (file, t) => {
    const { model, a } = open(file);
    const rows = perLayer[file]!;
    let memo: Check | undefined;
    const checked = (): Check => (memo ??= compare(file, rows, model, a));

    it('params and MACs equal Netscope per layer, or its deviations derived independently', () => {
      const check = checked();
      // Rows with a node: all of them except data layers and Netscope's 'implicit' rows.
      const ours = a.totals;
      const fixes = Object.values(check.corrections).reduce((x, y) => x + y, 0);
      expect(ours.params).toBe((t.totals_batch_fix.param ?? 0) + fixes);
      // MACs: Netscope's conv/fc rows exactly, plus the independently derived deconvolution/LSTM MACs.
      expect(ours.macs).toBe(check.macs + check.derivedMacs);
    });

    it("the rest of Netscope's MACC total is elementwise/normalisation work that flops_params.md does not count", () => {
      const check = checked();
      const total = t.totals_batch_fix.macc;
      if (total === null || total === undefined) return; // NaN in Netscope (unknown LSTM)
      const rest = rows
        .filter((r) => NON_MAC_TYPES.has(norm(r.type)))
        .reduce((s, r) => s + (r.ops.macc ?? 0), 0);
      const deconv = rows
        .filter((r) => norm(r.type) === 'deconvolution')
        .reduce((s, r) => s + (r.ops.macc ?? 0), 0);
      expect(total).toBe(check.macs + deconv + rest);
    });

    it("output shapes equal Netscope's for the layers it sizes correctly", () => {
      const nodes = new Map<string, Node>();
      for (const n of model.graph.nodes) if (!nodes.has(n.name)) nodes.set(n.name, n);
      let compared = 0;
      for (const r of rows) {
        const t = norm(r.type);
        // Netscope mis-sizes SSD's PriorBox (NaN), shows Permute/Flatten/Reshape outputs in its own 3-d layout,
        // and has no idea of LSTM or Python layers.
        if (
          [
            'priorbox',
            'permute',
            'flatten',
            'reshape',
            'python',
            'lstm',
            'implicit',
            'detectionoutput',
            'softmaxwithloss',
            'euclideanloss',
          ].includes(t)
        )
          continue;
        if (
          r.name === 'mbox_priorbox' ||
          typeof r.batch !== 'number' ||
          typeof r.ch_out !== 'number' ||
          !/^\d+x\d+$/.test(r.dim_out)
        )
          continue;
        const n = nodes.get(r.name);
        const v = n?.outputs[n.outputs.length - 1] ?? n?.outputs[0];
        const shape = v?.shape;
        if (!n || !shape) continue;
        // The Add after a fork's fused convolution carries the layer's top.
        const out = nodes.get(`${r.name}_eltwise`)?.outputs[0]?.shape ?? shape;
        // Netscope writes W×H; a 3-d blob [N, C, H] as 1×H.
        const dims = out.length === 4 ? `${out[3]}x${out[2]}` : out.length === 3 ? `1x${out[2]}` : '1x1';
        expect([out[0], out[1], dims], `${file} ${r.name}`).toEqual([r.batch, r.ch_out, r.dim_out]);
        compared++;
      }
      // Netscope sizes nothing in the LSTM nets (batch '?'): nothing to compare there.
      expect(compared).toBeGreaterThanOrEqual(rows.filter((r) => typeof r.batch === 'number').length / 3);
    });
  });

  it("fcn-8s-pascal.prototxt: Netscope fails ('Graph is not a DAG': three layers are all named 'crop'); nnlens reads it, equal to the ethereon copy", () => {
    expect(totals.find((t) => t.file === 'fcn-8s-pascal.prototxt')?.exception).toBe('Graph is not a DAG.');
    const dg = open('fcn-8s-pascal.prototxt');
    const et = open('ethereon/fcn-8s-pascal.prototxt');
    expect(dg.model.graph.nodes.filter((n) => n.name === 'crop')).toHaveLength(3);
    expect(dg.a.unresolved).toEqual([]);
    expect([dg.a.totals.params, dg.a.totals.macs]).toEqual([et.a.totals.params, et.a.totals.macs]);
  });

  it('Caffe Inception v3 = ONNX Inception v3 = flops_params.md (params 23,834,568, MACs 5,713,216,096)', () => {
    const caffe = open('inceptionv3.prototxt').a.totals;
    expect(caffe.params).toBe(23_834_568);
    expect(caffe.macs).toBe(5_713_216_096);
    const rel = 'analyzer/onnx_graph_only/inception_v3.onnx';
    const onnx = analyze(openModel({ name: rel, bytes: readCorpus(rel) })).totals;
    expect(onnx.macs).toBe(caffe.macs);
    // The ONNX export folded BatchNorm into the convolutions (flops_params.md): 23,817,352 initializer elements.
    expect(onnx.params).toBe(23_817_352);
  });
});
