/** A small matrix of numbers with coloured cells (window values, kernels, products), as in CNN Explainer's formula views. */
import { colorAt, type ColormapName } from '@nnlens/runtime/pure';
import { fmt } from '../draw.js';

/** Props of Matrix. */
export interface MatrixProps {
  values: (number | null)[][];
  /** Symmetric colour range; 0 = no colour. */
  range: number;
  cmap?: ColormapName;
  caption?: string;
  /** A cell drawn with a strong outline (the maximum of a max-pool window). */
  mark?: [number, number];
  testId?: string;
}

function textColor(rgb: [number, number, number]): string {
  return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] < 140 ? '#fff' : '#0f172a';
}

/** The matrix. Null cells are padding (drawn hatched). */
export function Matrix({ values, range, cmap = 'rdbu', caption, mark, testId }: MatrixProps) {
  return (
    <figure className="ex-matrix" data-testid={testId}>
      <table>
        <tbody>
          {values.map((row, i) => (
            <tr key={i}>
              {row.map((v, j) => {
                if (v === null)
                  return (
                    <td key={j} className="pad">
                      0
                    </td>
                  );
                const rgb =
                  range > 0
                    ? colorAt(cmap, 0.5 + v / (2 * range))
                    : ([246, 248, 250] as [number, number, number]);
                return (
                  <td
                    key={j}
                    className={mark && mark[0] === i && mark[1] === j ? 'mark' : undefined}
                    style={{ background: `rgb(${rgb.join(',')})`, color: textColor(rgb) }}
                  >
                    {fmt(v, 2)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
