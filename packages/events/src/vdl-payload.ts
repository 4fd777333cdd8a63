/** Converts one VisualDL value to its series kind and kept payload. */
import type { Converted } from './summary-payload.js';
import { imageSize, sniffFormat, vdlToBuckets } from './convert.js';
import { readAudio } from './summary.js';
import type { SeriesKind } from './types.js';
import type { VdlValueView } from './visualdl.js';
import { readBytesField, readVdlHistogram, VdlKind } from './visualdl.js';
import type { Cursor } from './wire.js';
import { utf8At } from './wire.js';

const NAMES: Record<number, string> = { 7: 'embeddings', 9: 'pr_curve', 11: 'roc_curve', 13: 'hparam' };

/** The series kind and plugin a VisualDL value kind maps to. */
export function vdlClass(kind: number): { kind: SeriesKind; plugin: string } {
  switch (kind) {
    case VdlKind.Value:
    case VdlKind.TagValue:
      return { kind: 'scalar', plugin: 'scalars' };
    case VdlKind.Image:
      return { kind: 'image', plugin: 'images' };
    case VdlKind.Audio:
      return { kind: 'audio', plugin: 'audio' };
    case VdlKind.Histogram:
      return { kind: 'histogram', plugin: 'histograms' };
    case VdlKind.Text:
      return { kind: 'text', plugin: 'text' };
    case VdlKind.MetaData:
      return { kind: 'meta', plugin: 'visualdl_meta_data' };
    default:
      return { kind: 'tensor', plugin: `visualdl_${NAMES[kind] ?? 'unknown'}` };
  }
}

/** The payload of a non-scalar VisualDL value; kept bytes are copied out of the buffer. */
export function convertVdlValue(v: VdlValueView, cur: Cursor): Converted {
  const buf = cur.buf;
  cur.reset(buf, v.payloadStart, v.payloadEnd);
  switch (v.kind) {
    case VdlKind.Image: {
      const r = readBytesField(cur, 4);
      const bytes = r ? buf.slice(r.start, r.end) : new Uint8Array(0);
      const [width, height] = imageSize(bytes);
      return { ok: true, value: { blobs: [bytes], width, height, format: sniffFormat(bytes) } };
    }
    case VdlKind.Audio: {
      const a = readAudio(cur);
      return {
        ok: true,
        value: {
          blobs: [buf.slice(a.start, a.end)],
          labels: [],
          sampleRate: a.sampleRate,
          contentType: a.contentType || 'audio/wav',
        },
      };
    }
    case VdlKind.Histogram: {
      const h = readVdlHistogram(cur);
      return { ok: true, value: vdlToBuckets(h.hist, h.edges) };
    }
    case VdlKind.Text: {
      const r = readBytesField(cur, 1);
      return { ok: true, value: { strings: [r ? utf8At(buf, r.start, r.end) : ''], shape: [] } };
    }
    case VdlKind.MetaData: {
      const r = readBytesField(cur, 1);
      return { ok: true, value: r ? utf8At(buf, r.start, r.end) : '' };
    }
    default:
      // Embeddings, PR/ROC curves, hparams: kept as raw bytes so nothing is lost.
      return {
        ok: true,
        value: {
          dtype: 'bytes',
          shape: [],
          values: null,
          strings: [buf.slice(v.payloadStart, v.payloadEnd)],
        },
      };
  }
}
