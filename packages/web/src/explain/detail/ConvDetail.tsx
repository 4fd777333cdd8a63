/** CNN Explainer's convolution views for any Conv: every input channel with its kernel, then the kernel sliding step by step. */
import { useMemo, useState } from 'react';
import { absMax } from '@nnlens/runtime/pure';
import { fmt } from '../draw.js';
import { FeatureMap } from '../FeatureMap.js';
import type { LayerMeta, RunResult, WeightsResult } from '../protocol.js';
import { channelResult, dot, inputChannelsOf, kernelOf, windowCells, windowValues } from './conv-math.js';
import { MapZoom, type CellRect } from './MapZoom.js';
import { Matrix } from './Matrix.js';
import { StepControls } from './StepControls.js';
import { useStepper } from './stepper.js';
import { useWeights } from './use-weights.js';

const MAX_CHANNELS = 12;

/** Props of ConvDetail. */
export interface ConvDetailProps {
  run: RunResult;
  layer: LayerMeta;
  channel: number;
}

function Overview({
  run,
  layer,
  channel,
  w,
  input,
}: ConvDetailProps & { w: WeightsResult; input: LayerMeta }) {
  const win = layer.window!;
  const [cin, h, wd] = input.shape.slice(1) as [number, number, number];
  const [cout, ho, wo] = layer.shape.slice(1) as [number, number, number];
  const x = run.taps[input.value]!;
  const chans = inputChannelsOf(channel, cin, cout, win.group);
  const parts = useMemo(
    () =>
      chans.slice(0, MAX_CHANNELS).map((c, k) => ({
        c,
        kernel: kernelOf(w.weight.data, w.weight.shape, channel, k),
        map: channelResult(x, c, h, wd, kernelOf(w.weight.data, w.weight.shape, channel, k), win, ho, wo),
      })),
    [x, w, channel],
  );
  const chanRange = (c: number): number => absMax(x, c * h * wd, (c + 1) * h * wd) || 1;
  const partRange = Math.max(1e-9, ...parts.map((p) => absMax(p.map)));
  const kRange = absMax(w.weight.data) || 1;
  const outRange = absMax(run.taps[layer.value]!) || 1;
  return (
    <div className="ex-elastic" data-testid="conv-overview">
      <div className="ex-elastic-rows" style={{ ['--rows' as string]: Math.min(5, parts.length) }}>
        {parts.map((p) => (
          <div className="ex-elastic-row" key={p.c}>
            <FeatureMap
              data={x}
              channel={p.c}
              h={h}
              w={wd}
              range={chanRange(p.c)}
              size={54}
              title={`${input.label} channel ${p.c}`}
            />
            <span className="ex-op">∗</span>
            <Matrix values={p.kernel} range={kRange} cmap="brbg" />
            <span className="ex-op">=</span>
            <FeatureMap
              data={p.map}
              channel={0}
              h={ho}
              w={wo}
              range={partRange}
              size={54}
              title={`intermediate result of channel ${p.c}`}
            />
          </div>
        ))}
        {chans.length > MAX_CHANNELS && (
          <div className="muted small">… and {chans.length - MAX_CHANNELS} more input channels</div>
        )}
      </div>
      <div className="ex-elastic-sum">
        <div className="ex-note">
          Each input channel gets its own kernel. Add up all intermediate results, then add the bias:
        </div>
        <div className="ex-sum-line">
          <span className="ex-op big">Σ</span>
          <span className="ex-op">+ b = {fmt(w.bias?.[channel] ?? 0, 4)}</span>
          <span className="ex-op">→</span>
          <FeatureMap
            data={run.taps[layer.value]!}
            channel={channel}
            h={ho}
            w={wo}
            range={outRange}
            size={96}
            title={`${layer.label} channel ${channel}`}
          />
        </div>
      </div>
    </div>
  );
}

