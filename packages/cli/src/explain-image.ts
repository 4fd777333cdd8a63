/** Image files for explain/activations: decoding with sharp (bounded size, clear errors) and PNG encoding. */
import { readFileSync, statSync } from 'node:fs';
import sharp from 'sharp';
import type { RgbaImage } from '@nnlens/runtime';

/** Images are shrunk to this many pixels on the long side right after decoding (memory stays bounded). */
export const MAX_SIDE = 2048;
/** Files larger than this are refused before decoding. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** Thrown for files that are not images sharp can read. */
export class ImageReadError extends Error {
  override name = 'ImageReadError';
}

/** Decodes PNG/JPEG/WebP/GIF/TIFF/AVIF into RGBA, shrinking huge images to MAX_SIDE. */
export async function readImage(
  path: string,
): Promise<RgbaImage & { originalWidth: number; originalHeight: number }> {
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES)
    throw new ImageReadError(
      `'${path}' is ${(size / 1e6).toFixed(0)} MB; images up to ${MAX_FILE_BYTES / 1e6} MB are read`,
    );
  const bytes = readFileSync(path);
  try {
    // Up to ~1 gigapixel is decoded (sharp streams it); the shrink keeps the RGBA buffer small.
    const img = sharp(bytes, { limitInputPixels: 1e9, failOn: 'error' });
    const meta = await img.metadata();
    const { data, info } = await img
      .rotate()
      .resize({
        width: MAX_SIDE,
        height: MAX_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
        kernel: 'lanczos3',
      })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      originalWidth: meta.width ?? info.width,
      originalHeight: meta.height ?? info.height,
    };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ImageReadError(`cannot read '${path}' as an image (PNG, JPEG, WebP, GIF, TIFF): ${why}`, {
      cause: e,
    });
  }
}

/** Encodes an RGBA image as PNG. */
export async function encodePng(img: RgbaImage): Promise<Uint8Array> {
  const buf = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), {
    raw: { width: img.width, height: img.height, channels: 4 },
  })
    .png()
    .toBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
