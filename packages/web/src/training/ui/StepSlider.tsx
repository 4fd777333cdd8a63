/** A slider over the sampled steps of a card (latest by default), with the chosen step and its time. */
import { formatDateTime, formatStep } from '../lib/format.js';

/** The slider row; hidden when there is a single step. */
export function StepSlider({
  steps,
  walls,
  index,
  onChange,
}: {
  steps: number[];
  walls: number[];
  index: number;
  onChange: (i: number) => void;
}) {
  return (
    <div className="step-row">
      <span className="step-label" title={formatDateTime(walls[index] ?? 0)}>
        Step <strong>{formatStep(steps[index] ?? 0)}</strong>
      </span>
      {steps.length > 1 && (
        <input
          className="slider"
          type="range"
          min={0}
          max={steps.length - 1}
          value={index}
          aria-label="Step"
          onChange={(e) => onChange(Number(e.target.value))}
        />
      )}
      <span className="muted small">
        {index + 1}/{steps.length}
      </span>
    </div>
  );
}
