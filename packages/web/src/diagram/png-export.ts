/** An SVG figure as PNG: drawn through an <img> onto a canvas at a chosen scale (vector-sharp at any scale). */

/** Largest bitmap side and area Chromium reliably allocates; bigger requests are scaled down to fit. */
const MAX_SIDE = 16384;
const MAX_PIXELS = 120e6;

/** The scale actually used for a w×h figure when `wanted` is asked for. */
export function pngScale(width: number, height: number, wanted: number): number {
  return Math.min(wanted, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the browser could not read the SVG'));
    img.src = url;
  });
}

/** Renders the SVG at `scale` × its size; a transparent figure stays transparent. */
export async function svgToPng(svg: string, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = await loadImage(url);
    const w = img.naturalWidth || 1;
    const h = img.naturalHeight || 1;
    const s = pngScale(w, h, scale);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(w * s));
    canvas.height = Math.max(1, Math.round(h * s));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error(`cannot allocate a ${canvas.width}×${canvas.height} canvas for the PNG`);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
