/** Structural checks of a model: every input defined before use, SSA outputs, consistent links, no cycles. */
import { lookupValue, subgraphsOf } from './builder.js';
import type { Graph, Model } from './model.js';

/** One problem found by `validate`. */
export interface ValidationIssue {
  /** Graph path, e.g. `main` or `main/loop_node.body`. */
  graph: string;
  node?: string;
  message: string;
}

function validateGraph(graph: Graph, path: string, issues: ValidationIssue[]): void {
  const defined = new Set<string>();
  for (const v of graph.inputs) defined.add(v.name);
  for (const name of graph.initializers.keys()) defined.add(name);
  const isOuter = (name: string): boolean =>
    graph.owner !== undefined && lookupValue(graph.owner.node.graph, name) !== undefined;

  graph.nodes.forEach((node, i) => {
    const label = node.name || `#${i}`;
    if (node.index !== i)
      issues.push({ graph: path, node: label, message: `index ${node.index} ≠ position ${i}` });
    if (node.graph !== graph)
      issues.push({ graph: path, node: label, message: 'node.graph points elsewhere' });
    for (const input of node.inputs) {
      if (!input) continue;
      if (!defined.has(input.name) && !isOuter(input.name)) {
        const later = graph.values.get(input.name)?.producer;
        issues.push({
          graph: path,
          node: label,
          message: later
            ? `input '${input.name}' is used before its producer '${later.name}' (cycle or unsorted graph)`
            : `input '${input.name}' is not defined`,
        });
      }
      if (!input.consumers.includes(node)) {
        issues.push({
          graph: path,
          node: label,
          message: `value '${input.name}' does not list it as consumer`,
        });
      }
    }
    for (const output of node.outputs) {
      if (!output) continue;
      if (defined.has(output.name)) {
        issues.push({ graph: path, node: label, message: `output '${output.name}' is assigned twice` });
      }
      if (output.producer !== node) {
        issues.push({ graph: path, node: label, message: `value '${output.name}' has another producer` });
      }
      defined.add(output.name);
    }
    for (const sub of subgraphsOf(node)) {
      if (sub.owner?.node !== node) {
        issues.push({ graph: path, node: label, message: `subgraph '${sub.name}' has a wrong owner` });
      }
      validateGraph(sub, `${path}/${label}.${sub.owner?.attribute ?? '?'}`, issues);
    }
  });
  for (const out of graph.outputs) {
    if (!defined.has(out.name) && !isOuter(out.name)) {
      issues.push({ graph: path, message: `graph output '${out.name}' is never produced` });
    }
  }
}

/** Checks the model's graphs; returns every problem found (empty when valid). */
export function validate(model: Model): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  validateGraph(model.graph, model.graph.name || 'main', issues);
  for (const fn of model.functions) validateGraph(fn.body, `function ${fn.domain}:${fn.name}`, issues);
  return issues;
}
