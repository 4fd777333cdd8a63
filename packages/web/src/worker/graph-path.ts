/** Graph paths name a subgraph from the main graph: `''`, `3.body`, `3.body/1.then_branch`, `7.branches.0`. */
import type { Graph, Model, Node } from '@nnlens/ir';

/** One step into a subgraph: owning node index, attribute name, and list index for `graphs` attributes. */
interface Step {
  node: number;
  attribute: string;
  item: number | null;
}

function parse(path: string): Step[] {
  if (path === '') return [];
  return path.split('/').map((seg) => {
    const m = /^(\d+)\.([^.]+)(?:\.(\d+))?$/.exec(seg);
    if (!m) throw new Error(`bad graph path segment '${seg}' in '${path}'`);
    return { node: Number(m[1]), attribute: m[2]!, item: m[3] === undefined ? null : Number(m[3]) };
  });
}

/** The graph a path names. Throws with the offending segment when it does not exist. */
export function resolveGraph(model: Model, path: string): Graph {
  let g = model.graph;
  for (const step of parse(path)) {
    const node = g.nodes[step.node];
    const attr = node?.attributes.find((a) => a.name === step.attribute);
    let next: Graph | undefined;
    if (attr?.kind === 'graph' && step.item === null) next = attr.value;
    else if (attr?.kind === 'graphs' && step.item !== null) next = attr.value[step.item];
    if (!next) throw new Error(`no subgraph '${step.attribute}' on node ${step.node} of graph '${g.name}'`);
    g = next;
  }
  return g;
}

/** Paths and labels of the subgraphs a node holds. */
export function subgraphPaths(
  parentPath: string,
  node: Node,
): { attribute: string; path: string; label: string; graph: Graph }[] {
  const prefix = parentPath === '' ? '' : `${parentPath}/`;
  const out: { attribute: string; path: string; label: string; graph: Graph }[] = [];
  const who = node.name || `${node.op}_${node.index}`;
  for (const a of node.attributes) {
    if (a.kind === 'graph') {
      out.push({
        attribute: a.name,
        path: `${prefix}${node.index}.${a.name}`,
        label: `${who}.${a.name}`,
        graph: a.value,
      });
    } else if (a.kind === 'graphs') {
      a.value.forEach((g, i) =>
        out.push({
          attribute: a.name,
          path: `${prefix}${node.index}.${a.name}.${i}`,
          label: `${who}.${a.name}[${i}]`,
          graph: g,
        }),
      );
    }
  }
  return out;
}

/** Breadcrumb trail from the main graph to `path`. */
export function graphTrail(model: Model, path: string): { label: string; path: string }[] {
  const trail = [{ label: 'main', path: '' }];
  const steps = path === '' ? [] : path.split('/');
  let g = model.graph;
  let sofar = '';
  for (const seg of steps) {
    const node = g.nodes[Number(seg.split('.')[0])];
    if (!node) break;
    const link = subgraphPaths(sofar, node).find((l) => l.path === (sofar ? `${sofar}/${seg}` : seg));
    if (!link) break;
    trail.push({ label: link.label, path: link.path });
    sofar = link.path;
    g = link.graph;
  }
  return trail;
}
