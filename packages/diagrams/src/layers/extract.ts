/** Finds the main path of a model (conv/pool/dense blocks), its skips and repeats: the layer list styles draw. */
import type { ModelAnalysis } from '@nnlens/analysis';
import type { Model, Node, Value } from '@nnlens/ir';
import { buildScopeTree, pathFromName, type ScopeGroup, type ScopeTree } from '@nnlens/layout';
import { bool, numberIn } from '../options.js';
import { describeUnit, dropBatch, opText } from './describe.js';
import type { Layer, LayerDiagram, LayerKind, RepeatSpan, Skip } from './layer.js';
import { planLevel, type LevelPlan, type Member, type UnitPlacement } from './level.js';
import { uniqueNames } from './names.js';
import { buildUnits, type Unit, type UnitGraph } from './units.js';

/** How far to expand the model's modules. */
export interface ExtractOptions {
  /** Deepest module level drawn layer by layer; deeper modules become one block each (default: automatic). */
  depth?: number;
  /** The automatic depth is the largest that keeps at most this many layers (default 40). */
  maxLayers?: number;
  /** Draw a run of identical blocks once with "× n" (default true). */
  rollRepeats?: boolean;
}

interface Context {
  ug: UnitGraph;
  tree: ScopeTree;
  analysis: ModelAnalysis;
  place: UnitPlacement;
  unitsUnder: Map<ScopeGroup, Unit[]>;
  depth: number;
  roll: boolean;
  layers: Layer[];
  layerOfUnit: Map<Unit, Layer>;
  merges: Unit[];
  repeats: RepeatSpan[];
  warnings: string[];
  plans: Map<ScopeGroup, LevelPlan>;
  paths: Map<Layer, string[]>;
}

/** Builds the layer list of a model whose shapes analyze() has inferred. */
export function extractLayers(
  model: Model,
  analysis: ModelAnalysis,
  options: ExtractOptions = {},
): LayerDiagram {
  const tree = buildScopeTree(model.graph);
  const ug = buildUnits(model.graph, tree.groupOfNode);
  const maxLayers = numberIn(options.maxLayers, 'maxLayers', 40, { min: 1, integer: true });
  const roll = bool(options.rollRepeats, 'rollRepeats', true);
  if (options.depth !== undefined) {
    return run(
      model,
      ug,
      tree,
      analysis,
      numberIn(options.depth, 'depth', 0, { min: 0, integer: true }),
      roll,
    );
  }
  let deepest = 0;
  for (const g of tree.groups.values()) deepest = Math.max(deepest, g.depth);
  let result = run(model, ug, tree, analysis, deepest, roll);
  for (let d = deepest - 1; d >= 0 && result.layers.length > maxLayers; d--) {
    result = run(model, ug, tree, analysis, d, roll);
  }
  return result;
}

function run(
  model: Model,
  ug: UnitGraph,
  tree: ScopeTree,
  analysis: ModelAnalysis,
  depth: number,
  roll: boolean,
): LayerDiagram {
  const groupOfUnit = (u: Unit): ScopeGroup => {
    if (!u.anchor) return tree.root;
    const id = tree.groupOfNode[u.anchor.index];
    return id ? tree.groups.get(id)! : tree.root;
  };
  const unitsUnder = new Map<ScopeGroup, Unit[]>();
  for (const u of ug.units) {
    for (let g: ScopeGroup | null = groupOfUnit(u); g; g = g.parent) {
      let list = unitsUnder.get(g);
      if (!list) unitsUnder.set(g, (list = []));
      list.push(u);
    }
  }
  const ctx: Context = {
    ug,
    tree,
    analysis,
    place: { groupOf: groupOfUnit },
    unitsUnder,
    depth,
    roll,
    layers: [],
    layerOfUnit: new Map(),
    merges: [],
    repeats: [],
    warnings: [],
    plans: new Map(),
    paths: new Map(),
  };
  emitLevel(ctx, tree.root);
  const names = uniqueNames(ctx.layers.map((l) => ctx.paths.get(l) ?? [l.name]));
  ctx.layers.forEach((l, i) => (l.name = names[i]!));
  const skips = collectSkips(ctx);
  return {
    title: model.graph.name || 'model',
    layers: ctx.layers,
    skips,
    repeats: ctx.repeats,
    warnings: ctx.warnings,
  };
}

