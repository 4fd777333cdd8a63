/** Dashboards with one card per (run, tag): histograms, distributions, images, audio, text. */
import { Fragment, type ReactNode } from 'react';
import type { TagJson } from '../data/api.js';
import type { TagEntry } from '../data/selectors.js';
import { Section } from './Section.js';

/** Sections of cards; `card` renders one (run, tag). */
export function RunCardsView({
  id,
  sections,
  card,
}: {
  id: string;
  sections: { name: string; entries: TagEntry[] }[];
  card: (info: TagJson) => ReactNode;
}) {
  return (
    <>
      {sections.map((s) => (
        <Section
          key={s.name}
          id={`${id}:${s.name}`}
          title={s.name || 'Top level'}
          count={s.entries.reduce((n, e) => n + e.runs.length, 0)}
        >
          {s.entries.flatMap((e) =>
            e.runs.map((info) => <Fragment key={`${info.run}\u0000${info.tag}`}>{card(info)}</Fragment>),
          )}
        </Section>
      ))}
    </>
  );
}
