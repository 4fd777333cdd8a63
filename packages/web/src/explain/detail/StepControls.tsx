/** Play/pause, step and scrub controls of an animated detail view. */
import type { Stepper } from './stepper.js';

/** The controls. */
export function StepControls({ s, count, label }: { s: Stepper; count: number; label: string }) {
  return (
    <div className="ex-steps">
      <button className="btn" onClick={() => s.step(-1)} aria-label="previous step">
        ‹
      </button>
      <button
        className="btn primary"
        onClick={s.toggle}
        data-testid="play-toggle"
        aria-label={s.playing ? 'pause' : 'play'}
      >
        {s.playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button className="btn" onClick={() => s.step(1)} aria-label="next step">
        ›
      </button>
      <input
        type="range"
        min={0}
        max={Math.max(0, count - 1)}
        value={s.pos}
        onChange={(e) => s.setPos(Number(e.target.value))}
        aria-label="position"
      />
      <span className="muted small" data-testid="step-label" data-step={s.pos}>
        {label}
      </span>
    </div>
  );
}