function plan(ctx: Context, level: ScopeGroup): LevelPlan {
  let p = ctx.plans.get(level);
  if (p) return p;
  const under = ctx.unitsUnder.get(level) ?? [];
  const inside = new Set(under);
  const outputs = new Set(ctx.ug.graph.outputs);
  const isExit = (u: Unit): boolean => {
    const values = u.anchor ? [u.anchor, ...u.folded].flatMap((n) => n.outputs) : [u.input!];
    for (const v of values) {
      if (!v) continue;
      if (outputs.has(v)) return true;
      if (
        level.parent &&
        v.consumers.some((c) => {
          const cu = ctx.ug.unitOfNode[c.index];
          return cu !== undefined && !inside.has(cu);
        })
      )
        return true;
    }
    return false;
  };
  p = planLevel(level, under, ctx.place, isExit);
  ctx.plans.set(level, p);
  return p;
}

function isAtomic(ctx: Context, g: ScopeGroup): boolean {
  if (g.depth > ctx.depth) return true;
  const p = plan(ctx, g);
  return p.stray.length > 0 || p.foreignMerges.length > 0 || p.members.some((m) => m.unit?.kind === 'matmul');
}

function emitLevel(ctx: Context, level: ScopeGroup): void {
  const p = plan(ctx, level);
  if (!level.parent) {
    for (const m of p.stray) {
      const n = m.group ? (ctx.unitsUnder.get(m.group)?.length ?? 0) : 1;
      ctx.warnings.push(
        `'${m.group ? m.group.label : m.unit!.anchor?.name}' (${n} unit${n === 1 ? '' : 's'}) is off the main path and is not drawn`,
      );
    }
  }
  for (let i = 0; i < p.main.length; i++) {
    const m = p.main[i]!;
    const run = ctx.roll ? repeatRun(ctx, p.main, i) : 1;
    const first = ctx.layers.length;
    emitMember(ctx, m);
    if (run > 1) {
      const g = m.group!;
      const instances = p.main.slice(i, i + run).map((x) => ctx.unitsUnder.get(x.group!) ?? []);
      const base = instances[0]!;
      for (const inst of instances.slice(1))
        inst.forEach((u, k) => {
          const l = ctx.layerOfUnit.get(base[k]!);
          if (l) ctx.layerOfUnit.set(u, l);
        });
      ctx.repeats.push({
        first: ctx.layers[first]!.id,
        last: ctx.layers[ctx.layers.length - 1]!.id,
        count: run,
        label: `${g.label} ×${run}`,
      });
      i += run - 1;
    }
  }
}

/** Length of the run of identical groups starting at main[i] (same structure, shape and size). */
function repeatRun(ctx: Context, main: Member[], i: number): number {
  const g = main[i]!.group;
  if (!g?.repeat) return 1;
  const key = (x: ScopeGroup): string => {
    const us = ctx.unitsUnder.get(x) ?? [];
    const last = us[us.length - 1];
    return `${x.repeat?.signature}|${costOf(ctx, us.flatMap(unitNodes)).params}|${last ? JSON.stringify(last.shapeValue.shape) : ''}|${us.length}`;
  };
  const k0 = key(g);
  let n = 1;
  while (main[i + n]?.group && key(main[i + n]!.group!) === k0) n++;
  return n;
}

function unitNodes(u: Unit): Node[] {
  return u.anchor ? [...u.pre, u.anchor, ...u.folded] : [];
}

function costOf(ctx: Context, nodes: Node[]): { params: number; macs: number } {
  let params = 0;
  let macs = 0;
  for (const n of nodes) {
    const c = ctx.analysis.nodeCosts.get(n);
    if (c) [params, macs] = [params + c.params, macs + c.macs];
  }
  return { params, macs };
}

