/** Image files and URLs → RGBA pixels in the browser (createImageBitmap + OffscreenCanvas), size-bounded. */
import type { RgbaImage } from '@nnlens/runtime/pure';

/** Images are scaled down to this long side while decoding. */
export const MAX_SIDE = 1024;
/** Files above this size are refused before decoding. */
export const MAX_BYTES = 100 * 1024 * 1024;

/** Thrown with a message for people. */
export class ImageDecodeError extends Error {
  override name = 'ImageDecodeError';
}

/** True for names/types the page treats as images rather than models. */
export function looksLikeImage(file: { name: string; type: string }): boolean {
  return file.type.startsWith('image/') || /\.(png|jpe?g|gif|webp|bmp|avif)$/i.test(file.name);
}

/** Decodes a Blob (PNG, JPEG, WebP, GIF, BMP, AVIF) to RGBA, shrinking huge images to MAX_SIDE. */
export async function decodeImage(blob: Blob, name = 'image'): Promise<RgbaImage> {
  if (blob.size > MAX_BYTES) {
    throw new ImageDecodeError(
      `'${name}' is ${(blob.size / 1e6).toFixed(0)} MB; images up to ${MAX_BYTES / 1e6} MB can be used`,
    );
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    throw new ImageDecodeError(
      `'${name}' is not an image the browser can decode (PNG, JPEG, WebP, GIF, BMP)`,
    );
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  if (scale < 1) {
    const [w, h] = [
      Math.max(1, Math.round(bitmap.width * scale)),
      Math.max(1, Math.round(bitmap.height * scale)),
    ];
    bitmap.close();
    bitmap = await createImageBitmap(blob, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' });
  }
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const g = canvas.getContext('2d', { willReadFrequently: true });
  if (!g) throw new ImageDecodeError('this browser cannot read image pixels (no 2D canvas)');
  g.drawImage(bitmap, 0, 0);
  const data = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
  const img = { width: bitmap.width, height: bitmap.height, data };
  bitmap.close();
  return img;
}

/** Fetches and decodes an image URL. */
export async function fetchImage(url: string, name = url): Promise<RgbaImage> {
  const res = await fetch(url);
  if (!res.ok) throw new ImageDecodeError(`cannot load '${name}': HTTP ${res.status}`);
  return decodeImage(await res.blob(), name);
}

/** An RGBA image as a data URL (thumbnails, downloads). */
export function imageToDataUrl(img: RgbaImage): string {
  const c = document.createElement('canvas');
  c.width = img.width;
  c.height = img.height;
  c.getContext('2d')!.putImageData(
    new ImageData(new Uint8ClampedArray(img.data), img.width, img.height),
    0,
    0,
  );
  return c.toDataURL('image/png');
}
