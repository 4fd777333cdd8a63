/** Side panel for a selected node: op, name, attributes, inputs/outputs with jumps, weights, cost. */
import { modelStore } from '../app/model-context.js';
import { CATEGORY_COLORS } from '../canvas/palette.js';
import type { GraphView, ModelView, NodeView, ValueView } from '../shared/view-model.js';
import { formatBytes, formatCount, percent, withCommas } from './format.js';
import { WeightCard } from './WeightCard.js';

function typeText(v: ValueView): string {
  const dt = v.dtype === 'unknown' ? '' : v.dtype;
  return v.shape ? `${dt}[${v.shape}]` : dt || 'unknown type';
}

function NodeLink({ graph, index }: { graph: GraphView; index: number }) {
  const n = graph.nodes[index]!;
  return (
    <button className="link node-link" onClick={() => void modelStore.revealNode(index)} title={n.name}>
      {n.op}
      <span className="muted mono"> {n.name || `#${index}`}</span>
    </button>
  );
}

function ValueRow({ graph, v, dir }: { graph: GraphView; v: ValueView; dir: 'in' | 'out' }) {
  const links = dir === 'in' ? (v.producer >= 0 ? [v.producer] : []) : v.consumers;
  return (
    <li className="value-row">
      <div className="value-line">
        <span className="mono value-name" title={v.name}>
          {v.name}
        </span>
        <span className="mono value-type">{typeText(v)}</span>
      </div>
      {links.length > 0 && (
        <div className="value-links">
          <span className="muted">{dir === 'in' ? 'from' : 'to'}</span>
          {links.slice(0, 8).map((i) => (
            <NodeLink key={i} graph={graph} index={i} />
          ))}
          {links.length > 8 && <span className="muted">+{links.length - 8} more</span>}
        </div>
      )}
      {dir === 'in' && links.length === 0 && (
        <div className="value-links muted">{v.graphInput ? 'graph input' : 'from the enclosing graph'}</div>
      )}
      {dir === 'out' && v.graphOutput && <div className="value-links muted">graph output</div>}
    </li>
  );
}

function CostSection({ node, model }: { node: NodeView; model: ModelView }) {
  const c = node.cost;
  if (!c) return null;
  const t = model.totals;
  return (
    <section className="panel-section">
      <h3>Cost</h3>
      <dl className="kv">
        <dt>Parameters</dt>
        <dd>
          {withCommas(c.params)} <span className="muted">{percent(c.params, t.params)}</span>
          {c.sharedParams > 0 && (
            <div className="muted small">{withCommas(c.sharedParams)} shared with other nodes</div>
          )}
        </dd>
        <dt>MACs</dt>
        <dd>
          {formatCount(c.macs)} <span className="muted">{percent(c.macs, t.macs)}</span>
        </dd>
        <dt>Weights</dt>
        <dd>{formatBytes(c.weightBytes)}</dd>
        <dt>Output memory</dt>
        <dd>{formatBytes(c.activationBytes)}</dd>
      </dl>
    </section>
  );
}

/** Everything about one node. */
export function NodePanel({ graph, node, model }: { graph: GraphView; node: NodeView; model: ModelView }) {
  const colors = CATEGORY_COLORS[node.category];
  const inputs = node.inputs.map((i) => (i >= 0 ? graph.values[i]! : null));
  const data = inputs.filter((v): v is ValueView => !!v && !v.init);
  const weights = inputs.filter((v): v is ValueView => !!v && !!v.init);
  const outputs = node.outputs.filter((i) => i >= 0).map((i) => graph.values[i]!);
  return (
    <div className="panel-body" data-testid="node-panel">
      <header className="panel-header">
        <div className="op-title">
          <span className="swatch large" style={{ background: colors.solid }} />
          <h2 data-testid="node-op">{node.op}</h2>
          {node.domain && <span className="badge">{node.domain}</span>}
        </div>
        <p className="mono node-name" title={node.name}>
          {node.name || <span className="muted">unnamed node #{node.index}</span>}
        </p>
        {node.summary && <p className="muted">{node.summary}</p>}
      </header>
      {node.subgraphs.length > 0 && (
        <section className="panel-section">
          <h3>Subgraphs</h3>
          <ul className="subgraph-list">
            {node.subgraphs.map((s) => (
              <li key={s.path}>
                <button className="btn small" onClick={() => void modelStore.openGraph(s.path)}>
                  Open {s.attribute}
                </button>
                <span className="muted">
                  {s.label} · {s.nodeCount} nodes
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {node.attributes.length > 0 && (
        <section className="panel-section">
          <h3>Attributes</h3>
          <dl className="kv attrs">
            {node.attributes.map((a) => (
              <div key={a.name} className="kv-row">
                <dt>{a.name}</dt>
                <dd className="mono">{a.text}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section className="panel-section">
        <h3>Inputs</h3>
        <ul className="value-list">
          {data.map((v) => (
            <ValueRow key={v.name} graph={graph} v={v} dir="in" />
          ))}
          {data.length === 0 && <li className="muted">none</li>}
        </ul>
      </section>
      <section className="panel-section" data-testid="node-outputs">
        <h3>Outputs</h3>
        <ul className="value-list">
          {outputs.map((v) => (
            <ValueRow key={v.name} graph={graph} v={v} dir="out" />
          ))}
        </ul>
      </section>
      {weights.length > 0 && (
        <section className="panel-section">
          <h3>Weights</h3>
          {weights.map((v) => (
            <WeightCard key={v.name} name={v.name} init={v.init!} />
          ))}
        </section>
      )}
      <CostSection node={node} model={model} />
    </div>
  );
}

/** A graph input or output. */
export function ValuePanel({ graph, value }: { graph: GraphView; value: ValueView }) {
  return (
    <div className="panel-body" data-testid="value-panel">
      <header className="panel-header">
        <div className="op-title">
          <span className="swatch large" style={{ background: CATEGORY_COLORS.io.solid }} />
          <h2>{value.graphInput ? 'Input' : 'Output'}</h2>
        </div>
        <p className="mono node-name">{value.name}</p>
      </header>
      <section className="panel-section">
        <dl className="kv">
          <dt>Type</dt>
          <dd className="mono">{typeText(value)}</dd>
        </dl>
      </section>
      <section className="panel-section">
        <h3>{value.graphInput ? 'Consumers' : 'Producer'}</h3>
        <ul className="value-list">
          <ValueRow graph={graph} v={value} dir={value.graphInput ? 'out' : 'in'} />
        </ul>
      </section>
    </div>
  );
}
