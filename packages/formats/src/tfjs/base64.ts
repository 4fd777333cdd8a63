/** Base64 decoding without DOM or Node globals (TF GraphDef JSON stores strings and tensor bytes as base64). */

const TABLE = new Int16Array(256).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  .split('')
  .forEach((c, i) => (TABLE[c.charCodeAt(0)] = i));
// URL-safe alphabet too.
TABLE['-'.charCodeAt(0)] = 62;
TABLE['_'.charCodeAt(0)] = 63;

/** Bytes of a base64 string; null when it holds other characters. Padding and whitespace are ignored. */
export function decodeBase64(text: string): Uint8Array | null {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 61 || c === 10 || c === 13 || c === 32) continue; // '=', newlines, spaces
    const v = c < 256 ? TABLE[c]! : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** A base64 string decoded as UTF-8 text (lenient); the input itself when it is not base64. */
export function base64Text(text: string): string {
  const b = decodeBase64(text);
  return b ? new TextDecoder('utf-8').decode(b) : text;
}
