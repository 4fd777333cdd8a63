/** RGBA images as plain bytes (what canvas ImageData, sharp raw output and PNG decoders give) and resizing them. */

/** An 8-bit RGBA image, row-major, 4 bytes per pixel. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** A blank (transparent black) image. */
export function blankImage(width: number, height: number): RgbaImage {
  return { width, height, data: new Uint8ClampedArray(width * height * 4) };
}

/**
 * Resizes with area averaging when shrinking (no aliasing on photos; OpenCV's INTER_AREA) and half-pixel
 * bilinear interpolation when enlarging; returns float RGBA (0–255) to keep precision for preprocessing.
 */
export function resizeRgba(img: RgbaImage, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height * 4);
  const sx = img.width / width;
  const sy = img.height / height;
  const src = img.data;
  if (sx >= 1 && sy >= 1) {
    for (let y = 0; y < height; y++) {
      const y0 = y * sy;
      const y1 = y0 + sy;
      for (let x = 0; x < width; x++) {
        const x0 = x * sx;
        const x1 = x0 + sx;
        const acc = [0, 0, 0, 0];
        let area = 0;
        for (let py = Math.floor(y0); py < Math.min(Math.ceil(y1), img.height); py++) {
          const wy = Math.min(py + 1, y1) - Math.max(py, y0);
          for (let px = Math.floor(x0); px < Math.min(Math.ceil(x1), img.width); px++) {
            const wgt = wy * (Math.min(px + 1, x1) - Math.max(px, x0));
            const o = (py * img.width + px) * 4;
            for (let c = 0; c < 4; c++) acc[c] += wgt * src[o + c]!;
            area += wgt;
          }
        }
        for (let c = 0; c < 4; c++) out[(y * width + x) * 4 + c] = acc[c]! / area;
      }
    }
    return out;
  }
  const coord = (o: number, scale: number, n: number): [number, number, number] => {
    const s = Math.min(Math.max((o + 0.5) * scale - 0.5, 0), n - 1);
    const a = Math.floor(s);
    return [a, Math.min(a + 1, n - 1), s - a];
  };
  for (let y = 0; y < height; y++) {
    const [y0, y1, ty] = coord(y, sy, img.height);
    for (let x = 0; x < width; x++) {
      const [x0, x1, tx] = coord(x, sx, img.width);
      for (let c = 0; c < 4; c++) {
        const p = (yy: number, xx: number): number => src[(yy * img.width + xx) * 4 + c]!;
        const top = p(y0, x0) * (1 - tx) + p(y0, x1) * tx;
        const bottom = p(y1, x0) * (1 - tx) + p(y1, x1) * tx;
        out[(y * width + x) * 4 + c] = top * (1 - ty) + bottom * ty;
      }
    }
  }
  return out;
}

/** The central square crop (the short side), as CNN Explainer and torchvision's CenterCrop do. */
export function centerSquare(img: RgbaImage): RgbaImage {
  const side = Math.min(img.width, img.height);
  if (img.width === img.height) return img;
  const x0 = Math.floor((img.width - side) / 2);
  const y0 = Math.floor((img.height - side) / 2);
  const data = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    const from = ((y0 + y) * img.width + x0) * 4;
    data.set(img.data.subarray(from, from + side * 4), y * side * 4);
  }
  return { width: side, height: side, data };
}
