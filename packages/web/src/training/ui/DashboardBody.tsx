/** The body of the current dashboard, or a short note when it has nothing to show for the visible runs. */
import type { DashboardId, TagEntry } from '../data/selectors.js';
import type { TrainingState } from '../data/training-store.js';
import { AudioCard } from './AudioCard.js';
import { DistributionCard } from './DistributionCard.js';
import { HistogramCard } from './HistogramCard.js';
import { HParamsView } from './HParamsView.js';
import { ImageCard } from './ImageCard.js';
import { RunCardsView } from './RunCardsView.js';
import { ScalarsView } from './ScalarsView.js';
import { TextCard } from './TextCard.js';

const EMPTY: Record<DashboardId, string> = {
  scalars: 'No scalar data in the shown runs.',
  histograms: 'No histograms in the shown runs (writers log them with add_histogram / tf.summary.histogram).',
  distributions: 'No histograms in the shown runs: distributions are computed from histograms.',
  images: 'No images in the shown runs.',
  audio: 'No audio in the shown runs.',
  text: 'No text summaries in the shown runs.',
  hparams: 'No hyperparameter sessions (hparams plugin data) in the log dirs.',
};

/** The dashboard's content. */
export function DashboardBody({
  dash,
  sections,
  state,
  visible,
}: {
  dash: DashboardId;
  sections: { name: string; entries: TagEntry[] }[];
  state: TrainingState;
  visible: Set<string>;
}) {
  if (dash !== 'hparams' && sections.length === 0)
    return (
      <div className="dash-empty muted">{state.tagFilter ? 'No tag matches the filter.' : EMPTY[dash]}</div>
    );
  switch (dash) {
    case 'scalars':
      return <ScalarsView sections={sections} settings={state.settings} />;
    case 'histograms':
      return (
        <RunCardsView
          id="histograms"
          sections={sections}
          card={(i) => <HistogramCard info={i} mode={state.settings.histogramMode} />}
        />
      );
    case 'distributions':
      return (
        <RunCardsView id="distributions" sections={sections} card={(i) => <DistributionCard info={i} />} />
      );
    case 'images':
      return <RunCardsView id="images" sections={sections} card={(i) => <ImageCard info={i} />} />;
    case 'audio':
      return <RunCardsView id="audio" sections={sections} card={(i) => <AudioCard info={i} />} />;
    case 'text':
      return <RunCardsView id="text" sections={sections} card={(i) => <TextCard info={i} />} />;
    case 'hparams':
      return <HParamsView dataVersion={state.dataVersion} visible={visible} />;
  }
}
