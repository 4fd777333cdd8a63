/** The Diagram page's state outside React: settings (mirrored to the URL hash), the drawn figure, drawing status. */
import { STYLE_INFO, type OptionValue, type StyleName } from '@nnlens/diagrams/option-schema';
import { useSyncExternalStore } from 'react';
import { setPageState } from '../model/readiness.js';
import { sharedClient } from '../model/worker-client.js';
import type { DiagramDrawOptions, DiagramProblem, DiagramReply } from '../shared/diagram-protocol.js';
import { SPEC_EXAMPLES } from './examples.js';
import { LatestRunner, type RunOutcome } from './latest-runner.js';
import {
  drawOptions,
  initialSettings,
  specFileName,
  withOption,
  withoutOptions,
  type DiagramSettings,
} from './settings.js';
import { decodeHash, encodeHash } from './url-state.js';

/** A figure on screen. */
export interface Figure {
  /** Distinct per drawing, even when the output text repeats: the preview reports each one shown. */
  id: number;
  output: string;
  format: 'svg' | 'tex';
  style: StyleName;
  warnings: string[];
  ms: number;
}

/** Everything the page renders from. */
export interface DiagramState {
  settings: DiagramSettings;
  figure: Figure | null;
  /** Why the newest drawing failed (the figure above is then the last good one). */
  problem: DiagramProblem | null;
  drawing: boolean;
  /** Entries of the opening link that were not valid settings. */
  ignored: string[];
}

/** One drawing request: what the worker needs. */
interface Job {
  source: 'model' | 'spec';
  options: DiagramDrawOptions;
  text: string;
}

const DEBOUNCE_MS = 120;
const first = SPEC_EXAMPLES[0]!;

function send(job: Job): Promise<DiagramReply> {
  const client = sharedClient();
  if (job.source === 'model') return client.call({ type: 'drawDiagram', options: job.options });
  return client.call({
    type: 'drawSpec',
    text: job.text,
    file: specFileName(job.text),
    options: job.options,
  });
}

/** The store (one per app; it outlives the page so settings survive a visit to another tab). */
export class DiagramStore {
  private state: DiagramState = {
    settings: initialSettings(first.text, first.id),
    figure: null,
    problem: null,
    drawing: false,
    ignored: [],
  };
  private readonly listeners = new Set<() => void>();
  private readonly runner = new LatestRunner<Job, DiagramReply>(send, (o) => this.finished(o), DEBOUNCE_MS);
  private lastJob = '';
  private figures = 0;
  private hashTimer: ReturnType<typeof setTimeout> | null = null;
  private writtenHash = '';

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  get = (): DiagramState => this.state;

  private set(patch: Partial<DiagramState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  /** Takes the settings from the URL hash when it has any, else writes the current ones there. */
  adoptUrl(): void {
    const hash = location.hash.replace(/^#/, '');
    if (hash && hash !== this.writtenHash) {
      const { settings, ignored } = decodeHash(hash, this.state.settings);
      this.writtenHash = hash;
      this.set({ settings, ignored });
    } else {
      this.writeHash(true);
    }
  }

  private writeHash(now = false): void {
    if (this.hashTimer !== null) clearTimeout(this.hashTimer);
    // Chromium throttles history updates (~100 per 10 s); a dragged slider would exceed that.
    const write = (): void => {
      this.hashTimer = null;
      if (!location.pathname.replace(/\/+$/, '').endsWith('/diagram')) return;
      this.writtenHash = encodeHash(this.state.settings);
      history.replaceState(history.state, '', `${location.pathname}${location.search}#${this.writtenHash}`);
    };
    if (now) write();
    else this.hashTimer = setTimeout(write, 250);
  }

  private update(settings: DiagramSettings): void {
    this.set({ settings, ignored: [] });
    this.writeHash();
  }

  setStyle(style: StyleName): void {
    this.update({ ...this.state.settings, style });
  }

  setSource(source: 'model' | 'spec'): void {
    this.update({ ...this.state.settings, source });
  }

  setOption(key: string, value: OptionValue | undefined): void {
    this.update(withOption(this.state.settings, key, value));
  }

  resetOptions(): void {
    this.update(withoutOptions(this.state.settings));
  }

  setSpec(text: string, example: string | null = null): void {
    this.update({ ...this.state.settings, spec: { text, example } });
  }

  /** Draws the current settings (debounced) unless they are what was last asked for; `modelKey` changes per open. */
  draw(modelKey: string, immediate = false): void {
    const s = this.state.settings;
    const job: Job = {
      source: s.source,
      options: drawOptions(s),
      text: s.source === 'spec' ? s.spec.text : '',
    };
    const key = JSON.stringify([modelKey, job]);
    if (key === this.lastJob) return;
    this.lastJob = key;
    setPageState('loading');
    this.set({ drawing: true });
    this.runner.request(job, immediate);
  }

  /** Forgets the last request, so the next draw() runs even with the same settings (a new model). */
  invalidate(): void {
    this.lastJob = '';
  }

  private finished(o: RunOutcome<Job, DiagramReply>): void {
    const r = o.result;
    const problem: DiagramProblem | null = r
      ? r.problem
      : { kind: 'internal', message: (o.error as Error)?.message ?? String(o.error) };
    const patch: Partial<DiagramState> = { problem, drawing: !o.latest || this.runner.pending() };
    if (r?.output != null) {
      const style = o.input.options.style as StyleName;
      patch.figure = {
        id: ++this.figures,
        output: r.output,
        format: STYLE_INFO[style].output,
        style,
        warnings: r.warnings,
        ms: r.ms,
      };
    }
    this.set(patch);
    // 'ready' waits for the figure to be on screen (markShown); a failure is final now.
    if (o.latest && problem) setPageState(problem.kind === 'model' ? 'idle' : 'error');
  }

  /** The preview shows the newest figure. */
  markShown(): void {
    if (!this.state.drawing && !this.state.problem) setPageState('ready');
  }

  /** The figure as TikZ with the current settings (for the .tex download from an SVG style). */
  async tikz(): Promise<string> {
    const s = this.state.settings;
    const r = await send({ source: s.source, options: drawOptions(s, 'tikz'), text: s.spec.text });
    if (r.output === null) throw new Error(r.problem?.message ?? 'TikZ drawing failed');
    return r.output;
  }
}

/** The app's diagram store. */
export const diagramStore = new DiagramStore();

/** The store's state, re-rendering on change. */
export function useDiagramState(): DiagramState {
  return useSyncExternalStore(diagramStore.subscribe, diagramStore.get);
}
