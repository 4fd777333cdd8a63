/** Throwaway: renders layouts to SVG for eyeballing (bundle with esbuild, run with node). */
import { writeFileSync, readFileSync } from 'node:fs';
import type { Graph, Node } from '@nnlens/ir';
import { openModel } from '@nnlens/formats';
import { buildScopeTree, layoutGraph, makeSyntheticDenseNet, type GraphLayout } from '../src/index.js';

function svg(l: GraphLayout, graph: Graph): string {
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${l.width + 20}" height="${l.height + 20}" viewBox="-10 -10 ${l.width + 20} ${l.height + 20}" font-family="sans-serif" font-size="11">`,
  );
  out.push('<rect x="-10" y="-10" width="100%" height="100%" fill="white"/>');
  for (const it of l.items) {
    if (it.kind === 'group') {
      const fill = it.expanded ? 'rgba(200,210,240,0.25)' : '#dde4f7';
      out.push(
        `<rect x="${it.x}" y="${it.y}" width="${it.width}" height="${it.height}" rx="6" fill="${fill}" stroke="#7d8fc7"/>`,
      );
      out.push(
        `<text x="${it.x + 6}" y="${it.y + 15}">${it.label}${it.repeat ? ` ×${it.repeat.count}` : ''}</text>`,
      );
    }
  }
  for (const e of l.edges) {
    const p = e.points;
    let d = `M${p[0]},${p[1]}`;
    for (let i = 2; i < p.length; i += 2) d += ` L${p[i]},${p[i + 1]}`;
    out.push(`<path d="${d}" fill="none" stroke="#555" stroke-width="1"/>`);
  }
  for (const it of l.items) {
    if (it.kind === 'node') {
      out.push(
        `<rect x="${it.x}" y="${it.y}" width="${it.width}" height="${it.height}" rx="4" fill="${it.nodeIndex < 0 ? '#eee' : '#fce8c8'}" stroke="#b08040"/>`,
      );
      out.push(
        `<text x="${it.x + it.width / 2}" y="${it.y + it.height / 2 + 4}" text-anchor="middle">${it.label.slice(0, 24)}</text>`,
      );
    }
  }
  void graph;
  out.push('</svg>');
  return out.join('\n');
}

const hidden = (n: Node): boolean => n.op === 'Constant';
const [file, mode, out, dir] = process.argv.slice(2) as [string, string, string, string | undefined];
const graph = file.startsWith('synthetic:')
  ? makeSyntheticDenseNet(Number(file.slice(10))).graph
  : openModel({ name: file.split('/').pop()!, bytes: new Uint8Array(readFileSync(file)) }).graph;
const tree = buildScopeTree(graph);
const expanded =
  mode === 'all'
    ? new Set(tree.groups.keys())
    : mode === 'none'
      ? new Set<string>()
      : new Set(mode.split(','));
const l = layoutGraph(graph, tree, { expanded, hidden, direction: dir === 'LR' ? 'LR' : 'TB' });
writeFileSync(out, svg(l, graph));
console.log(out, Math.round(l.width), Math.round(l.height), l.items.length);
