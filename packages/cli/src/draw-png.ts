/** SVG → PNG with resvg (prebuilt binary from npm), text in the system's DejaVu Sans. */
import { Resvg } from '@resvg/resvg-js';

/** Renders `svg` at `dpi` (96 = 1 px per SVG unit). */
export function svgToPng(svg: string, dpi = 150): Uint8Array {
  if (!Number.isFinite(dpi) || dpi < 10 || dpi > 2400) throw new Error(`--dpi ${dpi}: expected 10–2400`);
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: dpi / 96 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return r.render().asPng();
}
