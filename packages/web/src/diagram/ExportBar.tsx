/** Downloads (SVG, PNG at a chosen scale, TikZ .tex) and the share link of the current figure. */
import { useState } from 'react';
import { download } from '../export/download.js';
import { diagramStore, type Figure } from './diagram-store.js';
import { svgToPng } from './png-export.js';
import { copyText } from './TexView.js';

const SCALES = [1, 2, 3, 4] as const;

interface Props {
  figure: Figure | null;
  /** File name without extension, e.g. `resnet18-lenet`. */
  stem: string;
  busy: boolean;
}

/** The bar. */
export function ExportBar({ figure, stem, busy }: Props) {
  const [scale, setScale] = useState<number>(2);
  const [note, setNote] = useState<string | null>(null);
  const svg = figure?.format === 'svg' ? figure.output : null;
  const flash = (text: string): void => {
    setNote(text);
    setTimeout(() => setNote((n) => (n === text ? null : n)), 1800);
  };
  const fail = (e: unknown): void => flash(`Failed: ${(e as Error).message}`);

  const tex = async (): Promise<void> => {
    const text = figure?.format === 'tex' ? figure.output : await diagramStore.tikz();
    download(text, `${stem.replace(/-\w+$/, '')}-tikz.tex`, 'application/x-tex');
  };

  return (
    <div className="dg-export" data-testid="diagram-export">
      {note && (
        <span className="dg-flash" role="status">
          {note}
        </span>
      )}
      <button
        className="btn ghost small"
        title="Copy a link that restores these settings"
        onClick={() => void copyText(location.href).then(() => flash('Link copied'), fail)}
      >
        Copy link
      </button>
      <span className="divider" />
      <button
        className="btn small"
        disabled={!svg || busy}
        data-testid="download-svg"
        onClick={() => svg && download(svg, `${stem}.svg`, 'image/svg+xml')}
      >
        SVG
      </button>
      <div className="dg-split">
        <button
          className="btn small"
          disabled={!svg || busy}
          data-testid="download-png"
          onClick={() =>
            svg && void svgToPng(svg, scale).then((b) => download(b, `${stem}@${scale}x.png`), fail)
          }
        >
          PNG
        </button>
        <select
          className="dg-select small"
          aria-label="PNG scale"
          value={scale}
          disabled={!svg}
          onChange={(e) => setScale(Number(e.target.value))}
        >
          {SCALES.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </div>
      <button
        className="btn small"
        disabled={!figure || busy}
        data-testid="download-tex"
        title="LaTeX/TikZ (PlotNeuralNet-like) of this figure's layers"
        onClick={() => void tex().catch(fail)}
      >
        TikZ
      </button>
    </div>
  );
}
