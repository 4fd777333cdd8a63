/** Data layers become graph inputs: their top shapes from input_param, crop sizes, memory/dummy data shapes. */
import { checkDim, type CaffeLayer } from '../net.js';
import { layerParam, type BlobShape } from '../layer-context.js';
import type { PbMessage } from '../message.js';

/** Layer types that produce net inputs instead of computing anything. */
export const INPUT_LAYERS = new Set([
  'Input',
  'Data',
  'ImageData',
  'MemoryData',
  'DummyData',
  'HDF5Data',
  'WindowData',
  'AnnotatedData',
  'VideoData',
]);

/** Shapes of a data layer's tops, and notes on what was assumed. */
export interface DataShapes {
  shapes: BlobShape[];
  notes: string[];
}

function dims(shape: PbMessage, what: string): number[] {
  return shape.all('dim').map((f) => checkDim(typeof f.value === 'number' ? f.value : NaN, what, f.where));
}

function cropOf(layer: CaffeLayer): [number, number] | null {
  const t = layerParam(layer, 'transform_param');
  const h =
    t.num('crop_h', 0) || t.num('crop_size', 0) || layerParam(layer, 'data_param').num('crop_size', 0);
  const w =
    t.num('crop_w', 0) || t.num('crop_size', 0) || layerParam(layer, 'data_param').num('crop_size', 0);
  if (!h || !w) return null;
  return [checkDim(h, 'crop size', layer.where), checkDim(w, 'crop size', layer.where)];
}

/**
 * Top shapes of a data layer. Declared shapes (Input, MemoryData, DummyData) are kept as given.
 * A training feed (Data, ImageData, WindowData…) is analysed per sample: batch 1, 3 colour channels unless
 * the layer says otherwise, the crop size as the image size; the label top gets [1].
 */
export function dataShapes(layer: CaffeLayer): DataShapes {
  const notes: string[] = [];
  const tops = layer.tops.length;
  const perTop = (list: BlobShape[]): BlobShape[] =>
    layer.tops.map((_, i) => list[list.length === 1 ? 0 : i] ?? null);
  const declared = layerParam(layer, 'input_param').subs('shape');
  if (layer.type === 'Input' || declared.length > 0) {
    return { shapes: perTop(declared.map((s) => dims(s, 'input dim'))), notes };
  }
  switch (layer.type) {
    case 'MemoryData': {
      const p = layerParam(layer, 'memory_data_param');
      const d = ['batch_size', 'channels', 'height', 'width'].map((k) =>
        checkDim(p.num(k, 0), k, layer.where),
      );
      return { shapes: layer.tops.map((_, i) => (i === 0 ? d : [d[0]!])), notes };
    }
    case 'DummyData': {
      const p = layerParam(layer, 'dummy_data_param');
      const shapes = p.subs('shape').map((s) => dims(s, 'dummy data dim'));
      if (shapes.length === 0) {
        const cols = ['num', 'channels', 'height', 'width'].map((k) => p.nums(k));
        const n = Math.max(...cols.map((c) => c.length));
        for (let i = 0; i < n; i++)
          shapes.push(
            cols.map((c, k) =>
              checkDim(
                c[c.length === 1 ? 0 : i] ?? 0,
                ['num', 'channels', 'height', 'width'][k]!,
                layer.where,
              ),
            ),
          );
      }
      return { shapes: perTop(shapes), notes };
    }
    default: {
      const crop = cropOf(layer);
      let hw: [number, number] | null = crop;
      let channels = 3;
      if (layer.type === 'ImageData') {
        const p = layerParam(layer, 'image_data_param');
        if (!p.bool('is_color', true)) channels = 1;
        const nh = p.num('new_height', 0);
        const nw = p.num('new_width', 0);
        if (!hw && nh && nw)
          hw = [checkDim(nh, 'new_height', layer.where), checkDim(nw, 'new_width', layer.where)];
      }
      if (!hw) {
        notes.push(
          `data layer '${layer.name}' gives no image size: its shape is unknown (use an Input layer)`,
        );
        return { shapes: layer.tops.map(() => null), notes };
      }
      notes.push(
        `data layer '${layer.name}' (${layer.type}) is analysed per sample: [1, ${channels}, ${hw[0]}, ${hw[1]}] (batch 1, ${channels} channels assumed)`,
      );
      return {
        shapes: layer.tops.map((_, i) => (i === 0 ? [1, channels, hw![0], hw![1]] : [1])).slice(0, tops),
        notes,
      };
    }
  }
}
