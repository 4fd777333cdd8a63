/** The Caffe importer plugin: `.prototxt` network definitions (with optional `.caffemodel` weights) and binary `.caffemodel` files. */
import type { Model } from '@nnlens/ir';
import type { FormatPlugin, ModelSource } from '../source.js';
import { caffeCompanion, openCaffe } from './model.js';
import { sniffCaffemodel, sniffPrototxt } from './sniff.js';

function isBinary(source: ModelSource): boolean {
  return (
    source.name.toLowerCase().endsWith('.caffemodel') ||
    (sniffPrototxt(source.bytes) === 0 && sniffCaffemodel(source.bytes) > 0)
  );
}

/** Opens Caffe models. */
export const caffeFormat: FormatPlugin = {
  id: 'caffe',
  name: 'Caffe',
  extensions: ['.prototxt', '.caffemodel'],
  match(source: ModelSource): number {
    const name = source.name.toLowerCase();
    if (name.endsWith('.caffemodel')) return 10 + sniffCaffemodel(source.bytes);
    const text = sniffPrototxt(source.bytes);
    if (/\.prototxt(\.txt)?$/.test(name)) return text > 0 ? 10 + text : 6;
    return text > 0 ? text : sniffCaffemodel(source.bytes) >= 5 ? 3 : 0;
  },
  open(source: ModelSource): Model {
    return openCaffe(source, isBinary(source));
  },
};

/** Files the Caffe importer would use beside `name` (its weights), for callers that read folders. */
export function caffeCompanions(name: string): string[] {
  const c = caffeCompanion(name);
  return c ? [c] : [];
}
