/** Dashboard settings (smoothing, axes, histogram mode), kept in localStorage so they survive reloads. */
import type { XType } from '../chart/axes.js';

/** Settings shared by every chart of the Training page. */
export interface TrainingSettings {
  smoothing: number;
  xType: XType;
  logY: boolean;
  robustY: boolean;
  histogramMode: 'offset' | 'overlay';
}

/** TensorBoard's defaults (smoothing 0.6, step axis, ignore outliers on). */
export const DEFAULT_SETTINGS: TrainingSettings = {
  smoothing: 0.6,
  xType: 'step',
  logY: false,
  robustY: true,
  histogramMode: 'offset',
};

const KEY = 'nnlens.training.settings';

/** Saved settings merged over the defaults (unknown or malformed values are ignored). */
export function loadSettings(): TrainingSettings {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<TrainingSettings>;
    const s = { ...DEFAULT_SETTINGS };
    if (typeof raw.smoothing === 'number' && raw.smoothing >= 0 && raw.smoothing <= 0.999)
      s.smoothing = raw.smoothing;
    if (raw.xType === 'step' || raw.xType === 'relative' || raw.xType === 'wall') s.xType = raw.xType;
    if (typeof raw.logY === 'boolean') s.logY = raw.logY;
    if (typeof raw.robustY === 'boolean') s.robustY = raw.robustY;
    if (raw.histogramMode === 'offset' || raw.histogramMode === 'overlay')
      s.histogramMode = raw.histogramMode;
    return s;
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** Saves settings (quietly ignores a full or disabled storage). */
export function saveSettings(s: TrainingSettings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // Private mode or quota: settings simply do not persist.
  }
}