function Stepwise({
  run,
  layer,
  channel,
  w,
  input,
}: ConvDetailProps & { w: WeightsResult; input: LayerMeta }) {
  const win = layer.window!;
  const [cin, h, wd] = input.shape.slice(1) as [number, number, number];
  const [cout, ho, wo] = layer.shape.slice(1) as [number, number, number];
  const x = run.taps[input.value]!;
  const chans = inputChannelsOf(channel, cin, cout, win.group);
  const [k, setK] = useState(0);
  const s = useStepper(ho * wo, 250);
  const [oi, oj] = [Math.floor(s.pos / wo), s.pos % wo];
  const cells = windowCells(win, oi, oj, h, wd);
  const values = windowValues(x, chans[k]!, h, wd, cells);
  const kernel = kernelOf(w.weight.data, w.weight.shape, channel, k);
  const products = values.map((row, a) => row.map((v, b) => (v === null ? null : v * kernel[a]![b]!)));
  const partials = chans.map((c, kk) =>
    dot(windowValues(x, c, h, wd, cells), kernelOf(w.weight.data, w.weight.shape, channel, kk)),
  );
  const bias = w.bias?.[channel] ?? 0;
  const total = partials.reduce((a, b) => a + b, 0) + bias;
  const actual = run.taps[layer.value]![channel * ho * wo + oi * wo + oj]!;
  const r0 = oi * win.strides[0] - win.pads[0];
  const c0 = oj * win.strides[1] - win.pads[1];
  const dilated = win.dilations.some((d) => d > 1);
  const rects: CellRect[] = dilated
    ? cells.flatMap((row, a) =>
        row.map((_, b) => [r0 + a * win.dilations[0], c0 + b * win.dilations[1], 1, 1] as CellRect),
      )
    : [[r0, c0, win.kernel[0], win.kernel[1]]];
  const moveTo = (ri: number, ci: number): void =>
    s.setPos(Math.min(ho - 1, Math.max(0, ri)) * wo + Math.min(wo - 1, Math.max(0, ci)));
  // Each input channel in its own range: small activations stay visible.
  const inRange = absMax(x, chans[k]! * h * wd, (chans[k]! + 1) * h * wd) || 1;
  return (
    <div className="ex-stepwise" data-testid="conv-stepwise">
      <div className="ex-chan-tabs" role="tablist" aria-label="Input channel">
        <span className="muted small">Input channel</span>
        {chans.slice(0, 32).map((c, kk) => (
          <button
            key={c}
            role="tab"
            aria-selected={kk === k}
            className={kk === k ? 'on' : ''}
            onClick={() => setK(kk)}
          >
            {c}
          </button>
        ))}
      </div>
      <div className="ex-step-row">
        <MapZoom
          data={x}
          channel={chans[k]!}
          h={h}
          w={wd}
          range={inRange}
          size={260}
          caption={`${input.label} · channel ${chans[k]}`}
          highlight={rects}
          pad={[win.pads[0], win.pads[2], win.pads[1], win.pads[3]]}
          onHover={(r, c) =>
            moveTo(
              Math.round((r + win.pads[0]) / win.strides[0]),
              Math.round((c + win.pads[1]) / win.strides[1]),
            )
          }
          testId="conv-input"
        />
        <div className="ex-formula">
          <div className="ex-formula-mats">
            <Matrix values={values} range={inRange} caption="input window" testId="conv-window" />
            <span className="ex-op">⊙</span>
            <Matrix values={kernel} range={absMax(w.weight.data) || 1} cmap="brbg" caption="kernel" />
            <span className="ex-op">=</span>
            <Matrix values={products} range={0} caption="products" />
          </div>
          <div className="ex-formula-text mono" data-testid="conv-formula">
            Σ products = <b>{fmt(partials[k]!, 4)}</b>
            <br />
            {chans.length > 1
              ? `Σ over ${chans.length} channels ${partials
                  .slice(0, 4)
                  .map((p) => fmt(p, 3))
                  .join(' + ')}${chans.length > 4 ? ' + …' : ''} + bias ${fmt(bias, 3)}`
              : `+ bias ${fmt(bias, 3)}`}{' '}
            = <b>{fmt(total, 4)}</b>
            <span
              className={Math.abs(total - actual) < 1e-3 * Math.max(1, Math.abs(actual)) ? 'ex-ok' : 'ex-bad'}
            >
              {' '}
              (output {fmt(actual, 4)})
            </span>
          </div>
        </div>
        <MapZoom
          data={run.taps[layer.value]!}
          channel={channel}
          h={ho}
          w={wo}
          range={absMax(run.taps[layer.value]!) || 1}
          size={200}
          caption={`${layer.label} · channel ${channel}`}
          highlight={[[oi, oj, 1, 1]]}
          onHover={moveTo}
          testId="conv-output"
        />
      </div>
      <StepControls s={s} count={ho * wo} label={`output (${oi}, ${oj}) · step ${s.pos + 1} of ${ho * wo}`} />
    </div>
  );
}

/** The conv detail view. */
export function ConvDetail(props: ConvDetailProps) {
  const w = useWeights(props.layer.value);
  const input = props.run.layers.find((l) => l.value === props.layer.inputs[0]);
  if (!props.layer.window || !input || input.shape.length !== 4)
    return <div className="muted">This convolution is not 2-D.</div>;
  if (w === null) return <div className="muted">Loading the kernels…</div>;
  if (typeof w === 'string') return <div className="ex-error-inline">{w}</div>;
  return (
    <>
      <h3>How channel {props.channel} is computed</h3>
      <Overview {...props} w={w} input={input} />
      <h3>The kernel sliding over the input</h3>
      <Stepwise {...props} w={w} input={input} />
    </>
  );
}
