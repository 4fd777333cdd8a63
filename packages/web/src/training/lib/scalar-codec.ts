/** Decoding of the server's binary scalar series (see the server's training-codec): zero-copy column views. */

/** "NNS1" as a little-endian u32. */
const MAGIC = 0x31534e4e;

/** The JSON header of a binary scalar response. */
export interface ScalarsHeader {
  run: string;
  tag: string;
  start: number;
  count: number;
  total: number;
  purged: number;
  values: 'f32' | 'f64';
}

/** A decoded response: header and the three columns (views into the response buffer). */
export interface ScalarsChunk {
  header: ScalarsHeader;
  steps: Float64Array;
  wallTimes: Float64Array;
  values: Float32Array | Float64Array;
}

/** Decodes a response body; throws on anything that is not this format (e.g. an HTML error page). */
export function decodeScalars(buf: ArrayBuffer): ScalarsChunk {
  const dv = new DataView(buf);
  if (buf.byteLength < 8 || dv.getUint32(0, true) !== MAGIC) throw new Error('not a scalar series response');
  const h = dv.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 8, h))) as ScalarsHeader;
  const n = header.count;
  const at = 8 + h;
  const need = at + n * 16 + n * (header.values === 'f32' ? 4 : 8);
  if (buf.byteLength < need) throw new Error(`scalar series truncated: ${buf.byteLength} of ${need} bytes`);
  return {
    header,
    steps: new Float64Array(buf, at, n),
    wallTimes: new Float64Array(buf, at + 8 * n, n),
    values:
      header.values === 'f32' ? new Float32Array(buf, at + 16 * n, n) : new Float64Array(buf, at + 16 * n, n),
  };
}
