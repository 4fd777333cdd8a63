/** PlotNeuralNet-style LaTeX: a standalone TikZ document of cuboids, captions, connections and skip arrows. */
import { opText } from '../layers/describe.js';
import { geometryOf } from '../layers/geometry.js';
import type { Layer, LayerDiagram, LayerKind } from '../layers/layer.js';
import { bool, numberIn, rejectUnknown } from '../options.js';
import { COMMON_KEYS, kindsUsed, layerFill, normalizeCommon, type CommonOptions } from './common.js';
import { KIND_NAMES, parseHex } from './palette.js';
import { dimText } from './scale.js';

/** Options of the TikZ output (PlotNeuralNet's to_* arguments, as global settings). */
export interface TikzOptions extends CommonOptions {
  /** Gap between layers in cm (PlotNeuralNet offset, default 0.8). */
  layerSpacing?: number;
  /** Height in cm of the largest feature map (default 6). */
  maxHeight?: number;
  /** Opacity of the boxes (default 0.85; PlotNeuralNet pools use 0.5). */
  opacity?: number;
  /** Channel count under each box (xlabel) and spatial size on its depth edge (zlabel) (default true). */
  showShapes?: boolean;
  /** Caption under each layer (default true). */
  captions?: boolean;
  /** A ⊕ ball (PlotNeuralNet to_Sum) after each layer with a residual add (default true). */
  sumBalls?: boolean;
  /** \\documentclass border in pt (default 8). */
  border?: number;
}

const KEYS = [
  ...COMMON_KEYS,
  'layerSpacing',
  'maxHeight',
  'opacity',
  'showShapes',
  'captions',
  'sumBalls',
  'border',
] as const;

/** TeX-safe text: escapes specials and spells out the Unicode our labels use. */
export function texEscape(s: string): string {
  const map: Record<string, string> = {
    '\\': '\\textbackslash{}',
    '{': '\\{',
    '}': '\\}',
    $: '\\$',
    '&': '\\&',
    '#': '\\#',
    '%': '\\%',
    _: '\\_',
    '^': '\\^{}',
    '~': '\\~{}',
    '×': '$\\times$',
    '…': '\\ldots{}',
    '@': '@',
  };
  return [...s].map((ch) => map[ch] ?? (ch.charCodeAt(0) < 128 ? ch : '?')).join('');
}

function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

