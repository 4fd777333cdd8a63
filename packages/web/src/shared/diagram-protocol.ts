/** What the Diagram page and the model worker exchange: draw options in, a figure or a located problem out. */

/** drawDiagram's options: the style plus the style's options, nested (`colors: { conv }`). */
export interface DiagramDrawOptions {
  style: string;
  [option: string]: unknown;
}

/** Why a figure could not be drawn, located when possible. */
export interface DiagramProblem {
  /** 'spec': the spec text is wrong (line/column/field); 'option': an option value; 'model': no model open. */
  kind: 'spec' | 'option' | 'model' | 'internal';
  message: string;
  /** Spec field path such as `layers[1].kernel`. */
  field?: string;
  line?: number;
  column?: number;
  /** The option at fault (dotted, e.g. `colors.conv`). */
  option?: string;
}

/** A drawn figure (SVG text, or LaTeX for tikz) with its warnings, or the problem that stopped it. */
export interface DiagramReply {
  output: string | null;
  warnings: string[];
  problem: DiagramProblem | null;
  /** Worker time spent drawing. */
  ms: number;
}
