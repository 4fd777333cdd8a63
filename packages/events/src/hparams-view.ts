/** Assembles hparams sessions from runs: session info from `_hparams_/*` tags, metrics from scalar series. */
import type { HParamsData, HParamsSession } from './provider.js';
import type { Run } from './run.js';

/** Run name of `group` under `session` ('.' is the log dir root). */
export function joinRun(session: string, group: string): string {
  if (!group || group === '.') return session;
  return session === '.' ? group : `${session}/${group}`;
}

function lastPoint(
  run: Run | undefined,
  tag: string,
): { value: number; step: number; wallTime: number } | null {
  const s = run?.series.get(tag);
  if (!s || s.kind !== 'scalar' || s.points.length === 0) return null;
  const a = s.points.toArrays(s.points.length - 1);
  return { value: a.values[0]!, step: a.steps[0]!, wallTime: a.wallTimes[0]! };
}

/**
 * TensorBoard's layout: the experiment may sit in a parent run; each session is a run with
 * session_start_info; metric (group, tag) is the scalar `tag` in run `<session>/<group>`. Without
 * declared metrics, every scalar tag of the session run and its sub-runs is taken as a metric.
 */
export function hparamsData(runs: Run[]): HParamsData {
  const byName = new Map(runs.map((r) => [r.name, r]));
  const experiments = runs
    .filter((r) => r.experiment)
    .map((r) => ({ run: r.name, experiment: r.experiment! }));
  const declared = experiments.flatMap((e) => e.experiment.metricInfos);
  const sessions: HParamsSession[] = [];
  for (const r of runs) {
    if (!r.sessionStart) continue;
    const metrics: HParamsSession['metrics'] = {};
    if (declared.length) {
      for (const m of declared) {
        const run = joinRun(r.name, m.group);
        const p = lastPoint(byName.get(run), m.tag);
        if (p) metrics[m.group ? `${m.group}/${m.tag}` : m.tag] = { ...p, run };
      }
    } else {
      const prefix = r.name === '.' ? '' : `${r.name}/`;
      for (const sub of runs) {
        if (sub !== r && !(prefix === '' || sub.name.startsWith(prefix))) continue;
        const group = sub === r ? '' : sub.name.slice(prefix.length);
        for (const s of sub.series.values()) {
          if (s.kind !== 'scalar') continue;
          const p = lastPoint(sub, s.tag);
          if (p) metrics[group ? `${group}/${s.tag}` : s.tag] = { ...p, run: sub.name };
        }
      }
    }
    sessions.push({
      run: r.name,
      groupName: r.sessionStart.groupName,
      hparams: r.sessionStart.hparams,
      startTimeSecs: r.sessionStart.startTimeSecs || null,
      status: r.sessionEnd ? r.sessionEnd.status : null,
      endTimeSecs: r.sessionEnd ? r.sessionEnd.endTimeSecs || null : null,
      metrics,
    });
  }
  return { experiments, sessions };
}
