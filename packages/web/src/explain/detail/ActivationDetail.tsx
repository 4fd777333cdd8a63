/** Element-wise activations (ReLU, Clip, Sigmoid, …) cell by cell: the input value and what the function makes of it. */
import { absMax } from '@nnlens/runtime/pure';
import { fmt } from '../draw.js';
import type { LayerMeta, RunResult } from '../protocol.js';
import { MapZoom } from './MapZoom.js';
import { StepControls } from './StepControls.js';
import { useStepper } from './stepper.js';

const FORMULA: Record<string, (x: string) => string> = {
  Relu: (x) => `max(0, ${x})`,
  Clip: (x) => `clip(${x})`,
  Sigmoid: (x) => `1 / (1 + e^−${x})`,
  Tanh: (x) => `tanh(${x})`,
  LeakyRelu: (x) => `leaky_relu(${x})`,
  HardSigmoid: (x) => `hard_sigmoid(${x})`,
  HardSwish: (x) => `hard_swish(${x})`,
};

/** The activation view (also used for any element-wise layer with one 4-D input). */
export function ActivationDetail({
  run,
  layer,
  channel,
}: {
  run: RunResult;
  layer: LayerMeta;
  channel: number;
}) {
  const input = run.layers.find((l) => l.value === layer.inputs[0]);
  const [, h, w] = layer.shape.slice(1) as [number, number, number];
  const s = useStepper(h * w, 120);
  if (!input || input.shape.join() !== layer.shape.join()) return null;
  const x = run.taps[input.value]!;
  const y = run.taps[layer.value]!;
  const [i, j] = [Math.floor(s.pos / w), s.pos % w];
  const at = channel * h * w + i * w + j;
  const range = absMax(x, channel * h * w, (channel + 1) * h * w) || 1;
  const f = FORMULA[layer.op] ?? ((v: string) => `${layer.op}(${v})`);
  const move = (r: number, c: number): void => s.setPos(r * w + c);
  return (
    <div className="ex-stepwise" data-testid="activation-detail">
      <div className="ex-step-row">
        <MapZoom
          data={x}
          channel={channel}
          h={h}
          w={w}
          range={range}
          size={220}
          caption={`${input.label} · channel ${channel}`}
          highlight={[[i, j, 1, 1]]}
          onHover={move}
        />
        <div className="ex-formula">
          <div className="ex-formula-text mono big">
            {f(fmt(x[at]!, 4))} = <b>{fmt(y[at]!, 4)}</b>
          </div>
          {layer.op === 'Relu' && (
            <div className="ex-note">ReLU keeps positive values and sets negative ones to zero (white).</div>
          )}
        </div>
        <MapZoom
          data={y}
          channel={channel}
          h={h}
          w={w}
          range={range}
          size={220}
          caption={`${layer.label} · channel ${channel}`}
          highlight={[[i, j, 1, 1]]}
          onHover={move}
        />
      </div>
      <StepControls s={s} count={h * w} label={`cell (${i}, ${j})`} />
    </div>
  );
}
