/** The size an SVG figure declares on its root element (every style writes width and height in px). */

/** Width and height of the root <svg>, or null when it has none. */
export function svgSize(svg: string): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (!root) return null;
  const w = /\swidth="([\d.]+)"/.exec(root);
  const h = /\sheight="([\d.]+)"/.exec(root);
  return w && h ? { width: Number(w[1]), height: Number(h[1]) } : null;
}
