/** Zoom buttons of the preview, in the same floating style as the model viewer's. */

interface Props {
  scale: number;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFit: () => void;
  onActual: () => void;
}

/** Zoom in / out, fit, 100 % and the current scale. */
export function ZoomControls({ scale, onZoomIn, onZoomOut, onFit, onActual }: Props) {
  return (
    <div className="dg-zoom" onPointerDown={(e) => e.stopPropagation()}>
      <button className="tool-btn" title="Zoom out" aria-label="Zoom out" onClick={onZoomOut}>
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M3 8h10" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      <button
        className="dg-zoom-label"
        title="Actual size (100 %)"
        data-testid="diagram-zoom"
        onClick={onActual}
      >
        {Math.round(scale * 100)}%
      </button>
      <button className="tool-btn" title="Zoom in" aria-label="Zoom in" onClick={onZoomIn}>
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M3 8h10M8 3v10" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      <button className="tool-btn" title="Fit to window (double-click)" aria-label="Fit" onClick={onFit}>
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <path
            d="M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
          />
        </svg>
      </button>
    </div>
  );
}
