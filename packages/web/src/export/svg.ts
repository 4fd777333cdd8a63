/** The whole laid-out graph as a standalone SVG document (vector, with text), built as a string. */
import { groupSubtitle } from '../canvas/draw.js';
import { CATEGORY_COLORS, UI } from '../canvas/palette.js';
import { GROUP_HEADER, type Scene, type SceneEdge } from '../canvas/scene.js';
import { BOX, FONT_FAMILY } from '../shared/node-metrics.js';

function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

function pathData(e: SceneEdge): string {
  const p = e.points.map(r3);
  let d = `M${p[0]},${p[1]}`;
  if (e.bezier) {
    for (let i = 2; i + 5 < p.length; i += 6)
      d += ` C${p[i]},${p[i + 1]} ${p[i + 2]},${p[i + 3]} ${p[i + 4]},${p[i + 5]}`;
    return d;
  }
  for (let i = 2; i < p.length - 2; i += 2) {
    d += ` Q${p[i]},${p[i + 1]} ${r3((p[i]! + p[i + 2]!) / 2)},${r3((p[i + 1]! + p[i + 3]!) / 2)}`;
  }
  return `${d} L${p[p.length - 2]},${p[p.length - 1]}`;
}

/** The SVG text of a scene, with a margin around the graph. */
export function sceneToSvg(scene: Scene, title: string, margin = 20): string {
  const w = r3(scene.width + 2 * margin);
  const h = r3(scene.height + 2 * margin);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family='${FONT_FAMILY}'>`,
    `<title>${esc(title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">' +
      `<path d="M0,0 L10,5 L0,10 z" fill="${UI.edge}"/></marker></defs>`,
    `<rect width="100%" height="100%" fill="${UI.background}"/>`,
    `<g transform="translate(${margin},${margin})">`,
  );
  for (const g of scene.groups) {
    const x = r3(g.x);
    const y = r3(g.y);
    if (g.expanded) {
      out.push(
        `<g class="group" data-group="${esc(g.groupId)}"><rect x="${x}" y="${y}" width="${r3(g.w)}" height="${r3(g.h)}" rx="8" fill="${UI.groupFill[g.depth % 2]}" stroke="${UI.groupStroke}"/>` +
          `<text x="${r3(g.x + 8)}" y="${r3(g.y + GROUP_HEADER - 9)}" font-size="11" font-weight="600" fill="${UI.groupLabel}">${esc(g.label)}<tspan font-weight="400" fill="${UI.groupMuted}"> · ${g.nodeCount}</tspan></text></g>`,
      );
    }
  }
  for (const e of scene.edges) {
    if (e.points.length < 4) continue;
    out.push(
      `<path class="edge" d="${pathData(e)}" fill="none" stroke="${UI.edge}" stroke-width="1.1" marker-end="url(#arrow)"/>`,
    );
  }
  for (const g of scene.groups) {
    if (g.expanded) continue;
    const cx = r3(g.x + g.w / 2);
    const sub = groupSubtitle(g);
    out.push(
      `<g class="group collapsed" data-group="${esc(g.groupId)}">` +
        [6, 3]
          .map(
            (o) =>
              `<rect x="${r3(g.x + o)}" y="${r3(g.y + o)}" width="${r3(g.w)}" height="${r3(g.h)}" rx="${BOX.radius}" fill="${UI.collapsedFill}" stroke="${UI.collapsedStroke}"/>`,
          )
          .join('') +
        `<rect x="${r3(g.x)}" y="${r3(g.y)}" width="${r3(g.w)}" height="${r3(g.h)}" rx="${BOX.radius}" fill="${UI.collapsedFill}" stroke="${UI.collapsedStroke}"/>` +
        `<text x="${cx}" y="${r3(g.y + 17)}" text-anchor="middle" font-size="12" font-weight="600" fill="${UI.collapsedText}">${esc(g.label)}</text>` +
        `<text x="${cx}" y="${r3(g.y + 31)}" text-anchor="middle" font-size="10.5" fill="${UI.detailText}">${esc(sub)}</text></g>`,
    );
  }
  for (const n of scene.nodes) {
    const c = CATEGORY_COLORS[n.category];
    const io = n.kind !== 'op';
    const cx = r3(n.x + n.w / 2);
    const rx = io ? r3(n.h / 2) : BOX.radius;
    const parts = [
      `<rect x="${r3(n.x)}" y="${r3(n.y)}" width="${r3(n.w)}" height="${r3(n.h)}" rx="${rx}" fill="${c.fill}" stroke="${c.stroke}"/>`,
    ];
    if (io) {
      parts.push(
        `<text x="${cx}" y="${r3(n.y + n.h / 2 + 4)}" text-anchor="middle" font-size="11" font-weight="600" fill="${c.text}">${esc(n.lines[0]!)}</text>`,
      );
    } else {
      parts.push(
        `<rect x="${r3(n.x)}" y="${r3(n.y + 1)}" width="3" height="${r3(n.h - 2)}" fill="${c.solid}"/>`,
      );
      n.lines.forEach((line, i) => {
        const y = r3(n.y + BOX.firstLine - 2 + i * BOX.lineStep);
        parts.push(
          i === 0
            ? `<text x="${cx}" y="${y}" text-anchor="middle" font-size="12" font-weight="600" fill="${c.text}">${esc(line)}</text>`
            : `<text x="${cx}" y="${y}" text-anchor="middle" font-size="10.5" fill="${UI.detailText}">${esc(line)}</text>`,
        );
      });
    }
    out.push(`<g class="node ${n.kind}" data-id="${esc(n.id)}">${parts.join('')}</g>`);
  }
  out.push('</g>', '</svg>');
  return out.join('\n') + '\n';
}
