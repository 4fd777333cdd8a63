/** The left column: runs (regex filter, checkboxes, colours, notices) and the dashboard settings. */
import { useState } from 'react';
import { runColor } from '../lib/colors.js';
import { filterMatcher } from '../lib/tag-groups.js';
import { runNotices, runsInView } from '../data/selectors.js';
import { trainingStore, type TrainingState } from '../data/training-store.js';
import { WarnIcon } from './icons.js';
import { SettingsPanel } from './SettingsPanel.js';

function RunName({ run }: { run: string }) {
  const i = run.lastIndexOf('/');
  if (i < 0)
    return (
      <span className="run-name">
        <span className="run-leaf">{run}</span>
      </span>
    );
  return (
    <span className="run-name">
      <span className="run-prefix">
        <bdi>{run.slice(0, i + 1)}</bdi>
      </span>
      <span className="run-leaf">{run.slice(i + 1)}</span>
    </span>
  );
}

/** The sidebar. */
export function RunSidebar({ state }: { state: TrainingState }) {
  const { matching, visible } = runsInView(state);
  const [open, setOpen] = useState<string | null>(null);
  const filterError = filterMatcher(state.runFilter).error;
  const names = matching.map((r) => r.run);
  return (
    <aside className="training-sidebar">
      <div className="sidebar-section runs-section">
        <div className="sidebar-head">
          <h3>Runs</h3>
          <span className="muted small">
            {visible.size} of {state.runs.length}
          </span>
          <span
            className={state.live ? 'live-pill on' : 'live-pill'}
            title={state.live ? 'Receiving new data as it is written' : 'Not connected: reload to retry'}
          >
            <i />
            {state.live ? 'Live' : 'Offline'}
          </span>
        </div>
        <input
          className={filterError ? 'filter-input invalid' : 'filter-input'}
          type="search"
          placeholder="Filter runs (regex)"
          value={state.runFilter}
          spellCheck={false}
          aria-label="Filter runs"
          title={filterError ?? 'A regular expression, case-insensitive'}
          onChange={(e) => trainingStore.setRunFilter(e.target.value)}
        />
        <div className="run-bulk">
          <button className="link small" onClick={() => trainingStore.setRunsVisible(names, true)}>
            Show all
          </button>
          <button className="link small" onClick={() => trainingStore.setRunsVisible(names, false)}>
            Hide all
          </button>
        </div>
        <ul className="run-list" aria-label="Runs">
          {matching.map((r) => {
            const notices = runNotices(r);
            const warn = notices.some((n) => n.level === 'warn');
            return (
              <li key={r.run} className={visible.has(r.run) ? 'run-row' : 'run-row off'}>
                <label
                  title={`${r.run}\n${r.tagCount} tags · alt-click to show only this run`}
                  onClick={(e) => {
                    if (!e.altKey) return;
                    e.preventDefault();
                    trainingStore.solo(r.run, names);
                  }}
                >
                  <input
                    type="checkbox"
                    checked={visible.has(r.run)}
                    onChange={() => trainingStore.toggleRun(r.run)}
                  />
                  <i
                    className="run-swatch"
                    style={{ background: runColor(r.run), borderColor: runColor(r.run) }}
                  />
                  <RunName run={r.run} />
                </label>
                {notices.length > 0 && (
                  <button
                    className={warn ? 'notice-btn warn' : 'notice-btn'}
                    aria-label={`${notices.length} notice(s) for ${r.run}`}
                    aria-expanded={open === r.run}
                    title={notices.map((n) => n.text).join('\n')}
                    onClick={() => setOpen(open === r.run ? null : r.run)}
                  >
                    <WarnIcon />
                  </button>
                )}
                {open === r.run && (
                  <ul className="notice-list">
                    {notices.map((n, i) => (
                      <li key={i} className={n.level}>
                        {n.text}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
          {matching.length === 0 && <li className="muted small empty-row">No run matches the filter</li>}
        </ul>
      </div>
      <SettingsPanel settings={state.settings} />
    </aside>
  );
}
