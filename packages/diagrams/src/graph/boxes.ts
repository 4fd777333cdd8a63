/** What a graph-style box says (plot_model / torchview tables) and how big that makes it. */
import { formatShape } from '@nnlens/ir';
import { describeUnit, opText } from '../layers/describe.js';
import type { LayerKind } from '../layers/layer.js';
import type { Unit } from '../layers/units.js';
import { textWidth } from '../svg/text.js';

/** Which rows the boxes show (plot_model's show_* flags). */
export interface BoxContent {
  names: boolean;
  shapes: boolean;
  dtype: boolean;
  params: boolean;
  activations: boolean;
}

/** The text of one box: a header and label/value rows. */
export interface BoxText {
  kind: LayerKind;
  header: string;
  rows: [string, string][];
}

/** Font sizes and paddings of boxes. */
export const BOX = { header: 12, row: 10.5, padX: 8, headerH: 22, rowH: 15, labelGap: 8 };

/** Compact counts: 9472 → '9.47K'. */
export function compact(n: number): string {
  if (n < 1000) return String(n);
  const units = ['K', 'M', 'G', 'T'];
  let v = n;
  let i = -1;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toPrecision(3).replace(/\.?0+$/, '')}${units[i]}`;
}

/** The box text of a unit. */
export function unitBox(u: Unit, name: string, params: number, c: BoxContent): BoxText {
  const d = describeUnit(u);
  const kind: LayerKind = d.kind;
  const base = opText(d);
  const op = c.activations && d.activation ? `${base} · ${d.activation}` : base;
  const header = c.names && name && name !== base && name !== d.op ? `${name} : ${op}` : op;
  const rows: [string, string][] = [];
  if (c.shapes) {
    const ins = u.inputs.map((v) => formatShape(v.shape));
    rows.push(['input', ins.length ? ins.join(', ') : '—']);
    rows.push(['output', formatShape(u.shapeValue.shape)]);
  }
  if (c.dtype) rows.push(['dtype', u.shapeValue.dtype]);
  if (c.params && params > 0) rows.push(['params', compact(params)]);
  return { kind, header, rows };
}

/** Width and height of a box. */
export function boxSize(b: BoxText): { width: number; height: number } {
  const labelW = Math.max(0, ...b.rows.map(([l]) => textWidth(l, BOX.row)));
  const valueW = Math.max(0, ...b.rows.map(([, v]) => textWidth(v, BOX.row)));
  const rowW = b.rows.length ? labelW + BOX.labelGap + valueW : 0;
  const width = Math.ceil(Math.max(textWidth(b.header, BOX.header, true), rowW) + 2 * BOX.padX);
  return {
    width: Math.max(60, width),
    height: BOX.headerH + b.rows.length * BOX.rowH + (b.rows.length ? 4 : 0),
  };
}
