/** One run's text of a tag: the newest steps first, each rendered as Markdown (rank-2 tensors as tables). */
import { useEffect, useRef, useState } from 'react';
import { formatStep } from '../lib/format.js';
import type { TagJson, TextSampleJson } from '../data/api.js';
import { useInView } from './hooks.js';
import { Markdown } from './Markdown.js';
import { TagTitle } from './TagTitle.js';
import { useSampled } from './use-sampled.js';

const FIRST = 5;

function TextValue({ s }: { s: TextSampleJson }) {
  if (s.shape.length === 2 && s.shape[0]! * s.shape[1]! === s.strings.length) {
    const [rows, cols] = s.shape as [number, number];
    return (
      <table className="text-table">
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              {Array.from({ length: cols }, (_, c) => (
                <td key={c}>
                  <Markdown source={s.strings[r * cols + c]!} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  // Rank 0 is one string; rank 1 a list of entries; higher ranks are shown flattened.
  return (
    <>
      {s.strings.map((t, i) => (
        <Markdown key={i} source={t} />
      ))}
    </>
  );
}

/** The card. */
export function TextCard({ info }: { info: TagJson }) {
  const card = useRef<HTMLDivElement>(null);
  const inView = useInView(card);
  const { data, error, drawn } = useSampled('text', info.run, info.tag, info.count, inView);
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (data) drawn();
  }, [data, drawn]);
  const samples = [...(data?.samples ?? [])].reverse();
  const shown = all ? samples : samples.slice(0, FIRST);
  return (
    <div ref={card} className="card text-card">
      <div className="card-head">
        <TagTitle tag={info.tag} run={info.run} />
      </div>
      {error && <div className="card-error static">{error}</div>}
      <div className="text-steps">
        {shown.map((s) => (
          <div key={`${s.step}-${s.wallTime}`} className="text-step">
            <div className="text-step-label">Step {formatStep(s.step)}</div>
            <TextValue s={s} />
          </div>
        ))}
      </div>
      {samples.length > FIRST && (
        <button className="link small more-btn" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${samples.length} steps`}
        </button>
      )}
    </div>
  );
}
