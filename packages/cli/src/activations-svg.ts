/** SVG bar chart of a dense layer's values (class labels on the output layer), rendered to PNG with resvg. */

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A horizontal bar chart: one row per value, positive bars blue, negative red, with names and numbers. */
export function barChartSvg(
  title: string,
  values: ArrayLike<number>,
  names?: readonly string[] | null,
): string {
  const n = values.length;
  const row = 18;
  const labelW = 120;
  const barW = 260;
  const top = 34;
  const max = Math.max(1e-12, ...Array.from(values, (v) => Math.abs(v)));
  const hasNeg = Array.from(values).some((v) => v < 0);
  const zero = labelW + (hasNeg ? barW / 2 : 0);
  const scale = (hasNeg ? barW / 2 : barW) / max;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelW + barW + 90}" height="${top + n * row + 10}" font-family="DejaVu Sans" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="8" y="20" font-size="13" font-weight="bold">${esc(title)}</text>`,
    `<line x1="${zero}" y1="${top - 4}" x2="${zero}" y2="${top + n * row}" stroke="#94a3b8"/>`,
  ];
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const y = top + i * row;
    const w = Math.abs(v) * scale;
    const x = v >= 0 ? zero : zero - w;
    parts.push(
      `<text x="${labelW - 6}" y="${y + 12}" text-anchor="end" fill="#334155">${esc(names?.[i] ?? String(i))}</text>`,
      `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 6}" fill="${v >= 0 ? '#2166ac' : '#b2182b'}"/>`,
      `<text x="${labelW + barW + 6}" y="${y + 12}" fill="#475569">${v.toFixed(3)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}
