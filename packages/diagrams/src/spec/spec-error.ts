/** The error of a bad spec file: what is wrong, in which field, at which line and column. */

/** Where in the spec text a problem is. */
export interface SpecLocation {
  line: number;
  column: number;
}

/** A spec that cannot be drawn; the message reads `file:line:col: path: problem`. */
export class SpecError extends Error {
  override name = 'SpecError';
  constructor(
    readonly file: string,
    /** Field path such as `layers[3].kernel`, or '' for the whole document. */
    readonly path: string,
    readonly problem: string,
    readonly location: SpecLocation | undefined,
  ) {
    super(
      `${file}${location ? `:${location.line}:${location.column}` : ''}: ${path ? `${path}: ` : ''}${problem}`,
    );
  }
}
