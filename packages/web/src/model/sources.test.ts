import { describe, expect, it } from 'vitest';
import { dispositionName, pickModelFile, sidecarUrl } from './sources.js';

describe('pickModelFile', () => {
  it('finds the model among files dropped together, in any order', () => {
    expect(pickModelFile(['resnet.onnx.data', 'resnet.onnx'])).toBe(1);
    expect(pickModelFile(['model.onnx'])).toBe(0);
    expect(pickModelFile(['weights.bin', 'net.prototxt'])).toBe(1);
    expect(pickModelFile(['a.data', 'b.data'])).toBe(0);
    expect(pickModelFile(['net.caffemodel', 'deploy.prototxt'])).toBe(1);
    expect(pickModelFile(['group1-shard1of1.bin', 'model.json'])).toBe(1);
  });
});

describe('sidecarUrl', () => {
  const base = 'http://127.0.0.1:6006/?url=x';
  it('uses the sidecar route for the server’s model files', () => {
    expect(sidecarUrl('/api/models/3/file', 'r18.onnx.data', base)).toBe(
      'http://127.0.0.1:6006/api/models/3/sidecar/r18.onnx.data',
    );
  });
  it('resolves next to any other URL, escaping the name', () => {
    expect(sidecarUrl('https://host/m/model.onnx', 'model.onnx.data', base)).toBe(
      'https://host/m/model.onnx.data',
    );
    expect(sidecarUrl('https://host/m/model.onnx', 'a b#.data', base)).toBe('https://host/m/a%20b%23.data');
  });
});

describe('dispositionName', () => {
  it('prefers filename*, falls back to filename', () => {
    expect(dispositionName(`inline; filename="a.onnx"; filename*=UTF-8''%C3%BC.onnx`)).toBe('ü.onnx');
    expect(dispositionName('attachment; filename="x.onnx"')).toBe('x.onnx');
    expect(dispositionName('attachment; filename=y.onnx')).toBe('y.onnx');
    expect(dispositionName(null)).toBeNull();
  });
});
