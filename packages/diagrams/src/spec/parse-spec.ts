/** Reads a spec file's text (JSON or YAML) into plain data plus a way to find any field's line and column. */
import { LineCounter, parseDocument, isNode } from 'yaml';
import { jsonErrorOffset } from './json-position.js';
import { SpecError, type SpecLocation } from './spec-error.js';

/** Parsed spec data and the locator of its fields. */
export interface ParsedSpec {
  file: string;
  data: unknown;
  /** Line and column of the value at a path of keys and indices (nearest existing ancestor). */
  locate(path: (string | number)[]): SpecLocation | undefined;
}

function lineCol(text: string, offset: number): SpecLocation {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Parses `text`. JSON files get JSON's own syntax errors (with the position turned into a
 * line and column); YAML files get YAML's. Nothing is ever evaluated.
 */
export function parseSpecText(text: string, file = 'spec'): ParsedSpec {
  const isJson = /\.json$/i.test(file) || /^\s*[{[]/.test(text);
  if (isJson) {
    try {
      JSON.parse(text);
    } catch (e) {
      // V8 quotes the text instead of a position for some errors: find the position ourselves.
      const msg = (e instanceof Error ? e.message : String(e))
        .replace(/ in JSON at position \d+.*$/s, '')
        .replace(/, ".*" is not valid JSON$/s, '');
      const at = jsonErrorOffset(text);
      throw new SpecError(file, '', `invalid JSON: ${msg}`, at >= 0 ? lineCol(text, at) : undefined);
    }
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    const at = lc.linePos(err.pos[0]);
    throw new SpecError(file, '', `invalid YAML: ${err.message.split('\n')[0]}`, {
      line: at.line,
      column: at.col,
    });
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  return {
    file,
    data,
    locate(path) {
      for (let k = path.length; k >= 0; k--) {
        const node = doc.getIn(path.slice(0, k), true);
        if (isNode(node) && node.range) {
          const at = lc.linePos(node.range[0]);
          return { line: at.line, column: at.col };
        }
      }
      return undefined;
    },
  };
}
