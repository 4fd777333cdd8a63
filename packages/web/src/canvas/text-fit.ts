/** Truncates text with an ellipsis to fit a width, caching measurements (drawing is per frame). */

const cache = new Map<string, string>();

/** `text`, or its longest prefix + '…' that fits `maxWidth` in the context's current font. */
export function fitText(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  text: string,
  maxWidth: number,
): string {
  const key = `${ctx.font}|${Math.round(maxWidth)}|${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let out = text;
  if (ctx.measureText(text).width > maxWidth) {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ctx.measureText(text.slice(0, mid) + '…').width <= maxWidth) lo = mid;
      else hi = mid - 1;
    }
    out = lo > 0 ? text.slice(0, lo) + '…' : '';
  }
  if (cache.size > 20000) cache.clear();
  cache.set(key, out);
  return out;
}
