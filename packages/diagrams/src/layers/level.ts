/** One level of the scope tree seen as a small DAG of members (child groups and units), and its main path. */
import type { ScopeGroup } from '@nnlens/layout';
import type { Unit } from './units.js';

/** A box at one level: a child group or a unit that sits directly in the level's group. */
export type Member =
  { key: string; group: ScopeGroup; unit?: undefined } | { key: string; unit: Unit; group?: undefined };

/** The outside of a level (its inputs). */
export const OUTSIDE = 'outside';

/** The members of a level, their connections and the longest path through them. */
export interface LevelPlan {
  members: Member[];
  /** Member keys feeding each member (OUTSIDE for inputs from outside the level). */
  preds: Map<string, Set<string>>;
  /** Members of the longest path, in order. */
  main: Member[];
  /** Members off the main path that only feed a residual add (downsample projections), by key. */
  side: Set<string>;
  /** Off-path members that explain nothing: parallel branches, dropped or summarised. */
  stray: Member[];
  /** Merges (other than residual adds) joining the main path with another path. */
  foreignMerges: Member[];
}

/** Where units live in the scope tree. */
export interface UnitPlacement {
  groupOf(unit: Unit): ScopeGroup;
}

/** The member of `level` that holds `unit`, or undefined when the unit is outside the level. */
export function memberKeyOf(unit: Unit, level: ScopeGroup, place: UnitPlacement): string | undefined {
  for (let a: ScopeGroup | null = place.groupOf(unit); a; a = a.parent) {
    if (a === level) return `u${unit.index}`;
    if (a.parent === level) return `g${a.id}`;
  }
  return undefined;
}

/** Units of a level's subtree drive its members; `units` must be in graph order. */
export function planLevel(
  level: ScopeGroup,
  units: readonly Unit[],
  place: UnitPlacement,
  isExit: (u: Unit) => boolean,
): LevelPlan {
  const byKey = new Map<string, Member>();
  const members: Member[] = [];
  const preds = new Map<string, Set<string>>();
  const weight = new Map<string, number>();
  const exits = new Set<string>();
  const firstUnit = new Map<string, Unit>();
  for (const u of units) {
    const key = memberKeyOf(u, level, place)!;
    if (!firstUnit.has(key)) firstUnit.set(key, u);
    let m = byKey.get(key);
    if (!m) {
      m = key.startsWith('u') ? { key, unit: u } : { key, group: groupChild(place.groupOf(u), level) };
      byKey.set(key, m);
      members.push(m);
      preds.set(key, new Set());
    }
    weight.set(key, (weight.get(key) ?? 0) + (u.kind === 'merge' ? 0.1 : 1));
    for (const p of u.preds) {
      const pk = memberKeyOf(p, level, place) ?? OUTSIDE;
      if (pk !== key) preds.get(key)!.add(pk);
    }
    if (isExit(u)) exits.add(key);
  }
  const order = new Map(members.map((m, i) => [m.key, i]));
  // Longest path by weight; edges against graph order (cycles between scopes) are ignored.
  const best = new Map<string, number>();
  const from = new Map<string, string | null>();
  for (const m of members) {
    let b = 0;
    let f: string | null = null;
    for (const p of preds.get(m.key)!) {
      if (p === OUTSIDE || order.get(p)! >= order.get(m.key)!) continue;
      const v = best.get(p)!;
      if (v > b) [b, f] = [v, p];
    }
    best.set(m.key, b + weight.get(m.key)!);
    from.set(m.key, f);
  }
  let end: string | undefined;
  for (const m of members) {
    if (!exits.has(m.key) && exits.size) continue;
    if (end === undefined || best.get(m.key)! >= best.get(end)!) end = m.key;
  }
  const main: Member[] = [];
  for (let k: string | null | undefined = end; k; k = from.get(k)) main.unshift(byKey.get(k)!);
  const onMain = new Set(main.map((m) => m.key));
  const side = new Set<string>();
  const foreignMerges: Member[] = [];
  for (let i = 0; i < main.length; i++) {
    const m = main[i]!;
    const ps = [...preds.get(m.key)!].filter((p) => p !== (i === 0 ? OUTSIDE : main[i - 1]!.key));
    if (ps.length === 0) continue;
    // A module that opens with the add (Keras names the Add layer: a one-node scope) counts too.
    const head = firstUnit.get(m.key)!;
    const residual = head.kind === 'merge' && head.mergeKind === 'add';
    let explained = residual;
    for (const p of ps) {
      if (p === OUTSIDE || onMain.has(p)) continue;
      const chain = sideChain(p, preds, onMain);
      if (chain && residual) chain.forEach((c) => side.add(c));
      else explained = false;
    }
    if (!explained) foreignMerges.push(m);
  }
  const stray = members.filter((m) => !onMain.has(m.key) && !side.has(m.key));
  return { members, preds, main, side, stray, foreignMerges };
}

function groupChild(g: ScopeGroup, level: ScopeGroup): ScopeGroup {
  let a = g;
  while (a.parent !== level) a = a.parent!;
  return a;
}

/** A short single-file chain ending on the main path (or outside), e.g. downsample conv + BN. */
function sideChain(start: string, preds: Map<string, Set<string>>, onMain: Set<string>): string[] | null {
  const chain: string[] = [];
  let k = start;
  for (let hops = 0; hops < 3; hops++) {
    chain.push(k);
    const ps = [...preds.get(k)!];
    if (ps.length !== 1) return null;
    const p = ps[0]!;
    if (p === OUTSIDE || onMain.has(p)) return chain;
    k = p;
  }
  return null;
}
