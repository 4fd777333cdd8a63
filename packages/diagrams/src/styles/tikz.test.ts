import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/spec.js';
import { drawTikz, texEscape } from './tikz.js';

const pdflatex = spawnSync('pdflatex', ['--version']).status === 0;
if (!pdflatex)
  console.warn(
    '\n*** pdflatex not found: the TikZ compile test is skipped (apt-get install texlive-latex-base texlive-pictures) ***\n',
  );

const spec = parseSpec(
  'title: t\nlayers:\n  - {type: input, name: in_1, shape: [3, 32, 32]}\n  - {type: conv, name: c1, filters: 16, kernel: 3, padding: same}\n  - {type: conv, name: c2, filters: 16, kernel: 3, padding: same}\n  - {type: pool, name: p}\n  - {type: dense, name: fc, units: 10}\nskips:\n  - {from: in_1, to: c2, kind: concat, label: "x & y_1 50%"}\n',
);

describe('tikz output', () => {
  it('is a standalone document with one box per layer, connections and the skip', () => {
    const tex = drawTikz(spec);
    expect(tex).toMatch(/^% t: drawn by nnlens/);
    expect(tex).toContain(
      '\\IfFileExists{standalone.cls}{\\documentclass[border=8pt]{standalone}}{\\documentclass{article}}',
    );
    expect(tex.match(/^\\nnBox\{L\d+\}/gm)).toHaveLength(5);
    expect(tex.match(/^\\draw\[connection\]/gm)).toHaveLength(4);
    expect(tex).toContain('\\draw[concat] (L0-north)');
    expect(tex).toContain('x \\& y\\_1 50\\%');
    expect(tex.trim().endsWith('\\end{document}')).toBe(true);
    // Every brace opened is closed.
    const opens = tex.replace(/\\[{}]/g, '').split('{').length;
    expect(tex.replace(/\\[{}]/g, '').split('}').length).toBe(opens);
  });

  it('escapes TeX specials and spells out symbols', () => {
    expect(texEscape('a_b & 5×5 #1 {x} 10%')).toBe('a\\_b \\& 5$\\times$5 \\#1 \\{x\\} 10\\%');
  });

  it.runIf(pdflatex)('compiles with pdflatex into a one-page PDF', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nnlens-tikz-'));
    try {
      writeFileSync(join(dir, 'fig.tex'), drawTikz(spec, { title: 'Net_1' }));
      execFileSync('pdflatex', ['-halt-on-error', '-interaction=nonstopmode', 'fig.tex'], {
        cwd: dir,
        stdio: 'pipe',
        timeout: 60_000,
      });
      expect(existsSync(join(dir, 'fig.pdf'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
