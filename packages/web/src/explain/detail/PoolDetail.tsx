/** Max/average pooling step by step: the window over the input map and max(…) or mean(…) of its real values. */
import { absMax } from '@nnlens/runtime/pure';
import { fmt } from '../draw.js';
import type { LayerMeta, RunResult } from '../protocol.js';
import { windowCells, windowValues } from './conv-math.js';
import { MapZoom } from './MapZoom.js';
import { Matrix } from './Matrix.js';
import { StepControls } from './StepControls.js';
import { useStepper } from './stepper.js';

/** The pooling view. */
export function PoolDetail({ run, layer, channel }: { run: RunResult; layer: LayerMeta; channel: number }) {
  const input = run.layers.find((l) => l.value === layer.inputs[0]);
  const win = layer.window;
  const [, ho, wo] = layer.shape.slice(1) as [number, number, number];
  const s = useStepper(ho * wo, 300);
  if (!win || !input || input.shape.length !== 4) return <div className="muted">No 2-D input to show.</div>;
  const [, h, w] = input.shape.slice(1) as [number, number, number];
  const x = run.taps[input.value]!;
  const [oi, oj] = [Math.floor(s.pos / wo), s.pos % wo];
  const cells = windowCells(win, oi, oj, h, w);
  const vals = windowValues(x, channel, h, w, cells);
  const flat = vals.flat().filter((v): v is number => v !== null);
  const isMax = layer.op === 'MaxPool';
  const y = run.taps[layer.value]![channel * ho * wo + oi * wo + oj]!;
  const range = absMax(x, channel * h * w, (channel + 1) * h * w) || 1;
  // The first maximal cell in row-major order: where max pooling routes the gradient.
  let mark: [number, number] | undefined;
  vals.forEach((row, a) =>
    row.forEach((v, b) => {
      if (v !== null && (!mark || v > vals[mark[0]]![mark[1]]!)) mark = [a, b];
    }),
  );
  const r0 = oi * win.strides[0] - win.pads[0];
  const c0 = oj * win.strides[1] - win.pads[1];
  const moveTo = (r: number, c: number): void =>
    s.setPos(Math.min(ho - 1, Math.max(0, r)) * wo + Math.min(wo - 1, Math.max(0, c)));
  return (
    <div className="ex-stepwise" data-testid="pool-detail">
      <div className="ex-step-row">
        <MapZoom
          data={x}
          channel={channel}
          h={h}
          w={w}
          range={range}
          size={230}
          caption={`${input.label} · channel ${channel}`}
          highlight={[[r0, c0, win.kernel[0], win.kernel[1]]]}
          onHover={(r, c) =>
            moveTo(
              Math.floor((r + win.pads[0]) / win.strides[0]),
              Math.floor((c + win.pads[1]) / win.strides[1]),
            )
          }
        />
        <div className="ex-formula">
          <Matrix
            values={vals}
            range={range}
            mark={isMax ? mark : undefined}
            caption={`${win.kernel.join('×')} window, stride ${win.strides.join('×')}`}
          />
          <div className="ex-formula-text mono">
            {isMax ? 'max' : 'mean'}({flat.map((v) => fmt(v, 3)).join(', ')}) = <b>{fmt(y, 4)}</b>
          </div>
          <div className="ex-note">
            {isMax
              ? 'Max pooling keeps the strongest response of each window and halves the map.'
              : 'Average pooling keeps the mean of each window.'}
          </div>
        </div>
        <MapZoom
          data={run.taps[layer.value]!}
          channel={channel}
          h={ho}
          w={wo}
          range={range}
          size={160}
          caption={`${layer.label} · channel ${channel}`}
          highlight={[[oi, oj, 1, 1]]}
          onHover={moveTo}
        />
      </div>
      <StepControls s={s} count={ho * wo} label={`output (${oi}, ${oj})`} />
    </div>
  );
}
