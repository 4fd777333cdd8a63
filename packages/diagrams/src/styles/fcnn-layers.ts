/** Which layers the FCNN style draws: the last run of dense layers of a model, or every layer of a spec. */
import { geometryOf } from '../layers/geometry.js';
import type { DenseWeights, Layer, LayerDiagram } from '../layers/layer.js';

/** One column of neurons and the weights of the edges that enter it. */
export interface FcnnColumn {
  name: string;
  units: number;
  /** Weights from the previous column (absent for the input column or when unknown). */
  weights?: DenseWeights;
}

function width(layer: Layer): number {
  const g = geometryOf(layer);
  if (g.form === 'vector') return g.length;
  if (g.form === 'sequence') return g.width;
  return g.channels * g.height * g.width;
}

/** Input width of a dense layer: its weight matrix, else its input shape's last dim. */
function inWidth(layer: Layer): number {
  const w = layer.dense?.weight.shape;
  if (w && w.length === 2) return layer.dense!.inputMajor ? w[0]! : w[1]!;
  const s = layer.inShape;
  return s.length ? Math.max(1, s[s.length - 1]!) : 1;
}

/**
 * Columns: the input of the last run of consecutive dense layers and each layer's output. A
 * diagram without dense layers (a spec of plain sizes) uses every layer as a column.
 */
export function fcnnColumns(d: LayerDiagram): FcnnColumn[] {
  let end = -1;
  for (let i = d.layers.length - 1; i >= 0; i--) {
    if (d.layers[i]!.kind === 'dense') {
      end = i;
      break;
    }
  }
  if (end < 0) {
    d.warnings.push('fcnn: the model has no dense layers; every layer is drawn as a column of its elements');
    return d.layers.map((l) => ({ name: l.name, units: width(l) }));
  }
  let start = end;
  while (start > 0 && d.layers[start - 1]!.kind === 'dense') start--;
  const run = d.layers.slice(start, end + 1);
  const first = run[0]!;
  const prev = d.layers[start - 1];
  const cols: FcnnColumn[] = [
    {
      name: prev ? prev.name : 'input',
      units: prev && width(prev) === inWidth(first) ? width(prev) : inWidth(first),
    },
  ];
  for (const l of run) {
    const col: FcnnColumn = { name: l.name, units: width(l) };
    if (l.dense) col.weights = l.dense;
    cols.push(col);
  }
  return cols;
}
