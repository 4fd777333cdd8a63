/** Side panel with nothing selected: model facts, totals, top ops by MACs, warnings. */
import type { GraphView, ModelView, ValueView } from '../shared/view-model.js';
import { formatBytes, formatCount, withCommas } from './format.js';

const PARAMS_TIP =
  'Stored weight elements count every initializer, including BatchNorm running mean and variance. ' +
  'PyTorch counts those as buffers, not parameters. Exporters often fold BatchNorm into the preceding ' +
  'convolution, so a file can also hold fewer elements than the PyTorch model has parameters.';

function ioRow(v: ValueView) {
  return (
    <li key={v.name} className="io-row">
      <span className="mono">{v.name}</span>
      <span className="mono muted">
        {v.dtype === 'unknown' ? '' : v.dtype}[{v.shape || '?'}]
      </span>
    </li>
  );
}

/** Model-level summary. */
export function ModelPanel({ model, graph }: { model: ModelView; graph: GraphView }) {
  const { info, totals } = model;
  const topOps = totals.macsByOp.slice(0, 8);
  const maxMacs = topOps[0]?.[1] ?? 1;
  return (
    <div className="panel-body" data-testid="model-panel">
      <header className="panel-header">
        <h2 className="file-title">{info.fileName}</h2>
        <p className="muted">
          {[info.format.toUpperCase(), info.formatVersion, formatBytes(info.fileBytes)]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </header>
      {graph.path !== '' && (
        <section className="panel-section">
          <h3>Subgraph</h3>
          <p className="subgraph-note">
            Showing <strong className="mono">{graph.trail[graph.trail.length - 1]!.label}</strong>:{' '}
            {graph.nodes.length} nodes. Totals below are for the whole model.
          </p>
        </section>
      )}
      <section className="panel-section">
        <h3>Totals</h3>
        <div className="totals">
          <div className="total" title={PARAMS_TIP}>
            <span className="total-value">{formatCount(totals.params)}</span>
            <span className="total-label">
              stored weight elements (initializers) <span className="info-dot">i</span>
            </span>
          </div>
          <div className="total" title={PARAMS_TIP}>
            <span className="total-value">{formatCount(totals.paramsExcludingBuffers)}</span>
            <span className="total-label">
              excluding BatchNorm running statistics <span className="info-dot">i</span>
            </span>
          </div>
          <div className="total">
            <span className="total-value">{formatCount(totals.macs)}</span>
            <span className="total-label">MACs</span>
          </div>
          <div className="total">
            <span className="total-value">{formatBytes(totals.weightBytes)}</span>
            <span className="total-label">weights</span>
          </div>
          <div className="total">
            <span className="total-value">{formatBytes(totals.activationBytes)}</span>
            <span className="total-label">activation memory</span>
          </div>
          <div className="total">
            <span className="total-value">{withCommas(info.nodeCount)}</span>
            <span className="total-label">
              nodes
              {info.nodeCountWithSubgraphs > info.nodeCount
                ? ` (${withCommas(info.nodeCountWithSubgraphs)} with subgraphs)`
                : ''}
            </span>
          </div>
        </div>
        {totals.unresolved > 0 && (
          <p className="note">
            Shapes of {totals.unresolved} node{totals.unresolved === 1 ? '' : 's'} could not be inferred;
            their costs are not counted.
          </p>
        )}
      </section>
      {topOps.length > 0 && (
        <section className="panel-section">
          <h3>MACs by op</h3>
          <ul className="bar-list">
            {topOps.map(([op, macs]) => (
              <li key={op}>
                <span className="bar-label">{op}</span>
                <span className="bar-track">
                  <span className="bar" style={{ width: `${(100 * macs) / maxMacs}%` }} />
                </span>
                <span className="bar-value">{formatCount(macs)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel-section">
        <h3>Inputs</h3>
        <ul className="io-list">
          {graph.inputs.map((i) => ioRow(graph.values[i]!))}
          {graph.inputs.length === 0 && (
            <li className="muted">none{graph.path ? ' (reads values of the enclosing graph)' : ''}</li>
          )}
        </ul>
        <h3>Outputs</h3>
        <ul className="io-list">{graph.outputs.map((i) => ioRow(graph.values[i]!))}</ul>
      </section>
      <section className="panel-section">
        <h3>Model</h3>
        <dl className="kv">
          {info.producer && (
            <>
              <dt>Producer</dt>
              <dd>
                {info.producer} {info.producerVersion}
              </dd>
            </>
          )}
          {info.formatVersion && (
            <>
              <dt>Format</dt>
              <dd>{info.formatVersion}</dd>
            </>
          )}
          {info.opsets.length > 0 && (
            <>
              <dt>Opsets</dt>
              <dd>{info.opsets.map((o) => `${o.domain} v${o.version}`).join(', ')}</dd>
            </>
          )}
          {info.domain && (
            <>
              <dt>Domain</dt>
              <dd>{info.domain}</dd>
            </>
          )}
          {info.modelVersion > 0 && (
            <>
              <dt>Version</dt>
              <dd>{info.modelVersion}</dd>
            </>
          )}
          <dt>Graph</dt>
          <dd className="mono">{graph.name || '—'}</dd>
          {info.externalFiles.length > 0 && (
            <>
              <dt>External data</dt>
              <dd className="mono">{info.externalFiles.join(', ')}</dd>
            </>
          )}
          {info.metadata.map(([k, v]) => (
            <div key={k} className="kv-row">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        {info.docString && <p className="doc">{info.docString}</p>}
      </section>
      {info.warnings.length > 0 && (
        <section className="panel-section">
          <h3>Warnings ({info.warnings.length})</h3>
          <ul className="warnings">
            {info.warnings.slice(0, 50).map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
