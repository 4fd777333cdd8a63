/** The Training page's state: runs, tags, visibility, filters and settings; live updates from the SSE stream. */
import { useSyncExternalStore } from 'react';
import { assignRunColors } from '../lib/colors.js';
import { type RunJson, type TagJson, fetchRuns, fetchTags } from './api.js';
import { listingLoaded } from './readiness.js';
import { ScalarCache } from './scalar-cache.js';
import { loadSettings, saveSettings, type TrainingSettings } from './settings.js';

/** What the page renders from. */
export interface TrainingState {
  status: 'loading' | 'ready' | 'error' | 'unconfigured';
  error: string;
  runs: RunJson[];
  tags: TagJson[];
  /** Runs the user unchecked (new runs are shown by default). */
  hidden: ReadonlySet<string>;
  runFilter: string;
  tagFilter: string;
  settings: TrainingSettings;
  /** The live stream is connected. */
  live: boolean;
  /** Bumped on every change event (views holding derived data refetch on it). */
  dataVersion: number;
}

const INITIAL: TrainingState = {
  status: 'loading',
  error: '',
  runs: [],
  tags: [],
  hidden: new Set(),
  runFilter: '',
  tagFilter: '',
  settings: loadSettings(),
  live: false,
  dataVersion: 0,
};

interface ChangeMessage {
  runs: string[];
  newRuns: string[];
  tags: { run: string; tag: string; kind: string; count: number }[];
}

/** The store (one per app). */
export class TrainingStore {
  private state: TrainingState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private refreshTimer = 0;
  private started = false;
  readonly scalars = new ScalarCache();

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  get = (): TrainingState => this.state;

  private set(patch: Partial<TrainingState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  /** Loads the listing and opens the live stream (once). */
  start(): void {
    if (this.started) {
      listingLoaded(this.state.status !== 'error');
      return;
    }
    this.started = true;
    void this.refresh(true);
  }

  /** Re-reads runs and tags. */
  async refresh(first = false): Promise<void> {
    try {
      const [runs, tags] = await Promise.all([fetchRuns(), fetchTags().catch(() => ({ tags: {} }))]);
      if (!runs.configured) {
        this.set({ status: 'unconfigured', runs: [], tags: [] });
        listingLoaded();
        return;
      }
      const flat = Object.values(tags.tags).flat();
      assignRunColors(runs.runs.map((r) => r.run));
      this.set({ status: 'ready', error: '', runs: runs.runs, tags: flat });
      if (first) this.connect();
      listingLoaded();
    } catch (e) {
      if (!first && this.state.status === 'ready') return; // keep showing data; the stream will retry
      this.set({ status: 'error', error: e instanceof Error ? e.message : String(e) });
      listingLoaded(false);
    }
  }

  private connect(): void {
    if (typeof EventSource === 'undefined') return;
    // One stream for the app's lifetime: coming back to the page finds everything current.
    const es = new EventSource('/api/training/events');
    let opened = false;
    es.addEventListener('ready', () => {
      this.set({ live: true });
      // A reconnect may have missed changes: catch up on everything held.
      if (opened) {
        this.scheduleRefresh();
        this.scalars.refreshAll();
      }
      opened = true;
    });
    es.addEventListener('change', (ev) =>
      this.onChange(JSON.parse((ev as MessageEvent<string>).data) as ChangeMessage),
    );
    es.onerror = () => this.set({ live: false });
  }

  private onChange(msg: ChangeMessage): void {
    // Scalars first: cached series fetch just their new points, so charts update without a reload.
    for (const t of msg.tags)
      if (t.kind === 'scalar') void this.scalars.update(t.run, t.tag, t.count).catch(() => undefined);
    // Counts in the listing change at once (cards of sampled kinds refetch on a count change) …
    if (msg.tags.length) {
      const counts = new Map(msg.tags.map((t) => [`${t.run}\u0000${t.tag}`, t.count]));
      const known = new Set(this.state.tags.map((t) => `${t.run}\u0000${t.tag}`));
      const tags = this.state.tags.map((t) => {
        const c = counts.get(`${t.run}\u0000${t.tag}`);
        return c === undefined ? t : { ...t, count: c };
      });
      this.set({ tags, dataVersion: this.state.dataVersion + 1 });
      // … and new series or runs need the full listing.
      if (msg.newRuns.length || msg.tags.some((t) => !known.has(`${t.run}\u0000${t.tag}`)))
        this.scheduleRefresh(0);
      else this.scheduleRefresh();
    }
  }

  /** Coalesces listing refreshes (run health, last steps) during bursts of changes. */
  private scheduleRefresh(delay = 400): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = window.setTimeout(() => void this.refresh(), delay);
  }

  setRunFilter(runFilter: string): void {
    this.set({ runFilter });
  }

  setTagFilter(tagFilter: string): void {
    this.set({ tagFilter });
  }

  /** Shows or hides one run. */
  toggleRun(run: string): void {
    const hidden = new Set(this.state.hidden);
    if (hidden.has(run)) hidden.delete(run);
    else hidden.add(run);
    this.set({ hidden });
  }

  /** Shows or hides many runs at once (the filtered list's "all"/"none"). */
  setRunsVisible(runs: string[], visible: boolean): void {
    const hidden = new Set(this.state.hidden);
    for (const r of runs) {
      if (visible) hidden.delete(r);
      else hidden.add(r);
    }
    this.set({ hidden });
  }

  /** Shows only `run` (alt-click), or everything again when it already is the only one shown. */
  solo(run: string, all: string[]): void {
    const only = all.every((r) => r === run || this.state.hidden.has(r)) && !this.state.hidden.has(run);
    this.set({ hidden: only ? new Set() : new Set(all.filter((r) => r !== run)) });
  }

  updateSettings(patch: Partial<TrainingSettings>): void {
    const settings = { ...this.state.settings, ...patch };
    saveSettings(settings);
    this.set({ settings });
  }
}

/** The app's training store. */
export const trainingStore = new TrainingStore();

/** The store's state, re-rendering on change. */
export function useTraining(): TrainingState {
  return useSyncExternalStore(trainingStore.subscribe, trainingStore.get);
}
