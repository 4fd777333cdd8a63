/** Dense layers and the output: Σ w·x + b with its largest terms, and softmax written out with the real logits. */
import { labelOf } from '@nnlens/runtime/pure';
import { fmt } from '../draw.js';
import { softmax } from '../LayerColumn.js';
import type { LayerMeta, RunResult } from '../protocol.js';
import { useWeights } from './use-weights.js';

function Softmax({ logits, k, labels }: { logits: Float32Array; k: number; labels: string[] | null }) {
  const probs = softmax(logits);
  const m = Math.max(...logits);
  return (
    <div className="ex-softmax" data-testid="softmax-detail">
      <h3>Softmax: turning logits into probabilities</h3>
      <div className="ex-formula-text mono" data-testid="softmax-formula">
        p({labelOf(labels, k)}) = exp(z<sub>{k}</sub>) / Σ<sub>j</sub> exp(z<sub>j</sub>) = exp(
        {fmt(logits[k]!, 4)}) / ({Array.from(logits.subarray(0, 4), (z) => `exp(${fmt(z, 3)})`).join(' + ')}
        {logits.length > 4 ? ' + …' : ''}) ={' '}
        {m < 60 ? (
          <>
            {fmt(Math.exp(logits[k]!), 5)} /{' '}
            {fmt(
              Array.from(logits).reduce((a, z) => a + Math.exp(z), 0),
              5,
            )}
          </>
        ) : (
          <>
            {fmt(Math.exp(logits[k]! - m), 4)}·e<sup>{fmt(m, 3)}</sup> /{' '}
            {fmt(
              Array.from(logits).reduce((a, z) => a + Math.exp(z - m), 0),
              4,
            )}
            ·e<sup>{fmt(m, 3)}</sup>
          </>
        )}{' '}
        = <b>{(100 * probs[k]!).toFixed(2)}%</b>
      </div>
      <div className="ex-softmax-terms">
        {Array.from(logits, (z, j) => (
          <div key={j} className={j === k ? 'ex-term on' : 'ex-term'}>
            <span className="ex-term-name">{labelOf(labels, j)}</span>
            <span className="mono">exp({fmt(z, 3)})</span>
            <span className="ex-term-bar">
              <span style={{ width: `${100 * probs[j]!}%` }} />
            </span>
            <span className="mono">{(100 * probs[j]!).toFixed(1)}%</span>
          </div>
        ))}
      </div>
    </div>
  );
}

function Terms({ run, layer, k }: { run: RunResult; layer: LayerMeta; k: number }) {
  const w = useWeights(layer.hasWeights && layer.op === 'Gemm' ? layer.value : null);
  const x = layer.inputs[0] ? run.taps[layer.inputs[0]] : undefined;
  if (!w || typeof w === 'string' || !x) return null;
  const [rows, cols] = w.weight.shape as [number, number];
  // Gemm from PyTorch stores W as [out, in] (transB = 1); otherwise [in, out].
  const wAt = (j: number): number =>
    rows === run.taps[layer.value]!.length && cols === x.length
      ? w.weight.data[k * cols + j]!
      : w.weight.data[j * cols + k]!;
  const terms = Array.from(x, (v, j) => ({ j, t: v * wAt(j) })).sort((a, b) => Math.abs(b.t) - Math.abs(a.t));
  // Flattened feature maps: name the map cell each input came from (CNN Explainer's flatten view).
  const flat = run.layers.find((l) => l.value === layer.inputs[0]);
  const src = flat?.op === 'Flatten' ? run.layers.find((l) => l.value === flat.inputs[0]) : undefined;
  const name = (j: number): string => {
    if (!src || src.shape.length !== 4) return `x${j}`;
    const [, h, w] = src.shape.slice(1) as [number, number, number];
    return `${src.label}[${Math.floor(j / (h * w))},${Math.floor(j / w) % h},${j % w}]`;
  };
  const bias = w.bias?.[k] ?? 0;
  return (
    <div className="ex-formula-text mono">
      y<sub>{k}</sub> = Σ<sub>j</sub> w<sub>{k}j</sub>·x<sub>j</sub> + b ={' '}
      {terms
        .slice(0, 6)
        .map((t) => `${fmt(t.t, 3)} (${name(t.j)})`)
        .join(' + ')}{' '}
      + … ({x.length} terms) + {fmt(bias, 3)} = <b>{fmt(run.taps[layer.value]![k]!, 4)}</b>
    </div>
  );
}

/** The dense/output view. */
export function DenseDetail({
  run,
  layer,
  k,
  isOutput,
  labels,
}: {
  run: RunResult;
  layer: LayerMeta;
  k: number;
  isOutput: boolean;
  labels: string[] | null;
}) {
  const y = run.taps[layer.value]!;
  return (
    <div data-testid="dense-detail">
      <Terms run={run} layer={layer} k={k} />
      {isOutput && <Softmax logits={run.logits ?? y} k={k} labels={labels} />}
    </div>
  );
}
