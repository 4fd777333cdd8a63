/** One run's images of a tag: a step slider over the kept samples, every image of the chosen step. */
import { useEffect, useRef, useState } from 'react';
import { blobUrl, type TagJson } from '../data/api.js';
import { useInView } from './hooks.js';
import { StepSlider } from './StepSlider.js';
import { TagTitle } from './TagTitle.js';
import { useSampled } from './use-sampled.js';

/** The card. */
export function ImageCard({ info }: { info: TagJson }) {
  const card = useRef<HTMLDivElement>(null);
  const inView = useInView(card);
  const { data, error, drawn } = useSampled('images', info.run, info.tag, info.count, inView);
  const [pick, setPick] = useState<number | null>(null);
  const [loaded, setLoaded] = useState(0);
  const samples = data?.samples ?? [];
  // Follow the newest step unless the user moved the slider.
  const index = pick === null ? samples.length - 1 : Math.min(pick, samples.length - 1);
  const s = samples[index];
  useEffect(() => {
    if (data && (!s || loaded >= s.count)) drawn();
  }, [data, s, loaded, drawn]);
  useEffect(() => setLoaded(0), [s?.step]);
  return (
    <div ref={card} className="card media-card">
      <div className="card-head">
        <TagTitle tag={info.tag} run={info.run} />
      </div>
      {error && <div className="card-error static">{error}</div>}
      {s && (
        <>
          <div className={s.count > 3 ? 'image-strip grid' : 'image-strip'}>
            {Array.from({ length: s.count }, (_, i) => (
              <figure key={`${s.step}-${i}`}>
                <img
                  src={blobUrl(info.run, info.tag, s.step, i)}
                  alt={`${info.tag} at step ${s.step}${s.count > 1 ? `, image ${i + 1}` : ''}`}
                  className={s.width && s.width <= 128 ? 'pixelated' : undefined}
                  onLoad={() => setLoaded((n) => n + 1)}
                  onError={() => setLoaded((n) => n + 1)}
                />
              </figure>
            ))}
          </div>
          <div className="media-meta muted small">
            {s.width}×{s.height} {s.format.toUpperCase()}
            {s.count > 1 ? ` · ${s.count} images` : ''}
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
