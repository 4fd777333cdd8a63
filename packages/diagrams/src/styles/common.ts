/** Options every style shares (title, font size, background, legend, skips, id prefix) and their normalisation. */
import type { LayerDiagram, LayerKind } from '../layers/layer.js';
import { bool, color, DiagramOptionError, numberIn } from '../options.js';
import { KIND_COLORS } from './palette.js';

/** Options shared by all SVG styles. */
export interface CommonOptions {
  /** Title drawn above the figure (default none). */
  title?: string;
  /** Base font size in px (default 12). */
  fontSize?: number;
  /** Background fill, or 'none' for a transparent figure (default white). */
  background?: string;
  /** Draw the legend of layer kinds and skip kinds (default true). */
  legend?: boolean;
  /** Draw residual/concat skip connections (default true). */
  skips?: boolean;
  /** Prefix of generated ids, to keep several figures in one page apart (default 'nn'). */
  idPrefix?: string;
  /** Fill per layer kind, overriding the palette. */
  colors?: Partial<Record<LayerKind, string>>;
}

/** Names of the shared options, for unknown-option checks. */
export const COMMON_KEYS = [
  'title',
  'fontSize',
  'background',
  'legend',
  'skips',
  'idPrefix',
  'colors',
] as const;

/** Normalised shared options. */
export interface Common {
  title: string | undefined;
  fontSize: number;
  background: string | null;
  legend: boolean;
  skips: boolean;
  idPrefix: string;
  colors: Record<LayerKind, string>;
}

/** Validates the shared options. */
export function normalizeCommon(o: CommonOptions): Common {
  const colors = { ...KIND_COLORS };
  for (const [k, v] of Object.entries(o.colors ?? {})) {
    if (!(k in KIND_COLORS))
      throw new DiagramOptionError(
        `colors.${k}`,
        v,
        `a layer kind among ${Object.keys(KIND_COLORS).join(', ')}`,
      );
    colors[k as LayerKind] = color(v, `colors.${k}`, colors[k as LayerKind]);
  }
  const bg = o.background === undefined ? 'white' : color(o.background, 'background', 'white');
  const idPrefix = o.idPrefix ?? 'nn';
  if (!/^[A-Za-z][\w-]*$/.test(idPrefix))
    throw new DiagramOptionError('idPrefix', idPrefix, 'a letter followed by letters, digits, - or _');
  return {
    title: o.title,
    fontSize: numberIn(o.fontSize, 'fontSize', 12, { min: 6, max: 48 }),
    background: bg === 'none' || bg === 'transparent' ? null : bg,
    legend: bool(o.legend, 'legend', true),
    skips: bool(o.skips, 'skips', true),
    idPrefix,
    colors,
  };
}

/** Fill of a layer: its own colour (spec files) or its kind's. */
export function layerFill(c: Common, layer: { kind: LayerKind; color?: string }): string {
  return layer.color ?? c.colors[layer.kind];
}

/** Kinds used by the diagram's layers, in first-use order. */
export function kindsUsed(d: LayerDiagram): LayerKind[] {
  const out: LayerKind[] = [];
  for (const l of d.layers) if (!out.includes(l.kind)) out.push(l.kind);
  return out;
}
