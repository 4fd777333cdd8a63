/** Colours of the graph drawing, shared by the canvas renderer and the SVG/PNG exports. */
import type { OpCategory } from '../shared/op-category.js';

/** The four tones of one category. */
export interface CategoryColors {
  /** Saturated colour: accent stripe, overview boxes, legend swatch. */
  solid: string;
  /** Box fill when zoomed in. */
  fill: string;
  /** Box border. */
  stroke: string;
  /** Op name text. */
  text: string;
}

/** Colours by op category. */
export const CATEGORY_COLORS: Record<OpCategory, CategoryColors> = {
  conv: { solid: '#2563eb', fill: '#eef4ff', stroke: '#a9c3f5', text: '#1e3a8a' },
  norm: { solid: '#7c3aed', fill: '#f4f0ff', stroke: '#c8b5f3', text: '#4c1d95' },
  activation: { solid: '#e0435c', fill: '#fff0f2', stroke: '#f2b1bc', text: '#881337' },
  pool: { solid: '#16a34a', fill: '#eefaf1', stroke: '#a3dbb4', text: '#14532d' },
  elementwise: { solid: '#d97706', fill: '#fff7eb', stroke: '#f0cf96', text: '#78350f' },
  tensor: { solid: '#64748b', fill: '#f4f6f9', stroke: '#cbd3de', text: '#1e293b' },
  control: { solid: '#0891b2', fill: '#ecfafd', stroke: '#9ad8e6', text: '#164e63' },
  io: { solid: '#334155', fill: '#334155', stroke: '#1e293b', text: '#ffffff' },
  other: { solid: '#78716c', fill: '#f6f5f4', stroke: '#d4d0cc', text: '#292524' },
};

/** Colours of everything that is not a node. */
export const UI = {
  background: '#fbfcfd',
  edge: '#9aa6b6',
  edgeLabel: '#5b6676',
  accent: '#2563eb',
  accentSoft: 'rgba(37, 99, 235, 0.16)',
  detailText: '#5b6676',
  groupStroke: '#d5dbe3',
  groupFill: ['rgba(241, 244, 248, 0.55)', 'rgba(233, 237, 243, 0.55)'],
  groupLabel: '#334155',
  groupMuted: '#7b8594',
  collapsedFill: '#ffffff',
  collapsedStroke: '#b9c2cf',
  collapsedText: '#1e293b',
  repeatBadge: '#475569',
};
