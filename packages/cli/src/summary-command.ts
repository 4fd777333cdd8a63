/** Wires `nnlens summary FILE` to the loader, the analyzer and the table/JSON printers. */
import { basename } from 'node:path';
import { analyze } from '@nnlens/analysis';
import { buildScopeTree } from '@nnlens/layout';
import { loadModelAsync } from './load-model.js';
import { summaryJson, summaryRows, summaryText } from './summary.js';

/** Parses `--input-shape` entries: `name=1,3,224,224` sets an input, `sym=8` sets a symbolic dim. */
export function parseShapeOverrides(entries: string[] = []): {
  inputShapes: Record<string, (number | string)[]>;
  symbols: Record<string, number>;
} {
  const inputShapes: Record<string, (number | string)[]> = {};
  const symbols: Record<string, number> = {};
  for (const entry of entries) {
    const m = /^([^=]+)=(.+)$/.exec(entry);
    if (!m) throw new Error(`--input-shape '${entry}': expected name=dims`);
    const dims = m[2]!.split(',').map((d) => (/^\d+$/.test(d) ? Number(d) : d));
    if (dims.length === 1 && typeof dims[0] === 'number') symbols[m[1]!] = dims[0];
    inputShapes[m[1]!] = dims;
  }
  return { inputShapes, symbols };
}

/** Runs the command; resolves to the process exit code. */
export async function runSummary(
  file: string,
  opts: { depth?: number; json?: boolean; inputShape?: string[] },
): Promise<number> {
  const loaded = await loadModelAsync(file);
  const analysis = analyze(loaded.model, parseShapeOverrides(opts.inputShape));
  const tree = buildScopeTree(loaded.model.graph);
  if (opts.json) {
    const doc = summaryJson(loaded.model, analysis, tree);
    process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
  } else {
    const rows = summaryRows(loaded.model, analysis, tree, opts.depth ?? Infinity);
    process.stdout.write(summaryText(loaded.model, analysis, rows, basename(file)) + '\n');
    for (const w of [...loaded.warnings, ...analysis.warnings]) process.stderr.write(`warning: ${w}\n`);
  }
  return 0;
}
