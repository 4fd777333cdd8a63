/** The Training page: run sidebar, dashboard tabs (scalars, histograms, distributions, images, audio, text, hparams). */
import { useEffect, useState } from 'react';
import { DASHBOARDS, type DashboardId, runsInView, sectionsOf, tagCounts } from './data/selectors.js';
import { resetReadiness, viewChanged } from './data/readiness.js';
import { trainingStore, useTraining } from './data/training-store.js';
import { filterMatcher } from './lib/tag-groups.js';
import { DashboardBody } from './ui/DashboardBody.js';
import { SearchIcon } from './ui/icons.js';
import { RunSidebar } from './ui/RunSidebar.js';
import { TrainingMessage } from './ui/TrainingMessage.js';
import './training.css';

function dashboardFromHash(): DashboardId {
  const h = location.hash.slice(1);
  return (DASHBOARDS.find((d) => d.id === h)?.id ?? 'scalars') as DashboardId;
}

/** The current dashboard, kept in the URL's hash (#histograms) so a link or reload keeps it. */
function useDashboard(): [DashboardId, (d: DashboardId) => void] {
  const [dash, setDash] = useState(dashboardFromHash);
  useEffect(() => {
    const on = () => setDash(dashboardFromHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [
    dash,
    (d) => {
      history.replaceState(null, '', `${location.pathname}${location.search}#${d}`);
      setDash(d);
    },
  ];
}

/** The page. */
export function TrainingPage() {
  const state = useTraining();
  const [dash, setDash] = useDashboard();
  useEffect(() => {
    viewChanged();
    trainingStore.start();
    return resetReadiness;
  }, []);
  useEffect(() => viewChanged(), [dash, state.tagFilter, state.runFilter]);

  if (state.status !== 'ready') return <TrainingMessage state={state} />;
  const { visible } = runsInView(state);
  const counts = tagCounts(state, visible);
  const def = DASHBOARDS.find((d) => d.id === dash)!;
  const sections = def.kind === 'hparams' ? [] : sectionsOf(state, def.kind, visible);
  const tagError = filterMatcher(state.tagFilter).error;
  return (
    <div className="training-page">
      <RunSidebar state={state} />
      <section className="training-main">
        <div className="dash-bar">
          <nav className="dash-tabs" aria-label="Dashboards">
            {DASHBOARDS.map((d) => {
              const n = d.kind === 'hparams' ? (counts.hparams ? 1 : 0) : (counts[d.kind] ?? 0);
              return (
                <button
                  key={d.id}
                  className={d.id === dash ? 'dash-tab active' : n ? 'dash-tab' : 'dash-tab empty'}
                  aria-current={d.id === dash ? 'page' : undefined}
                  onClick={() => setDash(d.id)}
                >
                  {d.label}
                  {d.kind !== 'hparams' && n > 0 && <span className="tab-count">{n}</span>}
                </button>
              );
            })}
          </nav>
          {def.kind !== 'hparams' && (
            <label
              className={tagError ? 'tag-filter invalid' : 'tag-filter'}
              title={tagError ?? 'A regular expression, case-insensitive'}
            >
              <SearchIcon />
              <input
                type="search"
                placeholder="Filter tags (regex)"
                value={state.tagFilter}
                spellCheck={false}
                aria-label="Filter tags"
                onChange={(e) => trainingStore.setTagFilter(e.target.value)}
              />
            </label>
          )}
        </div>
        <div className="dash-body">
          <DashboardBody dash={dash} sections={sections} state={state} visible={visible} />
        </div>
      </section>
    </div>
  );
}
