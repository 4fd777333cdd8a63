/** The app shell: top bar with pages and Open, drag-and-drop anywhere, the current page. */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { ErrorBoundary } from './ErrorBoundary.js';
import { modelStore } from './model-context.js';
import { pageFor } from './pages.js';
import { usePathname } from './router.js';
import { TopBar } from './TopBar.js';

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer.types).includes('Files');
}

/** The whole app. */
export function App() {
  const page = pageFor(usePathname());
  const Page = page.component;
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  useEffect(() => {
    // Dropping a file outside a drop target would make the browser navigate away from the app.
    const stop = (e: globalThis.DragEvent): void => e.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  return (
    <div
      className="app"
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        depth.current++;
        setDragging(true);
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        depth.current = 0;
        setDragging(false);
        const files = Array.from(e.dataTransfer.files);
        if (files.length) void modelStore.openFiles(files);
      }}
    >
      <TopBar current={page.id} />
      <main className="page">
        <ErrorBoundary>
          <Page />
        </ErrorBoundary>
      </main>
      {dragging && (
        <div className="drop-overlay">
          <div className="drop-card">
            <strong>Drop to open</strong>
            <span>A model file, plus its external-data files if it has any</span>
          </div>
        </div>
      )}
    </div>
  );
}
