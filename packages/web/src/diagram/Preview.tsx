/** The figure preview: the SVG as an <img> of a blob URL (never parsed into the page), with pan and zoom. */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useBlobUrl } from './blob-url.js';
import { ZoomControls } from './ZoomControls.js';
import { fitView, wheelFactor, zoomAt, type View } from './zoom.js';

interface Props {
  svg: string;
  /** The figure's id: each new figure is loaded (and reported shown) even when its text repeats. */
  figureId: number;
  /** Changes when the figure must be fitted again even after the user zoomed (new style, source or model). */
  fitKey: string;
  transparent: boolean;
  dimmed: boolean;
  onShown: () => void;
}

/** The zoomable preview. */
export function Preview({ svg, figureId, fitKey, transparent, dimmed, onShown }: Props) {
  const url = useBlobUrl(svg, 'image/svg+xml', figureId);
  const stage = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [view, setView] = useState<View | null>(null);
  // The preview follows the figure (refits on each new figure and on resize) until the user zooms or pans.
  const follow = useRef(true);
  const fitted = useRef('');
  const drag = useRef<{ x: number; y: number; view: View } | null>(null);
  const sizeNow = useRef(size);
  sizeNow.current = size;

  const box = (): { width: number; height: number } => ({
    width: stage.current?.clientWidth ?? 800,
    height: stage.current?.clientHeight ?? 600,
  });
  const fit = (): void => {
    follow.current = true;
    if (size) setView(fitView(size, box()));
  };
  const manual = (change: (v: View) => View): void => {
    follow.current = false;
    setView((v) => (v ? change(v) : v));
  };

  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    // A non-passive listener: the page must not scroll while the figure zooms.
    const onWheel = (e: WheelEvent): void => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      const at = { x: e.clientX - r.left, y: e.clientY - r.top };
      manual((v) => zoomAt(v, wheelFactor(e.deltaY, e.deltaMode), at));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    // The stage changes size when the spec editor opens or the window resizes.
    const resized = new ResizeObserver(() => {
      const s = sizeNow.current;
      if (follow.current && s) setView(fitView(s, box()));
    });
    resized.observe(el);
    return () => {
      el.removeEventListener('wheel', onWheel);
      resized.disconnect();
    };
  }, []);

  const shown = (natural: { width: number; height: number }): void => {
    setSize((s) => (s && s.width === natural.width && s.height === natural.height ? s : natural));
    if (fitted.current !== fitKey) follow.current = true;
    fitted.current = fitKey;
    if (follow.current) setView(fitView(natural, box()));
    onShown();
  };

  const zoomBy = (f: number): void => {
    const b = box();
    manual((v) => zoomAt(v, f, { x: b.width / 2, y: b.height / 2 }));
  };
  const actual = (): void => {
    const b = box();
    manual((v) => zoomAt(v, 1 / v.k, { x: b.width / 2, y: b.height / 2 }));
  };

  const down = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0 || !view) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, view };
  };
  const move = (e: PointerEvent<HTMLDivElement>): void => {
    const d = drag.current;
    if (d) manual(() => ({ ...d.view, x: d.view.x + e.clientX - d.x, y: d.view.y + e.clientY - d.y }));
  };
  const up = (): void => {
    drag.current = null;
  };

  return (
    <div
      ref={stage}
      className={`dg-stage${dimmed ? ' dimmed' : ''}`}
      data-testid="diagram-stage"
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
      onDoubleClick={fit}
    >
      {url && (
        <img
          src={url}
          alt="Diagram preview"
          data-testid="diagram-image"
          className={transparent ? 'dg-figure transparent' : 'dg-figure'}
          draggable={false}
          style={
            view && size
              ? {
                  width: size.width,
                  height: size.height,
                  transform: `translate(${view.x}px, ${view.y}px) scale(${view.k})`,
                }
              : { visibility: 'hidden' }
          }
          onLoad={(e) =>
            shown({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })
          }
        />
      )}
      <ZoomControls
        scale={view?.k ?? 1}
        onZoomIn={() => zoomBy(1.25)}
        onZoomOut={() => zoomBy(0.8)}
        onFit={fit}
        onActual={actual}
      />
    </div>
  );
}
