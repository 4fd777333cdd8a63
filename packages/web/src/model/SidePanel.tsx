/** The right-hand panel: the selected node or value, else the model summary. */
import { modelStore } from '../app/model-context.js';
import type { GraphView, ModelView } from '../shared/view-model.js';
import { icons } from './icons.js';
import { ModelPanel } from './ModelPanel.js';
import { NodePanel, ValuePanel } from './NodePanel.js';
import type { Selection } from './store.js';

/** Picks the panel for the selection. */
export function SidePanel({
  model,
  graph,
  selection,
}: {
  model: ModelView;
  graph: GraphView;
  selection: Selection;
}) {
  let body;
  if (selection?.kind === 'node' && graph.nodes[selection.index]) {
    body = (
      <NodePanel
        key={`n${selection.index}`}
        graph={graph}
        node={graph.nodes[selection.index]!}
        model={model}
      />
    );
  } else if (selection?.kind === 'value' && graph.values[selection.index]) {
    body = <ValuePanel key={`v${selection.index}`} graph={graph} value={graph.values[selection.index]!} />;
  } else body = <ModelPanel model={model} graph={graph} />;
  return (
    <aside className="side-panel" data-testid="side-panel">
      {selection && (
        <button
          className="panel-close"
          aria-label="Close and show the model summary"
          onClick={() => modelStore.select(null)}
        >
          {icons.close}
        </button>
      )}
      {body}
    </aside>
  );
}
