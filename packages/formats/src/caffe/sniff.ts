/** Cheap Caffe detection: prototxt text that declares layers, or a binary NetParameter's first fields. */

const TEXT_PROBE = 4096;

/** True when the bytes look like text (no NULs or stray control bytes in the probe). */
function looksText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, TEXT_PROBE);
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12)) return false;
  }
  return true;
}

/** 0–8: how much the start of a text file looks like a Caffe NetParameter. */
export function sniffPrototxt(bytes: Uint8Array): number {
  if (!looksText(bytes)) return 0;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, TEXT_PROBE)).replace(/#[^\n]*/g, '');
  if (/(^|\n)\s*layers?\s*\{/.test(head) && /\btype\s*:/.test(head)) return 8;
  if (/(^|\n)\s*input\s*:\s*["']/.test(head) && /(input_dim|input_shape)/.test(head)) return 6;
  return 0;
}

function varint(bytes: Uint8Array, pos: { at: number }): number | null {
  let v = 0;
  let scale = 1;
  for (let i = 0; i < 5; i++) {
    if (pos.at >= bytes.length) return null;
    const b = bytes[pos.at++]!;
    v += (b & 0x7f) * scale;
    scale *= 128;
    if (b < 0x80) return v;
  }
  return null;
}

/** 0–5: whether the first fields fit NetParameter (name, layers, inputs, layer = 100). */
export function sniffCaffemodel(bytes: Uint8Array): number {
  if (looksText(bytes)) return 0;
  const pos = { at: 0 };
  let fields = 0;
  let sawLayer = false;
  while (pos.at < bytes.length && fields < 4) {
    const tag = varint(bytes, pos);
    if (tag === null) return 0;
    const num = Math.floor(tag / 8);
    const wt = tag & 7;
    const ok = (wt === 2 && [1, 2, 3, 6, 8, 100].includes(num)) || (wt === 0 && [4, 5, 7].includes(num));
    if (!ok) return 0;
    const len = varint(bytes, pos);
    if (len === null) return 0;
    if (wt === 2) {
      if (len > bytes.length - pos.at) return fields > 0 && (num === 2 || num === 100) ? 4 : 0;
      pos.at += len;
    }
    if (num === 2 || num === 100) sawLayer = true;
    fields++;
  }
  return sawLayer ? 5 : fields >= 2 ? 2 : 0;
}
