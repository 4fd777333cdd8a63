/** The graph area: breadcrumb and actions above, the canvas with zoom controls, legend and search. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { modelStore } from '../app/model-context.js';
import type { GraphCanvas } from '../canvas/graph-canvas.js';
import { buildScene } from '../canvas/scene.js';
import { download, stem } from '../export/download.js';
import { sceneToPng } from '../export/png.js';
import { sceneToSvg } from '../export/svg.js';
import type { GraphView } from '../shared/view-model.js';
import { Breadcrumb } from './Breadcrumb.js';
import { GraphCanvasView } from './GraphCanvasView.js';
import { icons } from './icons.js';
import { Legend } from './Legend.js';
import { SearchBox } from './SearchBox.js';
import type { ModelState } from './store.js';

function ToolButton({
  label,
  icon,
  onClick,
  testId,
}: {
  label: string;
  icon: React.ReactNode;
  onClick: () => void;
  testId?: string;
}) {
  return (
    <button className="tool-btn" title={label} aria-label={label} onClick={onClick} data-testid={testId}>
      {icon}
    </button>
  );
}

/** The graph of the current view. */
export function GraphPane({ state, graph }: { state: ModelState; graph: GraphView }) {
  const [searching, setSearching] = useState(false);
  const canvas = useRef<GraphCanvas | null>(null);
  const onReady = useCallback((c: GraphCanvas | null) => (canvas.current = c), []);
  const scene = useMemo(() => buildScene(graph, graph.layout), [graph]);
  const fileName = state.model?.info.fileName ?? 'graph';
  const suffix = graph.path ? `-${graph.trail[graph.trail.length - 1]!.label.replace(/[^\w.-]+/g, '_')}` : '';

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
      if ((e.key === 'f' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        setSearching(true);
      } else if (e.key === 'Escape' && !typing) modelStore.select(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const exportSvg = (): void =>
    download(sceneToSvg(scene, fileName), `${stem(fileName)}${suffix}.svg`, 'image/svg+xml');
  const exportPng = (): void => {
    sceneToPng(scene).then(
      (blob) => download(blob, `${stem(fileName)}${suffix}.png`),
      (e: Error) => alert(`PNG export failed: ${e.message}`),
    );
  };
  const hasGroups = graph.groups.length > 1;

  return (
    <section className="graph-pane">
      <div className="graph-header">
        <Breadcrumb graph={graph} />
        <div className="graph-actions">
          <button className="btn ghost" onClick={() => setSearching(true)} data-testid="search-button">
            {icons.search}
            <span>Search</span>
            <kbd>/</kbd>
          </button>
          {hasGroups && (
            <>
              <button
                className="btn ghost"
                onClick={() => void modelStore.expandAll()}
                data-testid="expand-all"
              >
                {icons.expand}
                <span>Expand all</span>
              </button>
              <button
                className="btn ghost"
                onClick={() => void modelStore.collapseAll()}
                data-testid="collapse-all"
              >
                {icons.collapse}
                <span>Collapse all</span>
              </button>
            </>
          )}
          <span className="divider" />
          <button className="btn ghost" onClick={exportSvg} data-testid="export-svg">
            {icons.download}
            <span>SVG</span>
          </button>
          <button className="btn ghost" onClick={exportPng} data-testid="export-png">
            {icons.download}
            <span>PNG</span>
          </button>
        </div>
      </div>
      <div className="graph-stage">
        <GraphCanvasView state={state} scene={scene} onReady={onReady} />
        {searching && (
          <SearchBox
            graph={graph}
            onPick={(n) => {
              setSearching(false);
              void modelStore.revealNode(n);
            }}
            onClose={() => setSearching(false)}
          />
        )}
        <div className="zoom-controls">
          <ToolButton label="Zoom in" icon={icons.zoomIn} onClick={() => canvas.current?.zoomBy(1.5)} />
          <ToolButton label="Zoom out" icon={icons.zoomOut} onClick={() => canvas.current?.zoomBy(1 / 1.5)} />
          <ToolButton
            label="Fit to screen"
            icon={icons.fit}
            onClick={() => canvas.current?.fit()}
            testId="fit"
          />
        </div>
        <Legend graph={graph} />
        {state.status.kind === 'loading' && <div className="busy-pill">{state.status.step}</div>}
      </div>
    </section>
  );
}
