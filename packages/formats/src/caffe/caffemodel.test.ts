// Binary .caffemodel weights: as a prototxt's sidecar or as the main file; blobs stay views into the file.
import { analyze } from '@nnlens/analysis';
import { getAttribute, tensorValues, type Tensor } from '@nnlens/ir';
import { describe, expect, it } from 'vitest';
import { ModelFormatError } from '../errors.js';
import { openModel } from '../index.js';
import { cat, f32, msg, packedFloats, packedVarints, str, vint } from '../onnx/proto-writer.test-helper.js';
import { decodeBinary } from './binary-decoder.js';
import { caffeCompanions } from './plugin.js';
import { input, node, openText } from './test-helpers.test-helper.js';

const PROTOTXT =
  input([1, 2, 4, 4]) +
  'layer { name: "c" type: "Convolution" bottom: "data" top: "c" convolution_param { num_output: 3 kernel_size: 3 } }\n' +
  'layer { name: "bn" type: "BatchNorm" bottom: "c" top: "c" }\n' +
  'layer { name: "fc" type: "InnerProduct" bottom: "c" top: "fc" inner_product_param { num_output: 2 } }\n';

const range = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i / 8);
const blob = (dims: number[], data: number[]): Uint8Array =>
  cat(msg(7, packedVarints(1, dims)), packedFloats(5, data));
const legacyBlob = (nchw: number[], data: number[]): Uint8Array =>
  cat(...nchw.map((d, i) => vint(i + 1, d)), packedFloats(5, data));
const layer = (name: string, type: string, ...parts: Uint8Array[]): Uint8Array =>
  msg(100, str(1, name), str(2, type), ...parts);

function weightsFile(): Uint8Array {
  return cat(
    str(1, 'net'),
    layer(
      'c',
      'Convolution',
      msg(7, blob([3, 2, 3, 3], range(54))),
      msg(7, legacyBlob([1, 1, 1, 3], [0.5, -1, 2])),
    ),
    layer(
      'bn',
      'BatchNorm',
      msg(7, blob([3], [2, 4, 6])),
      msg(7, blob([3], [8, 8, 8])),
      msg(7, blob([1], [2])),
    ),
    layer('fc', 'InnerProduct', msg(7, blob([2, 12], range(24, 1))), msg(7, blob([2], [0, 1]))),
    layer('ghost', 'PReLU', msg(7, blob([1], [0.25]))),
  );
}

const values = (t: Tensor): number[] => Array.from(tensorValues(t) as ArrayLike<number>);

function isViewInto(t: Tensor, file: Uint8Array): boolean {
  return t.storage.kind === 'raw' && t.storage.bytes.buffer === file.buffer;
}

describe('Caffe weights from a .caffemodel sidecar', () => {
  const file = weightsFile();
  const model = openText(PROTOTXT, new Map([['net.caffemodel', file]]));

  it('attaches every blob as a view into the sidecar, with the declared shapes', () => {
    const w = node(model, 'c').inputs[1]!.initializer!;
    expect(w.shape).toEqual([3, 2, 3, 3]);
    expect(isViewInto(w, file)).toBe(true);
    expect(values(w)).toEqual(range(54));
    // A legacy 1×1×1×N bias takes the shape the layer implies.
    const b = node(model, 'c').inputs[2]!.initializer!;
    expect(b.shape).toEqual([3]);
    expect(values(b)).toEqual([0.5, -1, 2]);
    expect(values(node(model, 'fc').inputs[1]!.initializer!)).toEqual(range(24, 1));
    expect(model.metadata.weights).toBe("from 'net.caffemodel'");
  });

  it("keeps BatchNorm's moving-average normaliser as an attribute, not a parameter", () => {
    expect(getAttribute(node(model, 'bn'), 'scale_factor')?.value).toBe(2);
    expect(values(node(model, 'bn').inputs[3]!.initializer!)).toEqual([2, 4, 6]);
    const a = analyze(model);
    expect(a.totals).toMatchObject({ params: 54 + 3 + 3 + 3 + 24 + 2, bufferParams: 6 });
    // The same count as without weights: parameters come from the layer definitions either way.
    expect(analyze(openText(PROTOTXT)).totals.params).toBe(a.totals.params);
  });

  it('reports stored layers the prototxt lacks, and blobs whose size disagrees', () => {
    expect(model.warnings.join('\n')).toContain(
      "1 layer(s) of 'net.caffemodel' are not in the prototxt (e.g. 'ghost')",
    );
    const bad = cat(layer('c', 'Convolution', msg(7, blob([3, 2, 1, 1], range(6)))));
    const m = openText(PROTOTXT, new Map([['net.caffemodel', bad]]));
    expect(m.warnings.join('\n')).toContain(
      "stored blob 'c_weight' is [3,2,1,1], the layer definition implies [3,2,3,3]",
    );
    expect(node(m, 'c').inputs[1]!.initializer!.shape).toEqual([3, 2, 1, 1]);
  });

  it('names the companion weights file of a prototxt', () => {
    expect(caffeCompanions('deploy.prototxt')).toEqual(['deploy.caffemodel']);
    expect(caffeCompanions('x.onnx')).toEqual([]);
  });
});

