/** The Scalars dashboard: sections of charts, one per tag. */
import type { TagEntry } from '../data/selectors.js';
import type { TrainingSettings } from '../data/settings.js';
import { ScalarCard } from './ScalarCard.js';
import { Section } from './Section.js';

/** The dashboard. */
export function ScalarsView({
  sections,
  settings,
}: {
  sections: { name: string; entries: TagEntry[] }[];
  settings: TrainingSettings;
}) {
  return (
    <>
      {sections.map((s) => (
        <Section key={s.name} id={`scalars:${s.name}`} title={s.name || 'Top level'} count={s.entries.length}>
          {s.entries.map((e) => (
            <ScalarCard key={e.tag} entry={e} settings={settings} />
          ))}
        </Section>
      ))}
    </>
  );
}