function emitMember(ctx: Context, m: Member): void {
  if (m.unit) emitUnit(ctx, m.unit);
  else if (isAtomic(ctx, m.group)) emitBlock(ctx, m.group);
  else emitLevel(ctx, m.group);
}

/** Module path of a unit: its scope group, then its own module or (for functional ops) its node name. */
function unitPath(ctx: Context, u: Unit): string[] {
  if (!u.anchor) return [u.input!.name];
  const id = ctx.tree.groupOfNode[u.anchor.index] ?? '';
  const scope = id
    ? id.split('/').map((_, i, all) => ctx.tree.groups.get(all.slice(0, i + 1).join('/'))?.label ?? all[i]!)
    : [];
  const modules = pathFromName(u.anchor.name);
  const segments = u.anchor.name.split('/').filter(Boolean);
  // A module wrapping just this op (Linear = MatMul + bias Add) is named by the module itself.
  const group = id ? ctx.tree.groups.get(id) : undefined;
  if (group && scope.length && (ctx.unitsUnder.get(group)?.length ?? 0) === 1) return scope;
  if (modules.length > scope.length) return [...scope, modules[modules.length - 1]!];
  return [...scope, segments[segments.length - 1] ?? u.anchor.op];
}

function push(ctx: Context, layer: Omit<Layer, 'id'>, units: Unit[]): Layer {
  const l: Layer = { id: `L${ctx.layers.length}`, ...layer };
  ctx.layers.push(l);
  for (const u of units) ctx.layerOfUnit.set(u, l);
  return l;
}

function emitUnit(ctx: Context, u: Unit): void {
  const d = describeUnit(u);
  const nodes = unitNodes(u);
  const prev = ctx.layers[ctx.layers.length - 1];
  if (u.kind === 'merge') ctx.merges.push(u);
  // A residual add right after the layer it adds to is drawn as part of that layer.
  if (
    u.kind === 'merge' &&
    u.mergeKind !== 'concat' &&
    prev &&
    u.preds.some((p) => ctx.layerOfUnit.get(p) === prev) &&
    sameShape(prev.shape, d.shape)
  ) {
    prev.merge = u.mergeKind === 'mul' ? 'mul' : 'add';
    prev.nodes.push(...nodes.map((n) => n.index));
    if (d.activation) prev.activation = d.activation;
    prev.folded.push(...d.folded);
    const c = costOf(ctx, nodes);
    prev.params += c.params;
    prev.macs += c.macs;
    ctx.layerOfUnit.set(u, prev);
    return;
  }
  const path = unitPath(ctx, u);
  const name = path[path.length - 1]!;
  const dtype = (u.anchor ? u.anchor.outputs[0]?.dtype : u.input?.dtype) ?? 'unknown';
  const l = push(ctx, { name, ...d, ...costOf(ctx, nodes), dtype, nodes: nodes.map((n) => n.index) }, [u]);
  ctx.paths.set(l, path);
}

