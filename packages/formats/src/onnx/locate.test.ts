// Truncated and corrupt files: ModelFormatError names the failing field, the tensor and the byte offset.
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../../test/corpus.js';
import { ModelFormatError, openModel } from '../index.js';
import { modelProto, nodeProto, tensorProto } from './onnx-builders.test-helper.js';
import { cat, lenField, msg, str, vint } from './proto-writer.test-helper.js';

function formatError(bytes: Uint8Array, name = 'm.onnx'): ModelFormatError {
  try {
    openModel({ name, bytes });
  } catch (e) {
    expect(e).toBeInstanceOf(ModelFormatError);
    return e as ModelFormatError;
  }
  throw new Error('expected a ModelFormatError');
}

function indexOfAscii(bytes: Uint8Array, text: string): number {
  const needle = new TextEncoder().encode(text);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describeCorpus('truncated corpus file', () => {
  it('names the initializer being read when the file ends inside its raw_data', () => {
    const full = readCorpus('onnx/lenet5.onnx');
    // TensorProto.name (field 8, 12 bytes) of the initializer; node inputs mention the name earlier.
    const at = indexOfAscii(full, '\x42\x0cconv1.weight');
    expect(at).toBeGreaterThan(0);
    const cut = at + 14 + 100; // inside the raw_data that follows the name
    const e = formatError(full.subarray(0, cut), 'lenet5.onnx');
    expect(e.message).toMatch(
      new RegExp(
        `^ONNX: truncated at byte ${cut} inside GraphProto\\.initializer\\[\\d+\\] \\(TensorProto 'conv1\\.weight'\\), field raw_data`,
      ),
    );
    expect(e.offset).toBe(cut);
    expect(e.fieldPath).toMatch(/^graph\.initializer\[\d+\]\.raw_data$/);
    expect(e.format).toBe('onnx');
  });
});

describe('corrupt and hostile bytes', () => {
  const body = cat(
    msg(1, nodeProto('Relu', ['x'], ['y'], 'relu1')),
    msg(5, tensorProto('w', 1, [1], lenField(9, new Uint8Array(4)))),
  );

  it('a 2 GB length prefix is rejected before allocating, top level and nested', () => {
    const huge = Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x08]); // varint 2^31
    const t0 = performance.now();
    const top = formatError(cat(vint(1, 7), Uint8Array.from([0x3a]), huge, str(2, 'g'.repeat(14))));
    expect(top.message).toMatch(/^ONNX: truncated at byte 24 inside ModelProto\.graph \(GraphProto 'g+'\)/);
    // GraphProto.initializer (field 5) claiming 2 GB inside a well-formed graph field.
    const inner = cat(Uint8Array.from([0x2a]), huge, new Uint8Array(8));
    const nested = formatError(cat(vint(1, 7), lenField(7, inner)));
    expect(nested.message).toMatch(
      /corrupt data at byte \d+ inside ModelProto\.graph \(GraphProto\), field initializer\[0\]: length 2147483648 overruns/,
    );
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('an invalid wire type names the node it is in', () => {
    const node = cat(str(3, 'relu1'), str(4, 'Relu'), Uint8Array.from([0x7f])); // field 15, wire type 7
    const e = formatError(modelProto(msg(1, node)));
    expect(e.message).toMatch(
      /^ONNX: corrupt data at byte \d+ inside GraphProto\.node\[0\] \(NodeProto 'relu1'\), field #15: invalid wire type 7/,
    );
  });

  it('invalid UTF-8 in a name is located', () => {
    const node = cat(lenField(3, Uint8Array.from([0xff, 0xfe])), str(4, 'Relu'));
    const e = formatError(modelProto(cat(body, msg(1, node))));
    expect(e.message).toMatch(/inside GraphProto\.node\[1\] \(NodeProto\), field name: invalid UTF-8/);
    expect(e.fieldPath).toBe('graph.node[1].name');
  });

  it('subgraphs nested past the recursion limit give an error, not a stack overflow', () => {
    let g = msg(1, nodeProto('Relu', ['x'], ['y']));
    for (let i = 0; i < 40; i++)
      g = msg(1, nodeProto('If', ['c'], ['y'], '', msg(5, str(1, 'then_branch'), msg(6, g), vint(20, 5))));
    const e = formatError(modelProto(g));
    expect(e.message).toMatch(/nested deeper than 100 levels/);
  });
});
