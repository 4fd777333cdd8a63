/** Converts one Summary.Value to the payload its series kind keeps (TensorBoard's data_compat, our way). */
import { isScalarTensor } from './classify.js';
import { contentTypeOf, histoToBuckets, sniffFormat, tensorToBuckets, wavSampleRate } from './convert.js';
import type { HParamsPluginData } from './hparams.js';
import { decodeHParamsPluginData } from './hparams.js';
import type { ValueView } from './summary.js';
import { readAudio, readHisto, readImage, readMetadata, ValueKind } from './summary.js';
import type { TensorValue } from './tensor.js';
import { dtypeName, readTensor } from './tensor.js';
import type {
  AudioValue,
  ByteRef,
  HistogramValue,
  ImageValue,
  SeriesKind,
  TensorSample,
  TextValue,
} from './types.js';
import type { Cursor } from './wire.js';
import { utf8At } from './wire.js';

/** A converted payload, or why the value does not fit the series' kind. */
export type Converted =
  | {
      ok: true;
      value:
        | number
        | string
        | HistogramValue
        | ImageValue
        | AudioValue
        | TextValue
        | TensorSample
        | ByteRef[]
        | HParamsPluginData;
    }
  | { ok: false; why: string };

const no = (why: string): Converted => ({ ok: false, why });
const yes = (value: Extract<Converted, { ok: true }>['value']): Converted => ({ ok: true, value });

/**
 * Converts `v` (in `buf`, which starts at file offset `base` of `file`) for a series of `kind`.
 * Bytes that are kept (images, audio, strings) are copied out of `buf`.
 */
export function convertSummaryValue(
  kind: SeriesKind,
  v: ValueView,
  cur: Cursor,
  file: string,
  base: number,
): Converted {
  const buf = cur.buf;
  if (v.kind === ValueKind.OldHisto) return no('is an obsolete_old_style_histogram, which nothing can read');
  const t: TensorValue | null =
    v.kind === ValueKind.Tensor ? readTensor(cur.reset(buf, v.payloadStart, v.payloadEnd)) : null;
  const at = () => cur.reset(buf, v.payloadStart, v.payloadEnd);
  switch (kind) {
    case 'scalar':
      return t && isScalarTensor(t) ? yes(t.values![0]!) : no('is not a number');
    case 'histogram': {
      if (v.kind === ValueKind.Histo) return yes(histoToBuckets(readHisto(at())));
      const h = t && t.values ? tensorToBuckets(t.shape, t.values) : null;
      return h ? yes(h) : no('is not a histogram');
    }
    case 'image': {
      if (v.kind === ValueKind.Image) {
        const im = readImage(at());
        const bytes = buf.slice(im.start, im.end);
        return yes({ blobs: [bytes], width: im.width, height: im.height, format: sniffFormat(bytes) });
      }
      // TF2: a string tensor [width, height, image, image, …].
      if (!t?.strings || t.strings.length < 2) return no('is not an image');
      const blobs = t.strings.slice(2).map((r) => buf.slice(r.start, r.end));
      const dim = (i: number) => Number(utf8At(buf, t.strings![i]!.start, t.strings![i]!.end)) || 0;
      return yes({
        blobs,
        width: dim(0),
        height: dim(1),
        format: blobs[0] ? sniffFormat(blobs[0]) : 'unknown',
      });
    }
    case 'audio': {
      if (v.kind === ValueKind.Audio) {
        const a = readAudio(at());
        return yes({
          blobs: [buf.slice(a.start, a.end)],
          labels: [],
          sampleRate: a.sampleRate,
          contentType: a.contentType || 'audio/wav',
        });
      }
      // TF2: a string tensor [k, 2] of (encoded clip, label) or [k] of clips.
      if (!t?.strings) return no('is not audio');
      const cols = Math.max(t.shape.length === 2 ? t.shape[1]! : 1, 1);
      const blobs: Uint8Array[] = [];
      const labels: string[] = [];
      for (let i = 0; i < t.strings.length; i += cols) {
        blobs.push(buf.slice(t.strings[i]!.start, t.strings[i]!.end));
        const l = cols >= 2 ? t.strings[i + 1] : undefined;
        if (l) labels.push(utf8At(buf, l.start, l.end));
      }
      const first = blobs[0];
      return yes({
        blobs,
        labels,
        sampleRate: first ? wavSampleRate(first) : 0,
        contentType: contentTypeOf(first ? sniffFormat(first) : ''),
      });
    }
    case 'text':
      return t?.strings
        ? yes({ strings: t.strings.map((r) => utf8At(buf, r.start, r.end)), shape: t.shape })
        : no('is not a string tensor');
    case 'graph':
      return t?.strings
        ? yes(t.strings.map((r) => ({ file, start: base + r.start, end: base + r.end })))
        : no('is not a string tensor');
    case 'hparams': {
      if (v.metaStart < 0) return no('has no hparams metadata');
      const m = readMetadata(cur.reset(buf, v.metaStart, v.metaEnd));
      return m.pluginName === 'hparams'
        ? yes(decodeHParamsPluginData(m.content))
        : no(`has plugin '${m.pluginName}'`);
    }
    default:
      if (!t) return no('is not a tensor');
      return yes({
        dtype: dtypeName(t.dtype),
        shape: t.shape,
        values: t.values,
        strings: t.strings ? t.strings.map((r) => buf.slice(r.start, r.end)) : null,
      });
  }
}