describe('a binary .caffemodel as the main file', () => {
  const full = cat(
    str(1, 'bin'),
    str(3, 'data'),
    msg(8, packedVarints(1, [1, 2, 4, 4])),
    layer(
      'c',
      'Convolution',
      str(3, 'data'),
      str(4, 'c'),
      msg(106, vint(1, 3), vint(4, 3)),
      msg(7, blob([3, 2, 3, 3], range(54))),
      msg(7, blob([3], [1, 2, 3])),
    ),
    layer('r', 'Reshape', str(3, 'c'), str(4, 'r'), msg(133, msg(1, packedVarints(1, [0, -1])))),
    layer('p', 'Pooling', str(3, 'r'), str(4, 'p'), msg(121, vint(1, 1), vint(12, 1))),
  );

  it('builds the graph from the binary layer definitions and their blobs', () => {
    const m = openModel({ name: 'net.caffemodel', bytes: full });
    expect(m.format).toBe('caffe');
    expect(m.formatVersion).toBe('Caffe binary NetParameter');
    expect(m.graph.nodes.map((n) => n.op)).toEqual(['Conv', 'Reshape', 'GlobalAveragePool']);
    expect(isViewInto(node(m, 'c').inputs[1]!.initializer!, full)).toBe(true);
    const a = analyze(m);
    expect(node(m, 'c').outputs[0]!.shape).toEqual([1, 3, 2, 2]);
    expect(node(m, 'r').outputs[0]!.shape).toEqual([1, 12]);
    expect(a.totals.params).toBe(57);
  });

  it('decodes negative int64 varints, unpacked floats and legacy blob dims', () => {
    const d = decodeBinary(cat(vint(1, -1), vint(2, 5)), 'BlobProto');
    expect([d.num('num'), d.num('channels')]).toEqual([-1, 5]);
    const unpacked = decodeBinary(cat(msg(7, packedVarints(1, [2])), f32(5, 1.5), f32(5, -2)), 'BlobProto');
    expect(unpacked.nums('data')).toEqual([1.5, -2]);
  });

  it('reports truncation with the byte offset, and wrong wire types', () => {
    for (const n of [3, 20, full.length - 1]) {
      const cut = full.subarray(0, n);
      expect(() => openModel({ name: 'net.caffemodel', bytes: cut })).toThrow(
        new RegExp(`truncated at byte ${n}`),
      );
    }
    const wrong = cat(msg(100, vint(1, 7)));
    expect(() => openModel({ name: 'x.caffemodel', bytes: wrong })).toThrow(ModelFormatError);
    expect(() => openModel({ name: 'x.caffemodel', bytes: wrong })).toThrow(
      /layer.name is encoded as varint/,
    );
  });
});
