/** Default box sizes, estimated from label length so that layout needs no text measurement. */
import type { Node } from '@nnlens/ir';

/** Average glyph advance of a 12 px UI font, generous enough for most fonts. */
const CHAR = 7;

/** An op node: its op name in a 32 px high box. */
export function defaultNodeSize(node: Node): { width: number; height: number } {
  return { width: Math.max(72, node.op.length * CHAR + 24), height: 32 };
}

/** A collapsed group: its label (plus a "× n" badge when repeated) in a 40 px box. */
export function collapsedGroupSize(label: string): { width: number; height: number } {
  return { width: Math.max(96, label.length * CHAR + 48), height: 40 };
}

/** A graph input or output: its tensor name in a 28 px pill. */
export function ioSize(name: string): { width: number; height: number } {
  return { width: Math.max(64, Math.min(name.length, 40) * CHAR + 20), height: 28 };
}
