/** Diagrams in the worker: draws the open model or a spec text with @nnlens/diagrams, loaded on first use. */
import type { Model } from '@nnlens/ir';
import type { DiagramDrawOptions, DiagramProblem, DiagramReply } from '../shared/diagram-protocol.js';
import type { ModelAnalysis } from './engine.js';

type Lib = typeof import('@nnlens/diagrams');
let lib: Promise<Lib> | null = null;
// A separate chunk: opening a model in the viewer never waits for the drawing code.
const load = (): Promise<Lib> => (lib ??= import('@nnlens/diagrams'));

const now = (): number => performance.now();

/** A thrown value as a problem the page can point at (spec line and field, or the option). */
export function toProblem(e: unknown, l: Lib): DiagramProblem {
  if (e instanceof l.SpecError) {
    const p: DiagramProblem = { kind: 'spec', message: e.message, field: e.path };
    if (e.location) Object.assign(p, { line: e.location.line, column: e.location.column });
    return p;
  }
  if (e instanceof l.DiagramOptionError) return { kind: 'option', message: e.message, option: e.option };
  return { kind: 'internal', message: e instanceof Error ? e.message : String(e) };
}

async function run(draw: (l: Lib) => { output: string; warnings: string[] }): Promise<DiagramReply> {
  const l = await load();
  const t0 = now();
  try {
    const { output, warnings } = draw(l);
    return { output, warnings, problem: null, ms: now() - t0 };
  } catch (e) {
    return { output: null, warnings: [], problem: toProblem(e, l), ms: now() - t0 };
  }
}

/** Draws the open model (null when none is open). */
export function drawModelDiagram(
  source: { model: Model; analysis: ModelAnalysis } | null,
  options: DiagramDrawOptions,
): Promise<DiagramReply> {
  if (!source) {
    const problem: DiagramProblem = { kind: 'model', message: 'no model is open' };
    return Promise.resolve({ output: null, warnings: [], problem, ms: 0 });
  }
  return run((l) =>
    l.drawDiagramReport(source.model, source.analysis, options as Parameters<Lib['drawDiagramReport']>[2]),
  );
}

/** Draws a JSON or YAML spec; `file`'s extension picks the parser and names it in errors. */
export function drawSpecDiagram(
  text: string,
  file: string,
  options: DiagramDrawOptions,
): Promise<DiagramReply> {
  return run((l) => l.drawSpec(text, file, options as Parameters<Lib['drawSpec']>[2]));
}
