/** Number, step, duration and time formatting for axes, tooltips and tables. */

const SUFFIX = ['', 'k', 'M', 'G', 'T'];

/**
 * A short form of `v` with about `digits` significant digits: 1.23k, 4.5M, 0.0123, 1.2e-5. Axis
 * labels pass the tick step as `step` so neighbouring labels get just enough decimals to differ.
 */
export function formatNumber(v: number, step?: number, digits = 4): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const sign = v < 0 ? '−' : '';
  if (a >= 1e4 && a < 1e15) {
    const k = Math.min(SUFFIX.length - 1, Math.floor(Math.log10(a) / 3));
    const scaled = a / 10 ** (3 * k);
    const dec =
      step !== undefined ? Math.max(0, Math.min(3, -Math.floor(Math.log10(step / 10 ** (3 * k)) + 1e-9))) : 2;
    return sign + trim(scaled.toFixed(dec)) + SUFFIX[k];
  }
  if (a < 1e-3 || a >= 1e15) return sign + trim(a.toExponential(Math.max(0, digits - 2))).replace('e-', 'e−');
  if (step !== undefined) {
    const dec = Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9)));
    return sign + a.toFixed(dec);
  }
  return sign + trim(a.toPrecision(digits));
}

function trim(s: string): string {
  return s.includes('e') ? s.replace(/\.?0+e/, 'e') : s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** A step number with thousands separators. */
export function formatStep(step: number): string {
  return Number.isInteger(step) ? step.toLocaleString('en-US') : String(step);
}

/** A duration in seconds: 850 ms, 42 s, 3m 20s, 2h 05m, 3d 4h. */
export function formatDuration(sec: number): string {
  if (!Number.isFinite(sec)) return '—';
  const s = Math.abs(sec);
  const sign = sec < 0 ? '−' : '';
  if (s < 1) return `${sign}${Math.round(s * 1000)} ms`;
  if (s < 60) return `${sign}${trim(s.toFixed(s < 10 ? 1 : 0))} s`;
  if (s < 3600) return `${sign}${Math.floor(s / 60)}m ${String(Math.floor(s % 60)).padStart(2, '0')}s`;
  if (s < 86400)
    return `${sign}${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  return `${sign}${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h`;
}

/** An axis label for a duration tick, as short as the step allows (1h, 1h30m, 45s). */
export function formatDurationTick(sec: number, step: number): string {
  if (sec === 0) return '0';
  if (step < 60)
    return `${trim((sec % 60 === 0 && step >= 1 ? sec / 60 : sec).toFixed(step < 1 ? 1 : 0))}${sec % 60 === 0 && step >= 1 ? 'm' : 's'}`;
  if (step < 3600) return sec % 3600 === 0 ? `${sec / 3600}h` : `${Math.floor(sec / 60)}m`;
  if (step < 86400) return sec % 86400 === 0 ? `${sec / 86400}d` : `${trim((sec / 3600).toFixed(1))}h`;
  return `${trim((sec / 86400).toFixed(1))}d`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An axis label for a wall-time tick (seconds since the epoch), local time, at the step's precision. */
export function formatTimeTick(sec: number, step: number): string {
  const d = new Date(sec * 1000);
  if (step >= 86400 || (d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0 && step >= 3600))
    return `${MONTHS[d.getMonth()]} ${d.getDate()}`;
  if (step < 60) return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A wall time in full for tooltips: 2024-03-05 14:03:22. */
export function formatDateTime(sec: number): string {
  const d = new Date(sec * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