function sameShape(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function emitBlock(ctx: Context, g: ScopeGroup): void {
  const units = ctx.unitsUnder.get(g) ?? [];
  const p = plan(ctx, g);
  const exit = p.main[p.main.length - 1];
  const exitUnits = exit ? (exit.unit ? [exit.unit] : (ctx.unitsUnder.get(exit.group!) ?? [])) : units;
  const last = exitUnits[exitUnits.length - 1] ?? units[units.length - 1]!;
  const first = units[0]!;
  const output = blockOutput(ctx, g, units) ?? last.shapeValue;
  const nodes = units.flatMap(unitNodes);
  const macUnits = units.filter((u) =>
    ['conv', 'deconv', 'dense', 'recurrent', 'embedding'].includes(u.kind),
  ).length;
  const concats = units.filter((u) => u.kind === 'merge' && u.mergeKind === 'concat');
  let kind: LayerKind = 'block';
  let op = 'Block';
  if (units.some((u) => u.kind === 'matmul')) [kind, op] = ['attention', 'Attention'];
  else if (concats.length >= 2) op = 'Dense block';
  else if (last.kind === 'merge' && last.mergeKind === 'concat') op = `Concat of ${last.preds.length}`;
  else if (units.some((u) => u.kind === 'merge' && u.mergeKind === 'mul')) {
    op = units.some((u) => u.kind === 'pool') ? 'Squeeze-excite' : 'Gated block';
  } else if (units.some((u) => u.kind === 'merge' && u.mergeKind === 'add')) op = 'Residual block';
  else if (macUnits === 1) {
    const only = units.find((u) => ['conv', 'deconv', 'dense', 'recurrent', 'embedding'].includes(u.kind))!;
    const d = describeUnit(only);
    kind = d.kind;
    op = opText({ ...d });
  }
  const act = [...units]
    .reverse()
    .map((u) => describeUnit(u).activation)
    .find(Boolean);
  const layer: Omit<Layer, 'id'> = {
    name: g.label,
    kind,
    op,
    shape: dropBatch(output.shape),
    inShape: dropBatch(first.inputs[0]?.shape ?? null),
    folded: [],
    ...costOf(ctx, nodes),
    dtype: last.anchor?.outputs[0]?.dtype ?? 'unknown',
    nodes: nodes.map((n) => n.index),
    innerLayers: macUnits,
  };
  if (act && macUnits === 1 && kind !== 'block') layer.activation = act;
  const l = push(ctx, layer, units);
  ctx.paths.set(
    l,
    g.id.split('/').map((_, i, all) => ctx.tree.groups.get(all.slice(0, i + 1).join('/'))?.label ?? all[i]!),
  );
}

/** The last value made inside the block that something outside reads (what the block outputs). */
function blockOutput(ctx: Context, g: ScopeGroup, units: Unit[]): Value | undefined {
  const inside = new Set(units);
  const outputs = new Set(ctx.ug.graph.outputs);
  let best: { v: Value; at: number } | undefined;
  for (const u of units) {
    for (const n of unitNodes(u)) {
      // Folded nodes of the next module (its padding) are not this block's output.
      const scope = ctx.tree.groupOfNode[n.index] ?? '';
      if (scope !== g.id && !scope.startsWith(g.id + '/')) continue;
      for (const v of n.outputs) {
        if (!v) continue;
        const leaves =
          outputs.has(v) ||
          v.consumers.some((c) => {
            const cu = ctx.ug.unitOfNode[c.index];
            return cu !== undefined && !inside.has(cu);
          });
        if (leaves && (!best || n.index > best.at)) best = { v, at: n.index };
      }
    }
  }
  return best?.v;
}

/** Skip arcs: every merge input that does not come from the layer just before it. */
function collectSkips(ctx: Context): Skip[] {
  const skips: Skip[] = [];
  const seen = new Set<string>();
  for (const mu of ctx.merges) {
    const to = ctx.layerOfUnit.get(mu);
    if (!to) continue;
    const idx = ctx.layers.indexOf(to);
    for (const p of mu.preds) {
      let src = p;
      const via: string[] = [];
      for (let hops = 0; hops < 6 && !ctx.layerOfUnit.has(src) && src.preds[0]; hops++) {
        const d = describeUnit(src);
        via.unshift(opText(d));
        src = src.preds[0];
      }
      const from = ctx.layerOfUnit.get(src);
      if (!from || from === to) continue;
      if (via.length === 0 && ctx.layers.indexOf(from) === idx - 1 && !to.merge) continue;
      if (ctx.layers.indexOf(from) > idx) continue;
      const key = `${from.id}>${to.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const kind =
        mu.mergeKind === 'concat'
          ? 'concat'
          : mu.mergeKind === 'mul'
            ? 'mul'
            : mu.mergeKind === 'add'
              ? 'add'
              : 'other';
      const skip: Skip = { from: from.id, to: to.id, kind };
      if (via.length) skip.via = via.join(', ');
      skips.push(skip);
    }
  }
  return skips;
}
