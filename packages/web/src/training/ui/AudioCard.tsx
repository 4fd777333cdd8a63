/** One run's audio of a tag: a player per clip of the chosen step, with its label and sample rate. */
import { useEffect, useRef, useState } from 'react';
import { blobUrl, type TagJson } from '../data/api.js';
import { useInView } from './hooks.js';
import { StepSlider } from './StepSlider.js';
import { TagTitle } from './TagTitle.js';
import { useSampled } from './use-sampled.js';

/** The card. */
export function AudioCard({ info }: { info: TagJson }) {
  const card = useRef<HTMLDivElement>(null);
  const inView = useInView(card);
  const { data, error, drawn } = useSampled('audio', info.run, info.tag, info.count, inView);
  const [pick, setPick] = useState<number | null>(null);
  const samples = data?.samples ?? [];
  const index = pick === null ? samples.length - 1 : Math.min(pick, samples.length - 1);
  const s = samples[index];
  useEffect(() => {
    if (data) drawn();
  }, [data, drawn]);
  return (
    <div ref={card} className="card media-card">
      <div className="card-head">
        <TagTitle tag={info.tag} run={info.run} />
      </div>
      {error && <div className="card-error static">{error}</div>}
      {s && (
        <>
          <div className="audio-list">
            {Array.from({ length: s.count }, (_, i) => (
              <div key={`${s.step}-${i}`} className="audio-item">
                <audio controls preload="metadata" src={blobUrl(info.run, info.tag, s.step, i)} />
                {s.labels[i] && <div className="small">{s.labels[i]}</div>}
              </div>
            ))}
          </div>
          <div className="media-meta muted small">
            {s.contentType}
            {s.sampleRate ? ` · ${(s.sampleRate / 1000).toLocaleString('en-US')} kHz` : ''}
          </div>
          <StepSlider
            steps={samples.map((x) => x.step)}
            walls={samples.map((x) => x.wallTime)}
            index={index}
            onChange={setPick}
          />
        </>
      )}
    </div>
  );
}
