/** `nnlens summary`: a torchinfo-like per-layer table (or JSON) of shapes, parameters and MACs. */
import type { ModelAnalysis } from '@nnlens/analysis';
import { formatShape, type Model, type Node } from '@nnlens/ir';
import type { ScopeGroup, ScopeTree } from '@nnlens/layout';
import { formatBytes, renderTable, withCommas } from './table.js';

/** One row of the summary: a node, or a name-scope group rolled up at the chosen depth. */
export interface SummaryRow {
  name: string;
  op: string;
  depth: number;
  outputShapes: string[];
  params: number;
  macs: number;
  nodes: number;
}

/** The `--json` document. */
export interface SummaryJson {
  format: string;
  producer: string;
  nodeCount: number;
  totals: {
    params: number;
    macs: number;
    weightBytes: number;
    activationBytes: number;
    bufferParams: number;
  };
  macsByOp: Record<string, number>;
  unresolvedNodes: string[];
  warnings: string[];
  nodes: { name: string; op: string; scope: string; outputShapes: string[]; params: number; macs: number }[];
}

function outputShapes(node: Node): string[] {
  return node.outputs.filter((v) => v !== null).map((v) => formatShape(v!.shape));
}

/** Rows for the table; groups deeper than `depth` are rolled up into one row (depth Infinity = every node). */
export function summaryRows(
  model: Model,
  analysis: ModelAnalysis,
  tree: ScopeTree,
  depth: number,
): SummaryRow[] {
  const nodes = model.graph.nodes;
  const rows: SummaryRow[] = [];
  const nodeRow = (node: Node, d: number): SummaryRow => {
    const cost = analysis.nodeCosts.get(node);
    return {
      name: node.name,
      op: node.op,
      depth: d,
      outputShapes: outputShapes(node),
      params: cost?.params ?? 0,
      macs: cost?.macs ?? 0,
      nodes: 1,
    };
  };
  // Members in graph order: a group appears where its first node appears.
  const visit = (group: ScopeGroup, d: number): void => {
    const members: { first: number; emit: () => void }[] = group.nodes.map((i) => ({
      first: i,
      emit: () => rows.push(nodeRow(nodes[i]!, d)),
    }));
    for (const child of group.children) {
      const all = collect(child);
      if (all.length === 0) continue;
      members.push({
        first: Math.min(...all),
        emit: () => {
          if (d + 1 > depth) return;
          if (d + 1 === depth) rows.push(groupRow(child, all, d));
          else {
            rows.push({ ...groupRow(child, all, d), op: '', outputShapes: [] });
            visit(child, d + 1);
          }
        },
      });
    }
    members.sort((a, b) => a.first - b.first).forEach((m) => m.emit());
  };
  const groupRow = (group: ScopeGroup, members: number[], d: number): SummaryRow => {
    let params = 0;
    let macs = 0;
    for (const i of members) {
      const c = analysis.nodeCosts.get(nodes[i]!);
      params += c?.params ?? 0;
      macs += c?.macs ?? 0;
    }
    const last = nodes[Math.max(...members)]!;
    return {
      name: group.label,
      op: `(${members.length} nodes)`,
      depth: d,
      outputShapes: outputShapes(last),
      params,
      macs,
      nodes: members.length,
    };
  };
  visit(tree.root, 0);
  return rows;
}

function collect(group: ScopeGroup): number[] {
  const out = [...group.nodes];
  for (const c of group.children) out.push(...collect(c));
  return out;
}

/** The `--json` output. */
export function summaryJson(model: Model, analysis: ModelAnalysis, tree: ScopeTree): SummaryJson {
  const t = analysis.totals;
  return {
    format: model.format,
    producer: [model.producer, model.producerVersion].filter(Boolean).join(' '),
    nodeCount: model.graph.nodes.length,
    totals: {
      params: t.params,
      macs: t.macs,
      weightBytes: t.weightBytes,
      activationBytes: t.activationBytes,
      bufferParams: t.bufferParams,
    },
    macsByOp: analysis.macsByOp,
    unresolvedNodes: analysis.unresolved.map((n) => n.name),
    warnings: [...model.warnings, ...analysis.warnings],
    nodes: model.graph.nodes.map((node) => {
      const cost = analysis.nodeCosts.get(node);
      return {
        name: node.name,
        op: node.op,
        scope: tree.groupOfNode[node.index] ?? '',
        outputShapes: outputShapes(node),
        params: cost?.params ?? 0,
        macs: cost?.macs ?? 0,
      };
    }),
  };
}

/** The human table with totals, like torchinfo. */
export function summaryText(
  model: Model,
  analysis: ModelAnalysis,
  rows: SummaryRow[],
  title: string,
): string {
  const t = analysis.totals;
  const pct = (m: number): string => (t.macs > 0 && m > 0 ? `${((100 * m) / t.macs).toFixed(2)}%` : '--');
  const body = rows
    .filter((r) => r.op !== 'Constant')
    .map((r) => [
      `${'  '.repeat(r.depth)}${r.depth > 0 ? '└─' : ''}${r.name}`,
      r.op,
      r.outputShapes.join(' '),
      r.params ? withCommas(r.params) : '--',
      r.macs ? withCommas(r.macs) : '--',
      pct(r.macs),
    ]);
  const footer = [
    `Stored weight elements (initializers): ${withCommas(t.params)}`,
    `  of which BatchNorm running statistics (buffers in PyTorch): ${withCommas(t.bufferParams)}`,
    `Parameters excluding BN statistics:    ${withCommas(t.params - t.bufferParams)}`,
    `Total MACs: ${withCommas(t.macs)} (${(t.macs / 1e9).toFixed(3)} G)`,
    `Weights size: ${formatBytes(t.weightBytes)}    Activations (all outputs, batch as stored): ${formatBytes(t.activationBytes)}`,
  ];
  if (analysis.unresolved.length)
    footer.push(
      `Nodes with unknown output shapes: ${analysis.unresolved.length} (${analysis.unresolved
        .slice(0, 5)
        .map((n) => n.op)
        .join(', ')}…)`,
    );
  const header = `${title} — ${model.format} ${model.formatVersion}, ${[model.producer, model.producerVersion].filter(Boolean).join(' ')}, ${model.graph.nodes.length} nodes`;
  return (
    header +
    '\n' +
    renderTable(
      [
        { header: 'Layer (name)' },
        { header: 'Op' },
        { header: 'Output shape' },
        { header: 'Params', align: 'right' },
        { header: 'MACs', align: 'right' },
        { header: '% MACs', align: 'right' },
      ],
      body,
      footer,
    )
  );
}
