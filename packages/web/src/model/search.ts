/** Finds nodes by name, op type or output shape; every word of the query must match somewhere. */
import type { GraphView } from '../shared/view-model.js';

/** One result. */
export interface SearchHit {
  node: number;
  /** What matched best, for the result row. */
  field: 'name' | 'op' | 'shape';
  score: number;
}

// `64x56x56`, `1,64,56,56` and `64 × 56` all mean the same shape text.
const SHAPE_QUERY = /^\d+(\s*[x×,*]\s*\d+)+$/i;

function normShape(s: string): string {
  return s.replace(/\s+/g, '').replace(/[x,*]/gi, '×');
}

/** Up to `limit` nodes matching `query`, best first (exact op, then name prefix, then substring). */
export function searchNodes(graph: GraphView, query: string, limit = 200): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const shapeQuery = SHAPE_QUERY.test(q) ? normShape(q) : null;
  const words = shapeQuery ? [] : q.split(/\s+/);
  const hits: SearchHit[] = [];
  for (const n of graph.nodes) {
    if (n.hidden) continue;
    const shapes = n.outputs.filter((o) => o >= 0).map((o) => graph.values[o]!.shape);
    if (shapeQuery) {
      const exact = shapes.some((s) => s === shapeQuery);
      if (exact || shapes.some((s) => s.includes(shapeQuery)))
        hits.push({ node: n.index, field: 'shape', score: exact ? 3 : 1 });
      continue;
    }
    const name = n.name.toLowerCase();
    const op = n.op.toLowerCase();
    const shapeText = shapes.join(' ').toLowerCase();
    let score = 0;
    let field: SearchHit['field'] = 'name';
    let all = true;
    for (const w of words) {
      if (op === w) {
        score += 4;
        field = 'op';
      } else if (name === w || name.endsWith(`/${w}`)) score += 4;
      else if (name.startsWith(w)) score += 3;
      else if (name.includes(w)) score += 2;
      else if (op.includes(w)) {
        score += 1;
        field = 'op';
      } else if (shapeText.includes(w)) {
        score += 1;
        field = 'shape';
      } else {
        all = false;
        break;
      }
    }
    if (all) hits.push({ node: n.index, field, score });
  }
  hits.sort((a, b) => b.score - a.score || a.node - b.node);
  return hits.slice(0, limit);
}