function colorName(kind: LayerKind): string {
  return `nn${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
}

function rgbOf(fill: string): string {
  const rgb = parseHex(fill) ?? [200, 200, 200];
  return rgb.join(',');
}

interface Placed {
  layer: Layer;
  x: number;
  w: number;
  h: number;
  d: number;
}

/** Writes the layer list as a standalone LaTeX/TikZ document (compile with pdflatex). */
export function drawTikz(d: LayerDiagram, options: TikzOptions = {}): string {
  rejectUnknown(options, KEYS, 'tikz');
  const c = normalizeCommon(options);
  const o = {
    spacing: numberIn(options.layerSpacing, 'layerSpacing', 0.8, { min: 0, max: 20 }),
    maxHeight: numberIn(options.maxHeight, 'maxHeight', 6, { min: 0.5, max: 40 }),
    opacity: numberIn(options.opacity, 'opacity', 0.85, { min: 0, max: 1 }),
    shapes: bool(options.showShapes, 'showShapes', true),
    captions: bool(options.captions, 'captions', true),
    sumBalls: bool(options.sumBalls, 'sumBalls', true),
    border: numberIn(options.border, 'border', 8, { min: 0, max: 100 }),
  };
  const geoms = d.layers.map((l) => geometryOf(l));
  const largest = Math.max(
    1,
    ...geoms.map((g) =>
      g.form === 'maps' ? Math.max(g.height, g.width) : g.form === 'sequence' ? g.length : 1,
    ),
  );
  const side = (n: number): number =>
    Math.max(0.3, (Math.sqrt(Math.max(1, n)) / Math.sqrt(largest)) * o.maxHeight);
  const thick = (n: number): number => Math.max(0.12, Math.min(3, Math.log2(Math.max(2, n)) * 0.22));
  const placed: Placed[] = [];
  let x = 0;
  d.layers.forEach((layer, i) => {
    const g = geoms[i]!;
    let w: number, h: number, dd: number;
    if (g.form === 'maps') [w, h, dd] = [thick(g.channels), side(g.height), side(g.width)];
    else if (g.form === 'sequence')
      // A sequence is a 1-D map: tokens up, features as channels.
      [w, h, dd] = [thick(g.width), side(g.length), 0.35];
    else
      [w, h, dd] = [
        0.35,
        Math.min(o.maxHeight * 1.2, Math.max(1, Math.log2(Math.max(2, g.length)) * 0.55)),
        0.35,
      ];
    placed.push({ layer, x, w, h, d: dd });
    // The receding side reaches 0.35·depth to the right; captions are about 2 cm wide.
    x += w + Math.max(o.spacing + 0.35 * dd, o.captions ? 2.2 - w : 0);
    if (o.sumBalls && layer.merge === 'add') x += 1.1;
  });
  const out: string[] = [];
  out.push(`% ${d.title}: drawn by nnlens (PlotNeuralNet-style TikZ). Compile with: pdflatex file.tex`);
  // PlotNeuralNet uses the standalone class; TeX installations without it (Debian's
  // texlive-latex-base) get an article page cropped to the figure by \nnShipFigure below.
  out.push(
    `\\IfFileExists{standalone.cls}{\\documentclass[border=${num(o.border)}pt]{standalone}}{\\documentclass{article}}`,
  );
  out.push('\\usepackage{tikz}');
  out.push('\\usetikzlibrary{3d, calc, arrows.meta, positioning, decorations.pathreplacing}');
  for (const k of kindsUsed(d))
    out.push(`\\definecolor{${colorName(k)}}{RGB}{${rgbOf(layerFill(c, { kind: k }))}}`);
  d.layers.forEach((l, i) => {
    if (l.color) out.push(`\\definecolor{nnLayer${i}}{RGB}{${rgbOf(l.color)}}`);
  });
  out.push('% A box: front face, top and right side, receding along the z axis.');
  out.push('\\newcommand{\\nnBox}[7]{% name, x, width, height, depth, colour, opacity');
  out.push('  \\begin{scope}[shift={(#2,0,0)}]');
  out.push('    \\coordinate (#1-west) at (0,0,0);');
  out.push('    \\coordinate (#1-east) at (#3,0,0);');
  out.push('    \\coordinate (#1-north) at ($(#3/2,#4/2,0)!0.5!(#3/2,#4/2,#5)$);');
  out.push('    \\coordinate (#1-south) at (#3/2,-#4/2,0);');
  out.push('    \\coordinate (#1-side) at (#3,-#4/2,#5/2);');
  out.push(
    '    \\filldraw[fill=#6, fill opacity=#7, draw=black!80, line join=round, thin] (0,-#4/2,0) -- (#3,-#4/2,0) -- (#3,#4/2,0) -- (0,#4/2,0) -- cycle;',
  );
  out.push(
    '    \\filldraw[fill=#6!80!white, fill opacity=#7, draw=black!80, line join=round, thin] (0,#4/2,0) -- (#3,#4/2,0) -- (#3,#4/2,#5) -- (0,#4/2,#5) -- cycle;',
  );
  out.push(
    '    \\filldraw[fill=#6!75!black, fill opacity=#7, draw=black!80, line join=round, thin] (#3,-#4/2,0) -- (#3,-#4/2,#5) -- (#3,#4/2,#5) -- (#3,#4/2,0) -- cycle;',
  );
  out.push('  \\end{scope}}');
  out.push('% A sum ball (PlotNeuralNet to_Sum) with a plus sign.');
  out.push('\\newcommand{\\nnSum}[2]{% name, x');
  out.push(
    '  \\node[circle, draw=black!70, ball color=nnSumColor, inner sep=0pt, minimum size=0.45cm] (#1) at (#2,0,0) {$+$};}',
  );
  out.push('\\definecolor{nnSumColor}{RGB}{120,160,220}');
  out.push(...SHIP.replace(/BORDER/g, num(o.border)).split('\n'));
  out.push('\\begin{document}');
  out.push('\\begin{lrbox}{\\nnFigure}');
  out.push('\\begin{tikzpicture}[x=1cm, y=1cm, z={(0.35cm,0.25cm)}, font=\\sffamily\\scriptsize,');
  out.push('  connection/.style={-{Stealth[length=2mm]}, draw=black!70, thick},');
  out.push('  skip/.style={-{Stealth[length=2mm]}, draw=blue!60!black, thick, rounded corners=3pt},');
  out.push(
    '  concat/.style={-{Stealth[length=2mm]}, draw=green!45!black, thick, dashed, rounded corners=3pt}]',
  );
  placed.forEach((p, i) => {
    const fill = p.layer.color ? `nnLayer${i}` : colorName(p.layer.kind);
    const name = `L${i}`;
    out.push(
      `% ${texComment(p.layer.name)}: ${texComment(opText(p.layer))} -> [${p.layer.shape.map(dimText).join(', ')}]`,
    );
    out.push(
      `\\nnBox{${name}}{${num(p.x)}}{${num(p.w)}}{${num(p.h)}}{${num(p.d)}}{${fill}}{${num(o.opacity)}}`,
    );
    const g = geoms[i]!;
    if (o.shapes) {
      const channels = g.form === 'maps' ? g.channels : g.form === 'vector' ? g.length : g.width;
      out.push(`\\node[below=1pt, font=\\sffamily\\tiny] at (${name}-south) {${dimText(channels)}};`);
      if (g.form === 'maps')
        out.push(
          `\\node[anchor=north west, inner sep=1pt, font=\\sffamily\\tiny, rotate=35] at (${name}-side) {${dimText(g.height)}$\\times$${dimText(g.width)}};`,
        );
    }
    if (o.captions)
      out.push(
        `\\node[below=9pt, align=center, text width=2cm] at (${name}-south) {${texEscape(p.layer.name)}\\\\${texEscape(captionOp(p.layer))}};`,
      );
    if (o.sumBalls && p.layer.merge === 'add') {
      out.push(`\\nnSum{${name}-sum}{${num(p.x + p.w + 0.35 * p.d + 0.5)}}`);
      out.push(`\\draw[connection] (${name}-east) -- (${name}-sum);`);
    }
    if (i > 0) {
      const prev = placed[i - 1]!;
      const from = o.sumBalls && prev.layer.merge === 'add' ? `L${i - 1}-sum` : `L${i - 1}-east`;
      out.push(`\\draw[connection] (${from}) -- (${name}-west);`);
    }
  });
  if (c.skips) {
    const idx = new Map(d.layers.map((l, i) => [l.id, i]));
    d.skips.forEach((s, k) => {
      const a = idx.get(s.from);
      const b = idx.get(s.to);
      if (a === undefined || b === undefined) return;
      // Rise just above the tallest box the arrow passes over.
      const top = Math.max(...placed.slice(a, b + 1).map((p) => p.h / 2 + p.d * 0.25)) + 0.5;
      const end =
        o.sumBalls && placed[b]!.layer.merge === 'add' && s.kind === 'add'
          ? `L${b}-sum.north`
          : `L${b}-north`;
      const lift = num(top + (k % 2) * 0.45);
      out.push(
        `\\draw[${s.kind === 'concat' ? 'concat' : 'skip'}] (L${a}-north) -- (L${a}-north |- 0,${lift}) -| (${end})` +
          (s.via ? ` node[pos=0.25, above, font=\\sffamily\\tiny] {${texEscape(s.via)}}` : '') +
          ';',
      );
    });
  }
  const bottom = -Math.max(...placed.map((p) => p.h / 2));
  const idxOf = new Map(d.layers.map((l, i) => [l.id, i]));
  for (const r of d.repeats) {
    const a = placed[idxOf.get(r.first) ?? -1];
    const b = placed[idxOf.get(r.last) ?? -1];
    if (!a || !b) continue;
    // A brace under the captions of the block drawn once.
    const y = num(bottom - (o.captions ? 1.35 : 0.5));
    out.push(
      `\\draw[decorate, decoration={brace, mirror, amplitude=4pt}, thick, black!60] (${num(a.x - 0.2)},${y}) -- (${num(b.x + b.w + 0.2)},${y}) node[midway, below=5pt, font=\\sffamily\\small\\bfseries] {$\\times$ ${r.count}};`,
    );
  }
  if (c.legend) {
    const kinds = kindsUsed(d);
    const y = bottom - (d.repeats.length ? 2.8 : 2.2);
    kinds.forEach((k, i) => {
      out.push(
        `\\fill[${colorName(k)}, draw=black!70] (${num(i * 2.6)},${num(y)}) rectangle ++(0.3,0.3) node[right=2pt, black, anchor=west] at (${num(i * 2.6 + 0.3)},${num(y + 0.15)}) {${texEscape(KIND_NAMES[k])}};`,
      );
    });
  }
  if (c.title)
    out.push(
      `\\node[anchor=south west, font=\\sffamily\\bfseries\\normalsize] at (0,${num(Math.max(...placed.map((p) => p.h / 2)) + 2)}) {${texEscape(c.title)}};`,
    );
  out.push('\\end{tikzpicture}');
  out.push('\\end{lrbox}');
  out.push('\\nnShipFigure');
  out.push('\\end{document}');
  return out.join('\n') + '\n';
}

/** Puts the figure on a page of exactly its size plus the border (what the standalone class does). */
const SHIP = String.raw`\newsavebox{\nnFigure}
\newlength{\nnBorder}\setlength{\nnBorder}{BORDERpt}
\makeatletter
\newcommand{\nnShipFigure}{\@ifclassloaded{standalone}{\usebox{\nnFigure}}{%
  \pagestyle{empty}%
  \pdfpagewidth=\dimexpr\wd\nnFigure+2\nnBorder\relax
  \pdfpageheight=\dimexpr\ht\nnFigure+\dp\nnFigure+2\nnBorder\relax
  \hoffset=-1in \voffset=-1in \oddsidemargin=\nnBorder \evensidemargin=\nnBorder
  \topmargin=\nnBorder \headheight=0pt \headsep=0pt \footskip=0pt
  \noindent\usebox{\nnFigure}}}
\makeatother`;

function captionOp(layer: Layer): string {
  if (layer.kind === 'input') return 'Input';
  if (layer.kind === 'block' || layer.kind === 'attention') return layer.op;
  return [opText(layer), layer.activation].filter(Boolean).join(', ');
}

function texComment(s: string): string {
  return s.replace(/[\r\n%]/g, ' ');
}
